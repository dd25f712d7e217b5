"""Reads of the public framework pages; each runs a fixed number of queries, whatever the size
of the framework. They read endorsed positions and competencies only: drafts, items in
consultation and withdrawn ones are not the office's framework (the consultation reads those,
see `consultation.py`)."""

from collections import defaultdict
from dataclasses import dataclass
from itertools import groupby

from django.db.models import Case, Count, Prefetch, Q, QuerySet, Value, When
from django.http import Http404
from django.shortcuts import get_object_or_404

from competencies.models import (
    Competency,
    CompetencyFamily,
    ConsultationRound,
    FunctionalArea,
    JobPosition,
    LevelDescriptor,
    ProficiencyLevel,
    QualificationLevel,
    Requirement,
    Status,
    TopicalCluster,
)
from outreach.models import Tool

BY_COMPETENCY = ("competency__family__position", "competency__position", "competency__code")
ENDORSED = Status.ENDORSED


def published_requirements(position: JobPosition) -> QuerySet[Requirement]:
    """A position's requirements of endorsed competencies (a draft one is not the framework's)."""
    return position.requirements.filter(competency__status=ENDORSED)


def by_family(rows, family_of) -> list[tuple[CompetencyFamily, list]]:
    """Rows (already ordered by family) grouped under their family."""
    return [(family, list(group)) for family, group in groupby(rows, key=family_of)]


# Overview, catalogue and dictionary ------------------------------------------------------------


@dataclass(frozen=True)
class Overview:
    areas: list[FunctionalArea]
    families: list[CompetencyFamily]
    levels: list[ProficiencyLevel]
    consultations: list[ConsultationRound]  # the rounds open now

    @property
    def nothing_endorsed(self) -> bool:
        return not any(area.position_count for area in self.areas) and not any(
            family.competency_count for family in self.families
        )


def framework_overview() -> Overview:
    """The framework at a glance: areas and families with their endorsed sizes, the scale, and
    the consultation rounds open now."""
    areas = FunctionalArea.objects.annotate(
        position_count=Count("positions", filter=Q(positions__status=ENDORSED))
    )
    families = CompetencyFamily.objects.annotate(
        competency_count=Count("competencies", filter=Q(competencies__status=ENDORSED))
    )
    return Overview(
        areas=list(areas),
        families=list(families),
        levels=list(ProficiencyLevel.objects.all()),
        consultations=list(ConsultationRound.objects.open().order_by("deadline", "pk")),
    )


def position_catalogue() -> QuerySet[FunctionalArea]:
    """Functional areas, each with its positions and whom they report to."""
    positions = (
        JobPosition.objects.endorsed()
        .select_related("reports_to")
        .annotate(
            requirement_count=Count(
                "requirements", filter=Q(requirements__competency__status=ENDORSED)
            )
        )
    )
    return FunctionalArea.objects.prefetch_related(Prefetch("positions", queryset=positions))


def position_choices() -> list[tuple[str, list[tuple[str, str]]]]:
    """Positions by functional area, as grouped choices for a select (one query)."""
    positions = JobPosition.objects.endorsed().select_related("area")
    return [
        (str(area), [(position.slug, position.title) for position in group])
        for area, group in groupby(positions, key=lambda position: position.area)
    ]


def competency_choices() -> list[tuple[str, list[tuple[int, str]]]]:
    """Endorsed competencies by family, as grouped choices (id, "code name") for a select (one
    query): what an expert may be listed as holding, and what the experts search filters by."""
    competencies = (
        Competency.objects.endorsed()
        .select_related("family")
        .order_by("family__position", "family__code", "position", "code")
    )
    return [
        (str(family), [(competency.pk, str(competency)) for competency in group])
        for family, group in groupby(competencies, key=lambda competency: competency.family)
    ]


def level_choices() -> list[tuple[int, str]]:
    """The proficiency scale as choices (id, "number · name"), lowest first (one query)."""
    return [(level.pk, str(level)) for level in ProficiencyLevel.objects.all()]


def level_number_choices() -> list[tuple[int, str]]:
    """The proficiency scale as choices keyed by number, for "at least this level" (one query)."""
    return [(level.number, str(level)) for level in ProficiencyLevel.objects.all()]


def competency_dictionary() -> QuerySet[CompetencyFamily]:
    """Families, each with its competencies."""
    return CompetencyFamily.objects.prefetch_related(
        Prefetch(
            "competencies", queryset=Competency.objects.endorsed().order_by("position", "code")
        )
    )


# A position's job description ------------------------------------------------------------------


@dataclass(frozen=True)
class RequiredCompetency:
    requirement: Requirement
    descriptor: LevelDescriptor | None  # the behaviour expected at the required level


@dataclass(frozen=True)
class JobDescription:
    position: JobPosition
    families: list[tuple[CompetencyFamily, list[RequiredCompetency]]]
    direct_reports: list[JobPosition]


def job_description(slug: str) -> JobDescription:
    """A position with its required competencies (level and behavioural indicators), by family."""
    position = get_object_or_404(
        JobPosition.objects.endorsed().select_related("area", "reports_to"), slug=slug
    )
    if position.reports_to and position.reports_to.status != ENDORSED:
        position.reports_to = None  # a line to a draft position is not published
    requirements = list(
        published_requirements(position)
        .select_related("competency__family", "level")
        .order_by(*BY_COMPETENCY)
    )
    wanted = Q(pk__in=[])
    for requirement in requirements:
        wanted |= Q(competency_id=requirement.competency_id, level_id=requirement.level_id)
    descriptors = {
        (descriptor.competency_id, descriptor.level_id): descriptor
        for descriptor in (LevelDescriptor.objects.filter(wanted) if requirements else [])
    }
    rows = [
        RequiredCompetency(
            requirement, descriptors.get((requirement.competency_id, requirement.level_id))
        )
        for requirement in requirements
    ]
    return JobDescription(
        position=position,
        families=by_family(rows, lambda row: row.requirement.competency.family),
        direct_reports=list(position.direct_reports.endorsed()),
    )


# A competency's page ---------------------------------------------------------------------------


@dataclass(frozen=True)
class CompetencyPage:
    competency: Competency
    levels: list[tuple[ProficiencyLevel, LevelDescriptor | None]]
    requirements: list[Requirement]
    tools: list[Tool]


def competency_page(code: str) -> CompetencyPage:
    """A competency with its descriptor at every level and the positions that require it."""
    competency = get_object_or_404(
        Competency.objects.endorsed().select_related("family"), code=code
    )
    descriptors = {descriptor.level_id: descriptor for descriptor in competency.descriptors.all()}
    requirements = (
        competency.requirements.filter(position__status=ENDORSED)
        .select_related("position__area", "level")
        .order_by("-level__number", "position__area__position", "position__position")
    )
    return CompetencyPage(
        competency=competency,
        levels=[(level, descriptors.get(level.pk)) for level in ProficiencyLevel.objects.all()],
        requirements=list(requirements),
        tools=list(competency.learning_resources.all()),
    )


# The qualifications framework ------------------------------------------------------------------


@dataclass(frozen=True)
class QualificationTable:
    """One level of the qualifications framework: its profiles side by side."""

    level: int
    profiles: list[QualificationLevel]

    @property
    def aspects(self) -> list[tuple[str, str, list[tuple[QualificationLevel, list[str]]]]]:
        """(field name, label, [(profile, its items)]) for each aspect, in the framework's
        order."""
        return [
            (
                aspect,
                QualificationLevel._meta.get_field(aspect).verbose_name,
                [(profile, profile.aspect_lines(aspect)) for profile in self.profiles],
            )
            for aspect in QualificationLevel.ASPECTS
        ]


def qualification_tables() -> list[QualificationTable]:
    """The framework level by level, the practitioner profile before the manager one."""
    track_order = Case(
        *(
            When(track=track, then=Value(index))
            for index, track in enumerate(QualificationLevel.Track.values)
        )
    )
    profiles = QualificationLevel.objects.order_by("level", track_order)
    return [
        QualificationTable(level=level, profiles=list(group))
        for level, group in groupby(profiles, key=lambda profile: profile.level)
    ]


def topical_clusters() -> QuerySet[TopicalCluster]:
    return TopicalCluster.objects.all()


# Comparing two positions -----------------------------------------------------------------------


@dataclass(frozen=True)
class ComparisonRow:
    competency: Competency
    current: ProficiencyLevel | None  # required in the current position (None: not required)
    target: ProficiencyLevel | None

    @property
    def gap(self) -> int:
        """Levels to gain to meet the target position's requirement (never negative)."""
        current = self.current.number if self.current else 0
        target = self.target.number if self.target else 0
        return max(0, target - current)


@dataclass(frozen=True)
class Comparison:
    current: JobPosition
    target: JobPosition
    families: list[tuple[CompetencyFamily, list[ComparisonRow]]]

    @property
    def rows(self) -> list[ComparisonRow]:
        return [row for _family, rows in self.families for row in rows]

    @property
    def to_develop(self) -> list[ComparisonRow]:
        return [row for row in self.rows if row.gap]

    @property
    def levels_to_gain(self) -> int:
        return sum(row.gap for row in self.rows)


def position_comparison(*, current_slug: str, target_slug: str) -> Comparison:
    """Every competency either position requires, with both required levels and the gap from
    the current position to the target one: the basis of a career path."""
    positions = {
        position.slug: position
        for position in JobPosition.objects.endorsed().filter(slug__in=[current_slug, target_slug])
    }
    if current_slug not in positions or target_slug not in positions:
        raise Http404
    current, target = positions[current_slug], positions[target_slug]
    required: dict[int, dict[int, Requirement]] = defaultdict(dict)
    competencies = {}
    requirements = (
        Requirement.objects.filter(position__in=[current, target], competency__status=ENDORSED)
        .select_related("competency__family", "level")
        .order_by(*BY_COMPETENCY)
    )
    for requirement in requirements:
        competencies[requirement.competency_id] = requirement.competency
        required[requirement.competency_id][requirement.position_id] = requirement.level
    rows = [
        ComparisonRow(
            competency=competency,
            current=required[competency.pk].get(current.pk),
            target=required[competency.pk].get(target.pk),
        )
        for competency in competencies.values()
    ]
    return Comparison(
        current=current,
        target=target,
        families=by_family(rows, lambda row: row.competency.family),
    )


def position_slugs() -> QuerySet[JobPosition]:
    """Every endorsed position's slug in catalogue order, as plain values (for the sitemap)."""
    return JobPosition.objects.endorsed().values_list("slug", flat=True)


def competency_codes() -> QuerySet[Competency]:
    """Every endorsed competency's code in dictionary order, as plain values (for the sitemap)."""
    return Competency.objects.endorsed().values_list("code", flat=True)
