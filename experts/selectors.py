"""Reads of the experts database, with their related rows fetched in a fixed number of queries."""

import datetime
from collections.abc import Iterable

from django.db import connection
from django.db.models import QuerySet
from django.http import QueryDict

from administrations.models import Administration
from experts.detail_rows import ExpertDetail, expert_detail_rows
from experts.filters import ExpertFilter, Sort
from experts.models import Expert, ExpertiseArea, ExpertLanguage, Nomination

# What a row of the search result shows of an expert, in both languages (the contact details, the
# long texts and the vector are not read).
ROW_COLUMNS = (
    "id",
    "given_names_en",
    "given_names_ru",
    "family_name_en",
    "family_name_ru",
    "position_en",
    "position_ru",
    "accreditation",
    "confirmed_on",
    "administration__name_en",
    "administration__name_ru",
)


def _with_relations(experts: QuerySet[Expert]) -> QuerySet[Expert]:
    return experts.select_related("administration").prefetch_related("areas", "languages")


def expert_search(*, params: QueryDict) -> ExpertFilter:
    """The members' search over the listed records: the FilterSet bound to the query string
    (its `.qs` is the sorted result, its `.form` the filter form). Best match first when there
    is a text to search."""
    params = params.copy()
    if not params.get("sort"):
        params["sort"] = Sort.RELEVANCE if params.get("q", "").strip() else Sort.NAME
    return ExpertFilter(params, queryset=_with_relations(Expert.objects.listed()))


def expert_search_rows(experts: QuerySet[Expert]) -> QuerySet[dict]:
    """The search result (`expert_search(...).qs`, in its order) as the values its rows show
    (`ROW_COLUMNS`); `expert_rows_with_relations` adds a page's areas and languages. Values, not
    model instances: instantiating a page's experts with their areas and languages was most
    of the page's time."""
    return experts.prefetch_related(None).values(*ROW_COLUMNS)


# The areas and languages of a page of the search, in one statement. Not in the page's own: there
# they are made for every row its OFFSET skips as well (a third of a second for the last page of
# 10,000 experts).
ROW_RELATIONS_SQL = """
SELECT e.id,
       ARRAY(
           SELECT ARRAY[x.name_en, x.name_ru]
           FROM {expert_areas} m JOIN {area} x ON x.id = m.expertisearea_id
           WHERE m.expert_id = e.id
           ORDER BY x.name_en, x.id
       ) AS area_names,
       ARRAY(
           SELECT ARRAY[s.language, s.level::text]
           FROM {language} s
           WHERE s.expert_id = e.id
           ORDER BY s.level DESC, s.language
       ) AS skills
FROM unnest(%(ids)s::bigint[]) AS e(id)
"""


def expert_rows_with_relations(rows: Iterable[dict]) -> list[dict]:
    """A page of `expert_search_rows`, each row with its `area_names` (each area's
    `[name_en, name_ru]`, by English name) and `skills` (each language's `[code, level]`, best
    first): one query for the page's rows, none for an empty page."""
    rows = list(rows)
    if not rows:
        return rows
    sql = ROW_RELATIONS_SQL.format(
        expert_areas=Expert.areas.through._meta.db_table,
        area=ExpertiseArea._meta.db_table,
        language=ExpertLanguage._meta.db_table,
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, {"ids": [row["id"] for row in rows]})
        found = {pk: (area_names, skills) for pk, area_names, skills in cursor.fetchall()}
    for row in rows:
        row["area_names"], row["skills"] = found[row["id"]]
    return rows


def expert_detail(*, pk: int) -> ExpertDetail:
    """One listed expert with their administration, and the areas, languages, endorsed
    competencies and missions their page lists (one statement: `experts.detail_rows`). Raises
    Expert.DoesNotExist for a record that is not listed."""
    return expert_detail_rows(pk=pk)


def stale_experts(
    *, administration: Administration, today: datetime.date | None = None
) -> QuerySet[Expert]:
    """An administration's records that need confirming, longest unconfirmed first."""
    return (
        _with_relations(Expert.objects.listed().stale(today))
        .filter(administration=administration)
        .order_by("confirmed_on", "family_name_en", "given_names_en")
    )


def nominations_of(*, administration: Administration) -> QuerySet[Nomination]:
    """An administration's nominations, newest first, for its focal point."""
    return (
        Nomination.objects.filter(administration=administration)
        .select_related("expert")
        .prefetch_related("areas")
    )


# The country page's experts, on every visit: names and the areas' names, in one statement
# (Django's prefetch of the areas was a second query and most of the page's time).
PROVIDED_BY_SQL = """
SELECT e.id, e.given_names_en, e.given_names_ru, e.family_name_en, e.family_name_ru,
       ARRAY(
           SELECT ARRAY[x.name_en, x.name_ru]
           FROM {expert_areas} m JOIN {area} x ON x.id = m.expertisearea_id
           WHERE m.expert_id = e.id
           ORDER BY x.name_en, x.id
       ) AS area_names
FROM {expert} e
WHERE e.administration_id = %(administration)s
  AND e.withdrawn_at IS NULL AND e.erased_on IS NULL
ORDER BY e.family_name_en, e.given_names_en, e.id
LIMIT %(limit)s
"""
EXPERT_NAMES = ["id", "given_names_en", "given_names_ru", "family_name_en", "family_name_ru"]
AREA_NAMES = ["name_en", "name_ru"]


def experts_provided_by(*, administration: Administration, limit: int) -> list[dict]:
    """The first `limit` listed experts an administration provides to the region, by name, as
    values: `id` and the names in both languages, with `areas`, the names of its areas of
    expertise (`name_en`, `name_ru`). Values, not model instances: the page shows the names only."""
    sql = PROVIDED_BY_SQL.format(
        expert=Expert._meta.db_table,
        expert_areas=Expert.areas.through._meta.db_table,
        area=ExpertiseArea._meta.db_table,
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, {"administration": administration.pk, "limit": limit})
        rows = cursor.fetchall()
    experts = []
    for *names, area_names in rows:
        expert = dict(zip(EXPERT_NAMES, names, strict=True))
        expert["areas"] = [dict(zip(AREA_NAMES, pair, strict=True)) for pair in area_names]
        experts.append(expert)
    return experts


def nominations_pending_count() -> int:
    """How many nominations wait for the office's decision (the admin home shows it)."""
    return Nomination.objects.filter(status=Nomination.Status.PENDING).count()
