"""A member's self-assessment against a job position: saved (one per member and position,
updated in place) and deleted."""

from collections.abc import Mapping

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from competencies.models import JobPosition, ProficiencyLevel, SelfAssessment, SelfRating, Status


@transaction.atomic
def assessment_save(*, owner, position: JobPosition, ratings: Mapping[int, int]) -> SelfAssessment:
    """Record the owner's levels against a position: {competency id: level number}, 0 meaning
    not yet at the first level. One self-assessment per member and position, updated in place."""
    required = set(
        position.requirements.filter(competency__status=Status.ENDORSED).values_list(
            "competency_id", flat=True
        )
    )
    if unknown := set(ratings) - required:
        raise ValidationError(
            _("These competencies are not required for the position: %(ids)s."),
            params={"ids": ", ".join(map(str, sorted(unknown)))},
        )
    levels = {level.number: level for level in ProficiencyLevel.objects.all()}
    if unknown_levels := {number for number in ratings.values() if number} - set(levels):
        raise ValidationError(
            _("There is no level %(numbers)s."),
            params={"numbers": ", ".join(map(str, sorted(unknown_levels)))},
        )
    assessment = SelfAssessment.objects.filter(owner=owner, position=position).first()
    if assessment is None:
        assessment = SelfAssessment(owner=owner, position=position)
        assessment.full_clean()
    assessment.save()  # also moves `updated` on
    # Competencies and levels are checked above, so the ratings go in with one upsert.
    SelfRating.objects.bulk_create(
        [
            SelfRating(assessment=assessment, competency_id=competency_id, level=levels.get(number))
            for competency_id, number in ratings.items()
        ],
        update_conflicts=True,
        unique_fields=["assessment", "competency"],
        update_fields=["level"],
    )
    return assessment


@transaction.atomic
def assessment_delete(*, assessment: SelfAssessment) -> None:
    """Delete a self-assessment and its ratings."""
    assessment.delete()
