"""Writes of the competency framework: members' self-assessments (against a position or a
qualifications profile), the publication status of positions and competencies, endorsement
(which makes a numbered version of the framework), and the members' consultation (rounds,
comments and the office's answers, administrations' positions, reminders). The office edits the
framework itself in the admin, or imports it: see `spreadsheet.py`.
"""

import datetime
from collections.abc import Iterable, Mapping

import reversion
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from competencies import notifications
from competencies.models import (
    Competency,
    ConsultationComment,
    ConsultationResponse,
    ConsultationRound,
    FrameworkVersion,
    JobPosition,
    LevelDescriptor,
    ProficiencyLevel,
    ProfileAssessment,
    QualificationLevel,
    Requirement,
    SelfAssessment,
    SelfRating,
    StatementRating,
    Status,
    VersionedCompetency,
    VersionedDescriptor,
    VersionedPosition,
    VersionedRequirement,
)
from competencies.models.consultation import COMMENT_MAX
from competencies.models.text import fingerprint
from competencies.selectors.profiles import profile_statements
from core import history


@transaction.atomic
def publication_status_set(*, items: Iterable, status: str, by) -> int:
    """Move positions or competencies to draft, consultation or withdrawn (endorsing needs the
    date and the meeting: the change form takes them). Returns how many changed."""
    if not by.is_staff:
        raise PermissionDenied
    if status == Status.ENDORSED:
        raise ValueError("endorse in the change form, with the date and the meeting")
    changed = 0
    with reversion.create_revision():
        reversion.set_user(by)
        history.note(gettext_noop("Status: %(status)s"), status=Status(status).label)
        for item in items:
            if item.status == status:
                continue
            item.status = status
            item.full_clean()
            item.save()
            changed += 1
    return changed


# Endorsement and versions ---------------------------------------------------------------------


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


# The members' consultation ---------------------------------------------------------------------


def round_closed_message(round: ConsultationRound) -> str:
    """Why a round takes no comment or position now, in the active language."""
    if round.opens_on > timezone.localdate():
        return _("This consultation round opens on %(date)s.") % {
            "date": date_format(round.opens_on, "DATE_FORMAT")
        }
    return _(
        "This consultation round closed on %(date)s: it no longer accepts comments or positions."
    ) % {"date": date_format(round.deadline, "DATE_FORMAT")}


def _open_or_refuse(round: ConsultationRound) -> None:
    if not round.is_open():
        raise ValidationError(round_closed_message(round), code="closed")


def _comment_text(text: str) -> str:
    text = (text or "").strip()
    if not text:
        raise ValidationError({"text": _("Write your comment.")})
    if len(text) > COMMENT_MAX:
        raise ValidationError(
            {"text": _("Keep the comment under %(count)s characters.") % {"count": COMMENT_MAX}}
        )
    return text


@transaction.atomic
def consultation_round_open(
    *, round: ConsultationRound, by, announce: bool = True
) -> ConsultationRound:
    """Office staff open a round (the admin has saved it with the items it names): a round that
    names none takes every position and competency in consultation; the drafts it names move into
    consultation; unless it is only a change of the round (`announce=False`), every member is
    mailed, in their language, once the round is committed."""
    if not by.is_staff:
        raise PermissionDenied
    if not round.positions.exists() and not round.competencies.exists():
        round.positions.set(JobPosition.objects.in_consultation())
        round.competencies.set(Competency.objects.in_consultation())
    drafts = [
        *round.positions.filter(status=Status.DRAFT),
        *round.competencies.filter(status=Status.DRAFT),
    ]
    publication_status_set(items=drafts, status=Status.CONSULTATION, by=by)
    if round.opened_by_id is None:
        round.opened_by = by
        round.save(update_fields=["opened_by"])
    if announce:
        transaction.on_commit(lambda: notifications.round_opened(round))
    return round


@transaction.atomic
def consultation_comment_add(
    *,
    round: ConsultationRound,
    author,
    text: str,
    position: JobPosition | None = None,
    competency: Competency | None = None,
    level: ProficiencyLevel | None = None,
) -> ConsultationComment:
    """A member comments, for their administration, on an item of an open round (a competency
    maybe at one of its levels)."""
    if not author.is_member:
        raise PermissionDenied
    _open_or_refuse(round)
    if (position is None) == (competency is None):
        raise ValueError("a comment is on one position or one competency")
    items = round.positions if position else round.competencies
    if not items.filter(pk=(position or competency).pk).exists():
        raise ValidationError(_("This item is not part of the consultation round."))
    if level is not None and competency is None:
        raise ValueError("only a competency's comment names a level")
    comment = ConsultationComment(
        round=round,
        position=position,
        competency=competency,
        level=level,
        administration_id=author.administration_id,
        author=author,
        text=_comment_text(text),
    )
    comment.full_clean()
    comment.save()
    return comment


def comment_editable_by(comment: ConsultationComment, user) -> bool:
    """Its author, or their administration's focal point; never another administration."""
    return user.is_member and (
        comment.author_id == user.pk or user.is_focal_point_for(comment.administration_id)
    )


@transaction.atomic
def consultation_comment_edit(*, comment: ConsultationComment, by, text: str) -> None:
    """Change a comment's text while its round is open (see `comment_editable_by`)."""
    if not comment_editable_by(comment, by):
        raise PermissionDenied
    _open_or_refuse(comment.round)
    comment.text = _comment_text(text)
    comment.full_clean()
    comment.save(update_fields=["text", "updated_at"])


@transaction.atomic
def consultation_comment_answer(
    *, comment: ConsultationComment, by, reply_en: str, reply_ru: str, resolved: bool
) -> ConsultationComment:
    """The office answers a comment (in either language or both) and marks it resolved or not."""
    if not by.is_staff:
        raise PermissionDenied
    reply_en, reply_ru = (reply_en or "").strip(), (reply_ru or "").strip()
    stored = ConsultationComment.objects.values_list("reply_en", "reply_ru").get(pk=comment.pk)
    if (reply_en, reply_ru) != tuple(text or "" for text in stored):
        comment.replied_by, comment.replied_at = by, timezone.now()
    comment.reply_en, comment.reply_ru, comment.resolved = reply_en, reply_ru, resolved
    comment.full_clean()
    comment.save()
    return comment


@transaction.atomic
def consultation_response_submit(
    *, round: ConsultationRound, by, stance: str, text: str
) -> ConsultationResponse:
    """A focal point gives (or changes) their administration's position on an open round."""
    if not (by.is_member and by.is_focal_point):
        raise PermissionDenied
    _open_or_refuse(round)
    response = ConsultationResponse.objects.filter(
        round=round, administration_id=by.administration_id
    ).first() or ConsultationResponse(round=round, administration_id=by.administration_id)
    response.stance, response.text = stance, (text or "").strip()
    response.submitted_by, response.submitted_at = by, timezone.now()
    response.full_clean()
    response.save()
    return response


def consultation_reminders_send(*, days: int, today: datetime.date | None = None) -> list:
    """Remind every member of each open round whose deadline is at most `days` days away, once
    a round. Returns [(round, mails queued)]."""
    today = today or timezone.localdate()
    rounds = ConsultationRound.objects.open(today).filter(
        deadline__lte=today + datetime.timedelta(days=days), reminded_on__isnull=True
    )
    sent = []
    for round in rounds.order_by("deadline", "pk"):
        with transaction.atomic():
            # Claimed by one run only: another one that got here first has set the date.
            claimed = ConsultationRound.objects.filter(
                pk=round.pk, reminded_on__isnull=True
            ).update(reminded_on=today)
            if claimed:
                sent.append((round, notifications.round_closing(round)))
    return sent
