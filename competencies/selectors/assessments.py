"""Reads of members' self-assessments: always through `assessments_of(user)`, so nobody reaches
another member's."""

from dataclasses import dataclass

from django.db.models import Count, F, Q, QuerySet, Window
from django.db.models.functions import RowNumber

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
class GapHelp:
    """For one gap: the courses and tools linked to the competency, and the listed experts who
    hold it at the required level or above (the first EXPERTS_PER_GAP of `expert_count`)."""

    row: GapRow
    tools: list[Tool]
    holdings: list  # experts.ExpertCompetency rows, each with its expert and administration
    expert_count: int


# Experts named for one gap; the page links to the experts search for the others.
EXPERTS_PER_GAP = 5


@dataclass(frozen=True)
class GapProfile:
    assessment: SelfAssessment
    rows: list[GapRow]
    chart: GapChart
    offers: list[LearningOffer]
    gap_help: list[GapHelp]

    @property
    def short(self) -> list[GapRow]:
        return [row for row in self.rows if row.gap]

    @property
    def unrated(self) -> list[GapRow]:
        return [row for row in self.rows if not row.rated]


def _holders(short: list[GapRow]) -> dict[int, list]:
    """For each gap's competency, the listed experts who hold it at the required level or
    above, highest level first, EXPERTS_PER_GAP of them, each row with the number of all of them
    (`holders`): one query. The experts app names this framework's models, not the other way
    round, so its holdings are reached through their foreign key's reverse relation
    (`related_name="expert_holdings"`)."""
    if not short:
        return {}
    holding = Competency._meta.get_field("expert_holdings").related_model
    experts = holding._meta.get_field("expert").related_model._default_manager
    needed = Q()
    for row in short:
        needed |= Q(
            competency_id=row.requirement.competency_id, level__number__gte=row.required_number
        )
    by_competency = {"partition_by": F("competency_id")}
    holdings = (
        holding._default_manager.filter(needed, expert__in=experts.listed().values("pk"))
        .select_related("expert__administration", "level")
        .annotate(
            nth=Window(
                RowNumber(),
                order_by=[F("level__number").desc(), F("expert__family_name_en"), F("pk")],
                **by_competency,
            ),
            holders=Window(Count("pk"), **by_competency),
        )
        .filter(nth__lte=EXPERTS_PER_GAP)
        .order_by("competency_id", "nth")
    )
    found: dict[int, list] = {}
    for row in holdings:
        found.setdefault(row.competency_id, []).append(row)
    return found


def gap_profile(assessment: SelfAssessment) -> GapProfile:
    """The member's levels against the position's requirements, the gaps, the courses and tools
    linked to the competencies where they fall short (largest gap first), and for each gap those
    courses and the experts who hold the competency at the required level."""
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
    tools_of: dict[int, list[Tool]] = {}
    for link in links:
        helps.setdefault(link.tool_id, (link.tool, []))[1].append(link.competency_id)
        tools_of.setdefault(link.competency_id, []).append(link.tool)
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
    holders = _holders(short)
    gap_help = [
        GapHelp(
            row=row,
            # E-learning courses first, then other tools, by title.
            tools=sorted(
                tools_of.get(row.requirement.competency_id, []),
                key=lambda tool: (tool.kind != Tool.Kind.COURSE, tool.title),
            ),
            holdings=holders.get(row.requirement.competency_id, []),
            expert_count=next(
                (found.holders for found in holders.get(row.requirement.competency_id, [])), 0
            ),
        )
        for row in short
    ]
    levels = list(ProficiencyLevel.objects.all())
    return GapProfile(
        assessment=assessment,
        rows=rows,
        chart=gap_chart(rows, levels=levels),
        offers=offers,
        gap_help=gap_help,
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
