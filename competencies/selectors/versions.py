"""Reads of the framework's numbered versions: the list, one version as a meeting endorsed it,
a position within a version, and what changed for a position since the version before. Each
runs a fixed number of queries, whatever the size of the framework.

Versions are numbered 1, 2, 3… without gaps (they are never deleted), so the version before
version N is version N − 1."""

from dataclasses import dataclass, field
from itertools import groupby

from django.db.models import Count, OuterRef, QuerySet, Subquery
from django.db.models.functions import Coalesce

from competencies.models import (
    CompetencyFamily,
    ConsultationRound,
    FrameworkVersion,
    FunctionalArea,
    ProficiencyLevel,
    VersionedCompetency,
    VersionedDescriptor,
    VersionedPosition,
    VersionedRequirement,
)


def _count(model) -> Coalesce:
    """How many rows of `model` the version holds, as a subquery (a join would multiply)."""
    rows = model.objects.filter(version=OuterRef("pk")).order_by().values("version")
    return Coalesce(Subquery(rows.annotate(n=Count("pk")).values("n")[:1]), 0)


def version_list() -> QuerySet[FrameworkVersion]:
    """Every version, the latest first, with how many positions and competencies it holds."""
    return FrameworkVersion.objects.annotate(
        position_count=_count(VersionedPosition), competency_count=_count(VersionedCompetency)
    ).order_by("-number")


def version_pages() -> list[tuple[int, str | None]]:
    """(version number, None) for each version's page and (number, slug) for each position
    within it, the latest version first, for the sitemap (one query)."""
    rows = FrameworkVersion.objects.order_by("-number", "positions__slug").values_list(
        "number", "positions__slug"
    )
    pages: list[tuple[int, str | None]] = []
    for number, slug in rows:
        if not pages or pages[-1][0] != number:  # rows come version by version
            pages.append((number, None))
        if slug is not None:
            pages.append((number, slug))
    return pages


def consultations_open() -> list[ConsultationRound]:
    """The rounds open now: the next version is in consultation there."""
    return list(ConsultationRound.objects.open().order_by("deadline", "pk"))


# What changed for a position -------------------------------------------------------------------


@dataclass(frozen=True)
class LevelChange:
    requirement: VersionedRequirement  # as the newer version holds it
    before: int  # the level the version before required

    @property
    def raised(self) -> bool:
        return self.requirement.level_number > self.before


@dataclass(frozen=True)
class PositionChanges:
    """A position in a version against the same position in the version before."""

    version: FrameworkVersion
    previous_number: int | None  # None: this is the first version
    is_new: bool  # the version before did not hold the position
    text_changed: bool = False  # title, purpose or duties
    added: list[VersionedRequirement] = field(default_factory=list)
    removed: list[VersionedRequirement] = field(default_factory=list)
    levels: list[LevelChange] = field(default_factory=list)
    competencies: list[VersionedCompetency] = field(default_factory=list)  # reworded

    @property
    def any(self) -> bool:
        return bool(
            self.text_changed or self.added or self.removed or self.levels or self.competencies
        )


def _requirements(positions: list[VersionedPosition]) -> dict[int, list[VersionedRequirement]]:
    """{versioned position id: its requirements in dictionary order} (one query)."""
    rows = (
        VersionedRequirement.objects.filter(position__in=positions)
        .select_related("competency__family", "competency__version")
        .order_by("competency__family__position", "competency__position", "competency__code")
    )
    found: dict[int, list[VersionedRequirement]] = {position.pk: [] for position in positions}
    for row in rows:
        found[row.position_id].append(row)
    return found


def _changes(
    current: VersionedPosition,
    previous: VersionedPosition | None,
    requirements: dict[int, list[VersionedRequirement]],
) -> PositionChanges:
    version = current.version
    previous_number = version.number - 1 or None
    if previous is None:
        return PositionChanges(version, previous_number, is_new=previous_number is not None)
    before = {row.competency.code: row for row in requirements[previous.pk]}
    now = {row.competency.code: row for row in requirements[current.pk]}
    return PositionChanges(
        version,
        previous_number,
        is_new=False,
        text_changed=current.content != previous.content,
        added=[row for code, row in now.items() if code not in before],
        removed=[row for code, row in before.items() if code not in now],
        levels=[
            LevelChange(row, before[code].level_number)
            for code, row in now.items()
            if code in before and before[code].level_number != row.level_number
        ],
        competencies=[
            row.competency
            for code, row in now.items()
            if code in before and before[code].competency.content != row.competency.content
        ],
    )


def _with_previous(slug: str, number: int | None) -> tuple[VersionedPosition, VersionedPosition]:
    """The position in version `number` (or the latest version that holds it) and in the
    version before, if that one holds it (one query)."""
    copies = VersionedPosition.objects.filter(slug=slug).select_related("version", "area")
    if number is not None:
        copies = copies.filter(version__number__in=[number, number - 1])
    copies = list(copies.order_by("-version__number")[:2])
    if not copies or (number is not None and copies[0].version.number != number):
        raise VersionedPosition.DoesNotExist
    current = copies[0]
    previous = next(
        (copy for copy in copies[1:] if copy.version.number == current.version.number - 1), None
    )
    return current, previous


def position_changes(slug: str) -> PositionChanges | None:
    """For a live position's page: the latest version that holds it and what changed since the
    version before (two queries); None when no version holds it yet."""
    try:
        current, previous = _with_previous(slug, None)
    except VersionedPosition.DoesNotExist:
        return None
    requirements = _requirements([copy for copy in (current, previous) if copy])
    return _changes(current, previous, requirements)


# A version, and a position within it -----------------------------------------------------------


@dataclass(frozen=True)
class VersionedRow:
    requirement: VersionedRequirement
    descriptor: VersionedDescriptor | None  # the behaviour expected at the required level
    level: ProficiencyLevel | None  # the scale's step of that number, for its name


@dataclass(frozen=True)
class VersionedJobDescription:
    position: VersionedPosition
    families: list[tuple[CompetencyFamily, list[VersionedRow]]]
    changes: PositionChanges


def version_position(*, number: int, slug: str) -> VersionedJobDescription:
    """A position's job description as version `number` holds it, with what changed since the
    version before (four queries). Raises VersionedPosition.DoesNotExist."""
    current, previous = _with_previous(slug, number)
    requirements = _requirements([copy for copy in (current, previous) if copy])
    rows = requirements[current.pk]
    descriptors = {
        (descriptor.competency_id, descriptor.level_number): descriptor
        for descriptor in VersionedDescriptor.objects.filter(
            competency__in=[row.competency_id for row in rows]
        )
    }
    levels = {level.number: level for level in ProficiencyLevel.objects.all()}
    return VersionedJobDescription(
        position=current,
        families=[
            (family, list(group))
            for family, group in groupby(
                (
                    VersionedRow(
                        row,
                        descriptors.get((row.competency_id, row.level_number)),
                        levels.get(row.level_number),
                    )
                    for row in rows
                ),
                key=lambda row: row.requirement.competency.family,
            )
        ],
        changes=_changes(current, previous, requirements),
    )


@dataclass(frozen=True)
class VersionSummary:
    """What a version changed against the one before, item by item."""

    positions_added: list[VersionedPosition] = field(default_factory=list)
    positions_changed: list[VersionedPosition] = field(default_factory=list)
    positions_removed: list[VersionedPosition] = field(default_factory=list)
    competencies_added: list[VersionedCompetency] = field(default_factory=list)
    competencies_changed: list[VersionedCompetency] = field(default_factory=list)
    competencies_removed: list[VersionedCompetency] = field(default_factory=list)

    @property
    def any(self) -> bool:
        return any(getattr(self, name) for name in self.__dataclass_fields__)


@dataclass(frozen=True)
class VersionPage:
    version: FrameworkVersion
    areas: list[tuple[FunctionalArea, list[VersionedPosition]]]
    families: list[tuple[CompetencyFamily, list[VersionedCompetency]]]
    summary: VersionSummary | None  # None for the first version
    is_latest: bool


def _split(now: dict, before: dict, same) -> tuple[list, list, list]:
    added = [item for key, item in now.items() if key not in before]
    changed = [item for key, item in now.items() if key in before and not same(key)]
    removed = [item for key, item in before.items() if key not in now]
    return added, changed, removed


def version_detail(number: int) -> VersionPage:
    """A version's positions by area and competencies by family, and what it changed against
    the version before (five queries). Raises FrameworkVersion.DoesNotExist."""
    version = FrameworkVersion.objects.get(number=number)
    is_latest = not FrameworkVersion.objects.filter(number__gt=number).exists()
    numbers = [number, number - 1]
    positions = list(
        VersionedPosition.objects.filter(version__number__in=numbers)
        .select_related("area", "version")
        .order_by("area__position", "position", "slug")
    )
    competencies = list(
        VersionedCompetency.objects.filter(version__number__in=numbers)
        .select_related("family", "version")
        .order_by("family__position", "position", "code")
    )
    ours = [p for p in positions if p.version_id == version.pk]
    mine = [c for c in competencies if c.version_id == version.pk]
    summary = None
    if number > 1:
        requirements = {
            (position_id, code, level)
            for position_id, code, level in VersionedRequirement.objects.filter(
                position__version__number__in=numbers
            ).values_list("position_id", "competency__code", "level_number")
        }
        by_position: dict[int, set] = {}
        for position_id, code, level in requirements:
            by_position.setdefault(position_id, set()).add((code, level))
        now_p = {p.slug: p for p in ours}
        before_p = {p.slug: p for p in positions if p.version_id != version.pk}
        now_c = {c.code: c for c in mine}
        before_c = {c.code: c for c in competencies if c.version_id != version.pk}
        codes_changed = {
            code
            for code in now_c
            if code in before_c and now_c[code].content != before_c[code].content
        }

        def position_same(slug):
            now, before = now_p[slug], before_p[slug]
            return (
                now.content == before.content
                and by_position.get(now.pk, set()) == by_position.get(before.pk, set())
                and not {code for code, _level in by_position.get(now.pk, set())} & codes_changed
            )

        p_added, p_changed, p_removed = _split(now_p, before_p, position_same)
        c_added, c_changed, c_removed = _split(
            now_c, before_c, lambda code: code not in codes_changed
        )
        summary = VersionSummary(p_added, p_changed, p_removed, c_added, c_changed, c_removed)
    return VersionPage(
        version=version,
        areas=[(area, list(group)) for area, group in groupby(ours, key=lambda p: p.area)],
        families=[(family, list(group)) for family, group in groupby(mine, key=lambda c: c.family)],
        summary=summary,
        is_latest=is_latest,
    )
