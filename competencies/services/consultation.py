"""The members' consultation on the draft framework: staff open rounds and answer comments,
members comment for their administration, focal points give its position, and the members are
reminded before a round closes."""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from competencies import notifications
from competencies.models import (
    Competency,
    ConsultationComment,
    ConsultationResponse,
    ConsultationRound,
    JobPosition,
    ProficiencyLevel,
    Status,
)
from competencies.models.consultation import COMMENT_MAX
from competencies.services.publication import publication_status_set


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
