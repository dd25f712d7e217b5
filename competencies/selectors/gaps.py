"""Self-assessment gaps of whole administrations, for the office's analysis of needs: counts of
people only, and only where enough people assessed themselves that nobody can be singled out."""

from dataclasses import dataclass

from django.db.models import Count, F, OuterRef, Subquery
from django.db.models.functions import Coalesce

from competencies.models import Competency, Requirement, SelfAssessment, SelfRating

# Fewer people than this in an administration, and its gaps are not shown at all.
MIN_PEOPLE = 5


@dataclass(frozen=True)
class CompetencyGap:
    competency: Competency
    people_short: int  # people rated below what their position requires


@dataclass(frozen=True)
class AdministrationGaps:
    people: int  # people of the administration who assessed themselves
    gaps: list[CompetencyGap]  # the competencies most of them fall short of, most first


def gaps_by_administration(*, top: int = 5) -> dict[int, AdministrationGaps]:
    """{administration id: its people and the `top` competencies most of them fall short of},
    for administrations where at least MIN_PEOPLE people assessed themselves (three queries)."""
    people = dict(
        SelfAssessment.objects.filter(owner__administration__isnull=False)
        .values_list("owner__administration")
        .annotate(people=Count("owner", distinct=True))
        .filter(people__gte=MIN_PEOPLE)
    )
    if not people:
        return {}
    required = Requirement.objects.filter(
        position=OuterRef("assessment__position"), competency=OuterRef("competency")
    ).values("level__number")[:1]
    short = (
        SelfRating.objects.filter(assessment__owner__administration__in=people)
        .annotate(required=Subquery(required), own=Coalesce("level__number", 0))
        .filter(required__gt=F("own"))
        .values_list("assessment__owner__administration", "competency")
        .annotate(people_short=Count("assessment__owner", distinct=True))
        .order_by("assessment__owner__administration", "-people_short", "competency__code")
    )
    rows: dict[int, list[tuple[int, int]]] = {}
    for administration_id, competency_id, people_short in short:
        ranked = rows.setdefault(administration_id, [])
        if len(ranked) < top:
            ranked.append((competency_id, people_short))
    competencies = Competency.objects.in_bulk(
        {competency_id for ranked in rows.values() for competency_id, _ in ranked}
    )
    return {
        administration_id: AdministrationGaps(
            people=count,
            gaps=[
                CompetencyGap(competencies[competency_id], people_short)
                for competency_id, people_short in rows.get(administration_id, [])
            ],
        )
        for administration_id, count in people.items()
    }
