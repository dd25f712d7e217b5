"""A member's self-assessment against a profile of the qualifications framework: saved (one per
member and profile, updated in place) and deleted."""

from collections.abc import Mapping

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from competencies.models import ProfileAssessment, QualificationLevel, StatementRating
from competencies.selectors.profiles import profile_statements


@transaction.atomic
def profile_assessment_save(
    *,
    owner,
    profile: QualificationLevel,
    holds_certificate: bool,
    ratings: Mapping[tuple[str, str], int],
) -> ProfileAssessment:
    """Record how far each statement of a qualifications profile describes the owner:
    {(aspect, statement digest): extent}, every statement of the profile rated. One
    self-assessment per member and profile, updated in place; ratings of statements the
    profile no longer has are dropped."""
    wanted = {
        (aspect, statement.key)
        for aspect, _label, statements in profile_statements(profile)
        for statement in statements
    }
    if set(ratings) != wanted:
        raise ValidationError(_("Rate every statement of the profile, and only those."))
    if any(extent not in StatementRating.Extent.values for extent in ratings.values()):
        raise ValidationError(_("Choose one of the answers for every statement."))
    assessment = ProfileAssessment.objects.filter(owner=owner, profile=profile).first()
    if assessment is None:
        assessment = ProfileAssessment(owner=owner, profile=profile)
    assessment.holds_certificate = holds_certificate
    assessment.full_clean()
    assessment.save()  # also moves `updated` on
    assessment.ratings.all().delete()
    StatementRating.objects.bulk_create(
        StatementRating(assessment=assessment, aspect=aspect, statement=key, extent=extent)
        for (aspect, key), extent in ratings.items()
    )
    return assessment


@transaction.atomic
def profile_assessment_delete(*, assessment: ProfileAssessment) -> None:
    """Delete a self-assessment against a profile and its ratings."""
    assessment.delete()
