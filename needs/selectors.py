"""Reads of the needs mechanism: a user's list and one request, their related rows fetched in a
fixed number of queries; the open rounds; who has answered a round; the experts ranked for a
request (matching) and the missions of a request.

The ranking is one query whatever the number of experts: one statement in which PostgreSQL
scores and sorts every candidate on the columns the order needs, and returns a page of them
(with their names and administrations) with each reason's figures and points (`RANK_POINTS`)
and the number of candidates.
"""

import datetime
from collections import Counter
from dataclasses import dataclass

from django.contrib.postgres.expressions import ArraySubquery
from django.core.paginator import Page, Paginator
from django.db import connection
from django.db.models import Count, OuterRef, Q, QuerySet
from django.db.models.functions import ExtractYear
from django.http import HttpRequest
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _

from administrations.models import Administration
from competencies.models import ProficiencyLevel
from competencies.selectors import MIN_PEOPLE, gaps_by_administration
from experts.models import (
    LANGUAGE_NAMES,
    Availability,
    Expert,
    ExpertCompetency,
    ExpertiseArea,
    ExpertLanguage,
    Level,
)
from needs.detail_rows import detail_rows_attach
from needs.filters import NeedFilter
from needs.models import (
    Mission,
    NeedsRequest,
    NeedsRound,
    Status,
    rotation_since,
)
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
    only): the request's own row in one statement, every related row in another
    (`needs.detail_rows`). Raises NeedsRequest.DoesNotExist for a request the user may not
    see."""
    need = (
        NeedsRequest.objects.visible_to(user)
        # The requests merged into this one, as numbers (with the row: no query of their own).
        .annotate(
            duplicate_ids=ArraySubquery(
                NeedsRequest.objects.filter(duplicate_of=OuterRef("pk")).order_by("pk").values("pk")
            )
        )
        .get(pk=pk)
    )
    detail_rows_attach(need=need, notes=user.is_staff)
    return need


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


# The points each reason gives an expert for a request (at most 100 in all).
RANK_POINTS = {
    # All the request's areas of expertise: 40; some of them, their share. A request that names
    # competencies gives half of that to its areas and half to its competencies the expert holds
    # at EXPERT_COMPETENCY_LEVEL or above (all of them: 20; some, their share).
    "areas": 40,
    "areas_with_competencies": 20,
    "competencies": 20,
    # For each level of the working language (basic 1 … native 4): up to 20.
    "language_level": 5,
    "available": 20,
    "limited": 10,
    # Rotation: 12 for an expert with no mission since rotation_since(), 4 fewer for each …
    "expert_rotation": 12,
    "expert_rotation_step": 4,
    # … and 8 for an administration none of whose experts went since, 1 fewer for each.
    "administration_rotation": 8,
    "administration_rotation_step": 1,
}

# An expert who advises or trains others in a competency holds it at least at this level of the
# framework's proficiency scale (on the starter scale, 3 "Practitioner": handles complex and new
# situations and shares know-how with colleagues).
EXPERT_COMPETENCY_LEVEL = 3

# One statement, set-based: each count is grouped once and hash-joined to the candidates (the
# ORM's correlated subqueries ran once per candidate and per reference: ten times slower on
# the benchmark's 10,000 experts). The table names are the models' own (see ranking_sql()).
# Every candidate is scored and sorted on the few columns the score and the order need (read
# from experts_rankable_idx, an index-only scan, instead of the table's wide rows); only the
# page's rows then get their names, administration, and the areas and competencies matched. On
# the benchmark's 3,000 candidates this took the statement to about half its time, against
# carrying every candidate's names and arrays through the sort.
RANKING_SQL = """
WITH matched AS (
    SELECT expert_id, COUNT(*) AS matched
    FROM {expert_areas}
    WHERE expertisearea_id = ANY(%(areas)s)
    GROUP BY expert_id
),
held AS (
    SELECT h.expert_id, COUNT(*) AS held
    FROM {expert_competency} h
    JOIN {level} pl ON pl.id = h.level_id
    WHERE h.competency_id = ANY(%(competencies)s::bigint[]) AND pl.number >= %(competency_level)s
    GROUP BY h.expert_id
),
recent AS (
    SELECT expert_id, provider_id FROM {mission} WHERE start_date >= %(since)s
),
by_expert AS (
    SELECT expert_id, COUNT(*) AS n FROM recent WHERE expert_id IS NOT NULL GROUP BY expert_id
),
by_administration AS (
    SELECT provider_id, COUNT(*) AS n FROM recent GROUP BY provider_id
),
reasons AS (
    SELECT
        e.id, e.family_name_en, e.given_names_en, e.availability, e.administration_id,
        m.matched, COALESCE(l.level, 0) AS level, COALESCE(h.held, 0) AS held,
        COALESCE(be.n, 0) AS expert_missions, COALESCE(ba.n, 0) AS administration_missions
    FROM matched m
    JOIN {expert} e ON e.id = m.expert_id
    LEFT JOIN {expert_language} l ON l.expert_id = e.id AND l.language = %(language)s
    LEFT JOIN held h ON h.expert_id = e.id
    LEFT JOIN by_expert be ON be.expert_id = e.id
    LEFT JOIN by_administration ba ON ba.provider_id = e.administration_id
    -- Withdrawn and erased records are never ranked (experts.models.LISTED).
    WHERE e.withdrawn_at IS NULL AND e.erased_on IS NULL
        AND (%(own)s::bigint IS NULL OR e.administration_id <> %(own)s::bigint)
),
points AS (
    SELECT
        reasons.*,
        %(area_total)s AS area_total,
        matched * %(areas_points)s / %(area_total)s AS areas_points,
        %(competency_total)s AS competency_total,
        COALESCE(held * %(competencies_points)s / NULLIF(%(competency_total)s, 0), 0)
            AS competency_points,
        level * %(language_level)s AS language_points,
        CASE availability WHEN %(available)s THEN %(available_points)s
            WHEN %(limited)s THEN %(limited_points)s ELSE 0 END AS availability_points,
        GREATEST(%(expert_rotation)s - expert_missions * %(expert_rotation_step)s, 0)
            AS expert_rotation_points,
        GREATEST(
            %(administration_rotation)s
            - administration_missions * %(administration_rotation_step)s, 0
        ) AS administration_rotation_points
    FROM reasons
),
ranked AS (
    SELECT
        points.*,
        areas_points + competency_points + language_points + availability_points
            + expert_rotation_points + administration_rotation_points AS score,
        COUNT(*) OVER () AS found
    FROM points
    ORDER BY score DESC, expert_missions, administration_missions, LOWER(family_name_en),
        LOWER(given_names_en), id
    LIMIT %(limit)s OFFSET %(offset)s
)
SELECT
    r.*, e.given_names, e.given_names_ru, e.family_name, e.family_name_ru,
    a.code AS administration_code, a.name AS administration_name,
    a.name_en AS administration_name_en, a.name_ru AS administration_name_ru,
    ARRAY(
        SELECT x.expertisearea_id FROM {expert_areas} x
        WHERE x.expert_id = r.id AND x.expertisearea_id = ANY(%(areas)s)
    ) AS matched_area_ids,
    ARRAY(
        SELECT h.competency_id FROM {expert_competency} h
        JOIN {level} pl ON pl.id = h.level_id
        WHERE h.expert_id = r.id AND h.competency_id = ANY(%(competencies)s::bigint[])
            AND pl.number >= %(competency_level)s
    ) AS held_competency_ids
FROM ranked r
JOIN {expert} e ON e.id = r.id
JOIN {administration} a ON a.id = r.administration_id
ORDER BY r.score DESC, r.expert_missions, r.administration_missions, LOWER(r.family_name_en),
    LOWER(r.given_names_en), r.id
"""


def ranking_sql() -> str:
    return RANKING_SQL.format(
        expert=Expert._meta.db_table,
        administration=Administration._meta.db_table,
        expert_areas=Expert.areas.through._meta.db_table,
        expert_language=ExpertLanguage._meta.db_table,
        expert_competency=ExpertCompetency._meta.db_table,
        level=ProficiencyLevel._meta.db_table,
        mission=Mission._meta.db_table,
    )


def ranking_language(need: NeedsRequest) -> str:
    """The working language the ranking asks for unless staff choose another: the language of
    the focal point who sent the request (English or Russian)."""
    submitter = need.submitted_by
    return getattr(submitter, "language", None) or "en"


class ExpertRanking:
    """The experts ranked for one request, as a sequence to page (`RankingPaginator`): a slice
    is one query for its rows (Expert objects with the reasons as attributes: `matched`,
    `matched_areas`, `held` and `held_competencies` (the request's competencies the expert holds
    at EXPERT_COMPETENCY_LEVEL or above, of `competency_total`), `level`, `expert_missions`,
    `administration_missions`, each reason's
    `…_points` and their sum `score`, `rank`, and `found`, the number of candidates), with
    their administrations; its length one count."""

    def __init__(self, *, need, area_ids, competency_ids, include_own, language, since):
        self.need = need
        self.area_ids = area_ids
        self.competency_ids = competency_ids
        self.include_own = include_own
        self.language = language
        self.since = since

    def _candidates(self) -> QuerySet[Expert]:
        through = Expert.areas.through.objects.filter(expertisearea_id__in=self.area_ids)
        experts = Expert.objects.listed().filter(pk__in=through.values("expert_id"))
        if not self.include_own:
            experts = experts.exclude(administration_id=self.need.administration_id)
        return experts

    @cached_property
    def total(self) -> int:
        return self._candidates().count() if self.area_ids else 0

    def count(self) -> int:
        return self.total

    def __len__(self) -> int:
        return self.total

    def __getitem__(self, key):
        if not isinstance(key, slice):
            return self[key : key + 1][0]
        start, stop = key.start or 0, key.stop if key.stop is not None else self.total
        if not self.area_ids or stop <= start:
            return []
        experts = list(Expert.objects.raw(ranking_sql(), self.params(start, stop)))
        areas = {area.pk: area for area in self.need.areas.all()}
        competencies = {competency.pk: competency for competency in self.need.competencies.all()}
        for rank, expert in enumerate(experts, start=start + 1):
            # The administration came with the row (its name in both languages).
            expert.administration = Administration.from_db(
                None,
                ["id", "code", "name", "name_en", "name_ru"],
                [
                    expert.administration_id,
                    expert.administration_code,
                    expert.administration_name,
                    expert.administration_name_en,
                    expert.administration_name_ru,
                ],
            )
            expert.rank = rank
            expert.matched_areas = sorted(
                (areas[pk] for pk in expert.matched_area_ids if pk in areas), key=str
            )
            expert.held_competencies = sorted(
                (competencies[pk] for pk in expert.held_competency_ids if pk in competencies),
                key=lambda competency: competency.code,
            )
            expert.is_own = expert.administration_id == self.need.administration_id
            expert.language_name = LANGUAGE_NAMES.get(self.language, self.language)
            expert.level_name = Level(expert.level).label if expert.level else ""
        return experts

    def params(self, start: int, stop: int) -> dict:
        """The ranking statement's parameters for the rows from `start` to `stop`."""
        points = RANK_POINTS
        return {
            "areas": list(self.area_ids),
            "area_total": len(self.area_ids),
            "competencies": list(self.competency_ids),
            "competency_total": len(self.competency_ids),
            "competency_level": EXPERT_COMPETENCY_LEVEL,
            "competencies_points": points["competencies"] if self.competency_ids else 0,
            "since": self.since,
            "language": self.language,
            "own": None if self.include_own else self.need.administration_id,
            "areas_points": points["areas_with_competencies" if self.competency_ids else "areas"],
            "language_level": points["language_level"],
            "available": Availability.AVAILABLE,
            "available_points": points["available"],
            "limited": Availability.LIMITED,
            "limited_points": points["limited"],
            "expert_rotation": points["expert_rotation"],
            "expert_rotation_step": points["expert_rotation_step"],
            "administration_rotation": points["administration_rotation"],
            "administration_rotation_step": points["administration_rotation_step"],
            "limit": stop - start,
            "offset": start,
        }


class RankingPaginator(Paginator):
    """Pages of an ExpertRanking read in one statement each: the number of candidates comes
    with the page's rows. A page past the end (or of nothing) is counted and shows the last."""

    MAX_PAGE = 100_000

    def get_page(self, number) -> Page:
        try:
            number = min(max(int(number), 1), self.MAX_PAGE)
        except (TypeError, ValueError, OverflowError):
            number = 1
        bottom = (number - 1) * self.per_page
        rows = self.object_list[bottom : bottom + self.per_page]
        if not rows:
            return super().get_page(number)
        self.count = rows[0].found  # sets the cached_property
        return self._get_page(rows, number, self)


def ranked_experts(
    *,
    need: NeedsRequest,
    include_own: bool = False,
    language: str | None = None,
    today: datetime.date | None = None,
) -> ExpertRanking:
    """The experts who know at least one of the request's areas of expertise, best first, with
    the reasons for each rank: areas matched, the level in the working language (`language`, by
    default `ranking_language()`), availability, and rotation (the expert's and their
    administration's missions begun since `rotation_since()`: fewer first). Never the requesting
    administration's own experts unless `include_own`. Every expert record is an approved
    nomination, and listed. A request that names competencies ranks also by those the expert
    holds at EXPERT_COMPETENCY_LEVEL or above (RANK_POINTS)."""
    if language not in LANGUAGE_NAMES:
        language = ranking_language(need)
    return ExpertRanking(
        need=need,
        area_ids=sorted(area.pk for area in need.areas.all()),
        competency_ids=sorted(competency.pk for competency in need.competencies.all()),
        include_own=include_own,
        language=language,
        since=rotation_since(today),
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


@dataclass(frozen=True)
class MissionLine:
    """A mission as the country page lists it: its days, the expert's names (`given_names_en`,
    `given_names_ru`, `family_name_en`, `family_name_ru`; None once the record is withdrawn or
    erased) and the name of the administration on the other side of it (`name_en`, `name_ru`)."""

    start_date: datetime.date
    end_date: datetime.date
    expert: dict | None
    other: dict


# Both lists of a country page's missions in one statement, on every visit: what it shows only.
# The names are joined once to the twenty missions, not in each list: PostgreSQL planned the
# statement with a join in each list in 0.9–1.3 ms, this one in 0.4 ms (and runs it as fast).
MISSIONS_SQL = """
SELECT x.side, x.mission, x.start_date, x.end_date,
       e.id, e.given_names_en, e.given_names_ru, e.family_name_en, e.family_name_ru,
       o.id, o.name_en, o.name_ru
FROM (
  (SELECT 'received' AS side, m.id AS mission, m.start_date, m.end_date, m.expert_id,
          m.provider_id AS other
   FROM {mission} m
   WHERE m.administration_id = %(administration)s
   ORDER BY m.start_date DESC, m.id DESC LIMIT %(limit)s)
  UNION ALL
  (SELECT 'provided', m.id, m.start_date, m.end_date, m.expert_id, m.administration_id
   FROM {mission} m
   WHERE m.provider_id = %(administration)s
   ORDER BY m.start_date DESC, m.id DESC LIMIT %(limit)s)
) x
LEFT JOIN {expert} e ON e.id = x.expert_id AND e.withdrawn_at IS NULL AND e.erased_on IS NULL
JOIN {administration} o ON o.id = x.other
ORDER BY x.side, x.start_date DESC, x.mission DESC
"""
MISSION_EXPERT = ["id", "given_names_en", "given_names_ru", "family_name_en", "family_name_ru"]
MISSION_OTHER = ["id", "name_en", "name_ru"]


def missions_of(*, administration: Administration, limit: int = 20) -> dict[str, list[MissionLine]]:
    """The missions an administration hosted ("received") and those its experts went on
    ("provided"), latest first, `limit` of each (one query)."""
    sql = MISSIONS_SQL.format(
        mission=Mission._meta.db_table,
        expert=Expert._meta.db_table,
        administration=Administration._meta.db_table,
    )
    missions = {"received": [], "provided": []}
    with connection.cursor() as cursor:
        cursor.execute(sql, {"administration": administration.pk, "limit": limit})
        rows = cursor.fetchall()
    for side, _pk, start_date, end_date, *rest in rows:
        expert, other = rest[:5], rest[5:]
        missions[side].append(
            MissionLine(
                start_date=start_date,
                end_date=end_date,
                expert=dict(zip(MISSION_EXPERT, expert, strict=True))
                if expert[0] is not None
                else None,
                other=dict(zip(MISSION_OTHER, other, strict=True)),
            )
        )
    return missions


def analysed_counts(*, start: datetime.date, end: datetime.date) -> dict[int, int]:
    """Requests sent from `start` to `end` (inclusive) that the office has analysed (moved on
    from "submitted"), per administration: the Work Plan's indicator of activity 1.1."""
    return dict(
        NeedsRequest.objects.listed()
        .exclude(status=Status.SUBMITTED)
        .filter(submitted_at__date__range=(start, end))
        .values_list("administration")
        .annotate(n=Count("id"))
        .order_by()
    )


def mission_counts(*, start: datetime.date, end: datetime.date) -> dict[int, int]:
    """Expert missions begun from `start` to `end` (inclusive), per host administration."""
    return dict(
        Mission.objects.filter(start_date__range=(start, end))
        .values_list("administration")
        .annotate(n=Count("id"))
        .order_by()
    )
