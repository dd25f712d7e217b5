"""Endorsement: a meeting endorses positions and competencies, and the framework as it then
stands is kept as the next numbered version."""

import datetime
from collections.abc import Iterable

import reversion
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from competencies.models import (
    Competency,
    FrameworkVersion,
    JobPosition,
    LevelDescriptor,
    Requirement,
    Status,
    VersionedCompetency,
    VersionedDescriptor,
    VersionedPosition,
    VersionedRequirement,
)
from competencies.models.text import fingerprint


@transaction.atomic
def framework_endorse(
    *,
    positions: Iterable[JobPosition] = (),
    competencies: Iterable[Competency] = (),
    endorsed_on: datetime.date,
    endorsed_at_en: str,
    endorsed_at_ru: str = "",
    by,
) -> FrameworkVersion:
    """A meeting endorses these positions and competencies: they become endorsed on that date by
    that meeting, and the framework as it now stands (every endorsed position with its
    requirements, every endorsed competency with its descriptors) is kept as the next numbered
    version. A fixed number of queries, whatever the size of the framework."""
    if not by.is_staff:
        raise PermissionDenied
    endorsed_at_en, endorsed_at_ru = (endorsed_at_en or "").strip(), (endorsed_at_ru or "").strip()
    meeting = {
        "endorsed_on": endorsed_on,
        "endorsed_at_en": endorsed_at_en,
        "endorsed_at_ru": endorsed_at_ru,
    }
    # Two endorsements at once would take the same number: the unique number refuses the second.
    number = (FrameworkVersion.objects.aggregate(last=Max("number"))["last"] or 0) + 1
    version = FrameworkVersion(number=number, created_by=by, endorsed_at=endorsed_at_en, **meeting)
    version.full_clean()  # the date and the meeting's English name are required
    with reversion.create_revision():
        reversion.set_user(by)
        reversion.set_comment(_("Endorsed by %(meeting)s") % {"meeting": endorsed_at_en})
        for item in [*positions, *competencies]:
            item.status = Status.ENDORSED
            for name, value in meeting.items():
                setattr(item, name, value)
            item.full_clean()
            item.save()
    version.save()
    _snapshot(version)
    return version


def _snapshot(version: FrameworkVersion) -> None:
    """Copy the endorsed framework into the version (six queries)."""
    competencies = list(Competency.objects.endorsed().order_by("pk"))
    descriptors: dict[int, list[LevelDescriptor]] = {}
    for descriptor in LevelDescriptor.objects.filter(
        competency__status=Status.ENDORSED
    ).select_related("level"):
        descriptors.setdefault(descriptor.competency_id, []).append(descriptor)

    def competency_content(competency):
        rows = sorted(descriptors.get(competency.pk, []), key=lambda d: d.level.number)
        return fingerprint(
            str(competency.family_id),
            competency.name_en,
            competency.name_ru,
            competency.definition_en,
            competency.definition_ru,
            *(f"{d.level.number}:{d.indicators_en}:{d.indicators_ru}" for d in rows),
        )

    copies = VersionedCompetency.objects.bulk_create(
        VersionedCompetency(
            version=version,
            competency=competency,
            family_id=competency.family_id,
            code=competency.code,
            name_en=competency.name_en,
            name_ru=competency.name_ru,
            definition_en=competency.definition_en,
            definition_ru=competency.definition_ru,
            position=competency.position,
            content=competency_content(competency),
        )
        for competency in competencies
    )
    copy_of = {copy.competency_id: copy for copy in copies}
    VersionedDescriptor.objects.bulk_create(
        VersionedDescriptor(
            competency=copy_of[competency_id],
            level_number=descriptor.level.number,
            indicators_en=descriptor.indicators_en,
            indicators_ru=descriptor.indicators_ru,
        )
        for competency_id, rows in descriptors.items()
        for descriptor in rows
    )
    positions = list(JobPosition.objects.endorsed().order_by("pk"))
    position_copies = VersionedPosition.objects.bulk_create(
        VersionedPosition(
            version=version,
            job_position=position,
            area_id=position.area_id,
            slug=position.slug,
            title_en=position.title_en,
            title_ru=position.title_ru,
            purpose_en=position.purpose_en,
            purpose_ru=position.purpose_ru,
            duties_en=position.duties_en,
            duties_ru=position.duties_ru,
            position=position.position,
            content=fingerprint(
                position.title_en,
                position.title_ru,
                position.purpose_en,
                position.purpose_ru,
                position.duties_en,
                position.duties_ru,
            ),
        )
        for position in positions
    )
    position_copy_of = {copy.job_position_id: copy for copy in position_copies}
    requirements = Requirement.objects.filter(
        position__status=Status.ENDORSED, competency__status=Status.ENDORSED
    ).values_list("position_id", "competency_id", "level__number")
    VersionedRequirement.objects.bulk_create(
        VersionedRequirement(
            position=position_copy_of[position_id],
            competency=copy_of[competency_id],
            level_number=level_number,
        )
        for position_id, competency_id, level_number in requirements
    )
