"""Reads of members' self-assessments: always through `assessments_of(user)`, so nobody reaches
another member's."""

from dataclasses import dataclass

from django.db.models import QuerySet

from competencies.charts import GapChart, gap_chart
from competencies.models import (
    Competency,
    JobPosition,
    LevelDescriptor,
    ProficiencyLevel,
    Requirement,
    SelfAssessment,
)
from competencies.selectors.framework import BY_COMPETENCY, published_requirements
from outreach.models import Tool


def assessments_of(user) -> QuerySet[SelfAssessment]:
    """The user's own self-assessments: nobody else's are ever reachable through it."""
    return SelfAssessment.objects.filter(owner=user).select_related("position__area")


@dataclass(frozen=True)
class GapRow:
    requirement: Requirement
    own: ProficiencyLevel | None  # None: below the first level
    rated: bool  # False when the requirement was added after the member last rated themselves

    @property
    def required_number(self) -> int:
        return self.requirement.level.number

    @property
    def own_number(self) -> int:
        return self.own.number if self.own else 0

    @property
    def gap(self) -> int:
        return max(0, self.required_number - self.own_number)


@dataclass(frozen=True)
class LearningOffer:
    tool: Tool
    competencies: list[Competency]  # the competencies short of the requirement it helps with


@dataclass(frozen=True)
class GapProfile:
    assessment: SelfAssessment
    rows: list[GapRow]
    chart: GapChart
    offers: list[LearningOffer]

    @property
    def short(self) -> list[GapRow]:
        return [row for row in self.rows if row.gap]

    @property
    def unrated(self) -> list[GapRow]:
        return [row for row in self.rows if not row.rated]


def gap_profile(assessment: SelfAssessment) -> GapProfile:
    """The member's levels against the position's requirements, the gaps, and the courses and
    tools linked to the competencies where they fall short (largest gap first)."""
    ratings = {
        rating.competency_id: rating for rating in assessment.ratings.select_related("level")
    }
    requirements = (
        published_requirements(assessment.position)
        .select_related("competency__family", "level")
        .order_by(*BY_COMPETENCY)
    )
    rows = [
        GapRow(
            requirement=requirement,
            own=ratings[requirement.competency_id].level
            if requirement.competency_id in ratings
            else None,
            rated=requirement.competency_id in ratings,
        )
        for requirement in requirements
    ]
    short = sorted((row for row in rows if row.gap), key=lambda row: -row.gap)
    rank = {row.requirement.competency_id: index for index, row in enumerate(short)}
    competency_of = {row.requirement.competency_id: row.requirement.competency for row in short}
    links = Competency.learning_resources.through.objects.filter(
        competency_id__in=rank
    ).select_related("tool")
    helps: dict[int, tuple[Tool, list[int]]] = {}
    for link in links:
        helps.setdefault(link.tool_id, (link.tool, []))[1].append(link.competency_id)
    offers = [
        LearningOffer(tool, [competency_of[pk] for pk in sorted(ids, key=rank.__getitem__)])
        for tool, ids in helps.values()
    ]
    # Largest gap first; for the same gap, e-learning courses before other tools.
    offers.sort(
        key=lambda offer: (
            rank[offer.competencies[0].pk],
            offer.tool.kind != Tool.Kind.COURSE,
            offer.tool.title,
        )
    )
    levels = list(ProficiencyLevel.objects.all())
    return GapProfile(
        assessment=assessment,
        rows=rows,
        chart=gap_chart(rows, levels=levels),
        offers=offers,
    )


@dataclass(frozen=True)
class RatingSheet:
    """What a member rates themselves on for a position: its requirements, the scale, and the
    behaviour each level stands for."""

    requirements: list[Requirement]
    levels: list[ProficiencyLevel]
    descriptors: list[LevelDescriptor]


def rating_sheet(position: JobPosition) -> RatingSheet:
    requirements = list(
        published_requirements(position)
        .select_related("competency__family", "level")
        .order_by(*BY_COMPETENCY)
    )
    descriptors = LevelDescriptor.objects.filter(
        competency__in=[requirement.competency_id for requirement in requirements]
    )
    return RatingSheet(
        requirements=requirements,
        levels=list(ProficiencyLevel.objects.all()),
        descriptors=list(descriptors),
    )


def rating_initial(assessment: SelfAssessment) -> dict[int, int]:
    """{competency id: level number} of the member's current ratings (0: below the first)."""
    return {
        rating.competency_id: rating.level.number if rating.level else 0
        for rating in assessment.ratings.select_related("level")
    }
