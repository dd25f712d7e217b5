"""Reads of the needs mechanism: a user's list and one request, their related rows fetched in a
fixed number of queries; the open rounds; who has answered a round."""

import datetime
from collections import Counter
from dataclasses import dataclass

from django.db.models import Count, Prefetch, Q, QuerySet
from django.db.models.functions import ExtractYear
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from administrations.models import Administration
from competencies.selectors import MIN_PEOPLE, gaps_by_administration
from experts.models import ExpertiseArea
from needs.filters import NeedFilter
from needs.models import NeedsNote, NeedsRequest, NeedsRound, Status
from workplan.models import Activity

# The long texts a list does not show.
NOT_LISTED = (
    "description",
    "description_en",
    "description_ru",
    "proposal",
    "proposal_en",
    "proposal_ru",
    "decline_reason",
    "decline_reason_en",
    "decline_reason_ru",
    "answers",
)


def need_list(*, request: HttpRequest) -> NeedFilter:
    """The requests the user may see (staff: all; a member: their administration's), duplicates
    left out, newest first, narrowed by the query string: the FilterSet (`.qs`, `.form`)."""
    needs = (
        NeedsRequest.objects.visible_to(request.user)
        .listed()
        .select_related("administration")
        .prefetch_related("areas")
        .defer(*NOT_LISTED)
        .order_by("-submitted_at", "-id")
    )
    return NeedFilter(request.GET, queryset=needs, request=request)


def need_detail(*, pk: int, user) -> NeedsRequest:
    """One request the user may see, with what its page shows (the office's notes for staff
    only). Raises NeedsRequest.DoesNotExist for a request the user may not see."""
    needs = NeedsRequest.objects.visible_to(user).select_related(
        "administration", "submitted_by", "round", "activity__goal", "event", "duplicate_of"
    )
    lookups = ["areas", "competencies", "attachments", "duplicates"]
    if user.is_staff:
        lookups.append(Prefetch("notes", NeedsNote.objects.select_related("author")))
    return needs.prefetch_related(*lookups).get(pk=pk)


def round_open_list(*, today: datetime.date | None = None) -> QuerySet[NeedsRound]:
    """Rounds whose deadline has not passed, the soonest first."""
    today = today or timezone.localdate()
    return NeedsRound.objects.filter(deadline__gte=today).order_by("deadline", "pk")


def round_open(*, pk, today: datetime.date | None = None) -> NeedsRound | None:
    """The open round with this id, or None (closed, unknown or not an id)."""
    try:
        return round_open_list(today=today).get(pk=int(pk))
    except (TypeError, ValueError, OverflowError, NeedsRound.DoesNotExist):
        return None


def round_answers(*, round: NeedsRound) -> QuerySet[Administration]:
    """Every member administration with the number of requests it sent in answer to the round
    (`answered`), those that answered first."""
    return (
        Administration.objects.members()
        .annotate(answered=Count("needs", filter=Q(needs__round=round), distinct=True))
        .order_by("-answered", "code")
    )


def needs_of(*, administration: Administration, user) -> QuerySet[NeedsRequest]:
    """An administration's requests as `user` may see them (none for another administration's
    member), newest first."""
    return (
        NeedsRequest.objects.visible_to(user)
        .listed()
        .filter(administration=administration)
        .select_related("activity")
        .defer(*NOT_LISTED)
        .order_by("-submitted_at", "-id")
    )


def status_counts(*, administration: Administration) -> list[tuple[str, int]]:
    """How many of an administration's requests stand in each status (labels in the page's
    language), in the workflow's order: figures any member may read, with no request's text."""
    counts = dict(
        NeedsRequest.objects.listed()
        .filter(administration=administration)
        .values_list("status")
        .annotate(count=Count("id"))
    )
    return [(status.label, counts[status]) for status in Status if counts.get(status)]


def activities_for_needs(*, administration: Administration) -> QuerySet[Activity]:
    """The work-plan activities the office planned the administration's requests into."""
    return (
        Activity.objects.filter(needs__administration=administration)
        .select_related("goal")
        .distinct()
        .order_by("goal__number", "sequence")
    )


@dataclass(frozen=True)
class AnalysisRow:
    label: object  # a year or an administration
    counts: list[int]
    total: int


@dataclass(frozen=True)
class GapRow:
    administration: Administration
    assessed: object  # competencies.selectors.gaps.AdministrationGaps
    requests: int


@dataclass(frozen=True)
class NeedsAnalysis:
    """The office's view of every request: by year and status, by administration and area (of
    one year, or all), and each administration's self-assessment gaps beside its requests."""

    years: list[int]
    year: int | None
    statuses: list[str]  # labels, in the workflow's order
    by_year: list[AnalysisRow]
    areas: list[ExpertiseArea]
    by_administration: list[AnalysisRow]
    gaps: list[GapRow]
    min_people: int


def _year_of(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError, OverflowError):
        return None


def needs_analysis(*, year=None) -> NeedsAnalysis:
    """Counts of requests (duplicates left out) in a fixed number of queries."""
    needs = NeedsRequest.objects.listed().annotate(year=ExtractYear("submitted_at"))
    by_year_status = Counter(
        {
            (y, status): n
            for y, status, n in needs.values_list("year", "status")
            .annotate(n=Count("id"))
            .order_by()
        }
    )
    years = sorted({y for y, _ in by_year_status}, reverse=True)
    year = _year_of(year)
    year = year if year in years else None
    by_year = []
    for y in years:
        counts = [by_year_status[y, status] for status in Status]
        by_year.append(AnalysisRow(y, counts, sum(counts)))

    areas = list(ExpertiseArea.objects.order_by("slug"))
    cells = NeedsRequest.areas.through.objects.filter(needsrequest__duplicate_of__isnull=True)
    if year:
        cells = cells.filter(needsrequest__submitted_at__year=year)
    by_cell = Counter(
        {
            (administration, area): n
            for administration, area, n in cells.values_list(
                "needsrequest__administration", "expertisearea"
            )
            .annotate(n=Count("needsrequest", distinct=True))
            .order_by()
        }
    )
    totals = Counter(
        dict(
            (needs.filter(year=year) if year else needs)
            .values_list("administration")
            .annotate(n=Count("id"))
            .order_by()
        )
    )
    administrations = list(Administration.objects.members().order_by("code"))
    by_administration = [
        AnalysisRow(
            administration,
            [by_cell[administration.pk, area.pk] for area in areas],
            totals[administration.pk],
        )
        for administration in administrations
        if totals[administration.pk]
    ]
    assessed = gaps_by_administration()
    gaps = [
        GapRow(administration, assessed[administration.pk], totals[administration.pk])
        for administration in administrations
        if administration.pk in assessed
    ]
    return NeedsAnalysis(
        years=years,
        year=year,
        statuses=[status.label for status in Status],
        by_year=by_year,
        areas=areas,
        by_administration=by_administration,
        gaps=gaps,
        min_people=MIN_PEOPLE,
    )


def analysis_rows(analysis: NeedsAnalysis) -> tuple[list, list[list]]:
    """The analysis by administration and area as one table (headers, rows) for the export."""
    headers = [_("Administration"), *[area.name for area in analysis.areas], _("Requests")]
    rows = [[str(row.label), *row.counts, row.total] for row in analysis.by_administration]
    return headers, rows
