"""Reads of the needs mechanism: a user's list and one request, their related rows fetched in a
fixed number of queries; the open rounds; who has answered a round."""

import datetime

from django.db.models import Count, Prefetch, Q, QuerySet
from django.http import HttpRequest
from django.utils import timezone

from administrations.models import Administration
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
