"""Mail about needs requests, rounds and missions, each written in its recipient's language and
sent through the task queue (`core.mail`)."""

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from accounts.models import User
from core.mail import mail_send_in
from needs.models import Mission, NeedsRequest, NeedsRound, Respondent, Status
from needs.tokens import LINK_VALID, evaluation_token


def _focal_points(administration_id: int):
    return User.objects.filter(
        is_active=True, is_focal_point=True, administration_id=administration_id
    ).order_by("email")


def need_received(need: NeedsRequest) -> None:
    """Tell the office (in its working language, English) that a request has come in."""
    if not settings.STAFF_NOTIFICATION_EMAILS:
        return
    mail_send_in(
        settings.LANGUAGE_CODE,
        to=settings.STAFF_NOTIFICATION_EMAILS,
        subject=lambda: (
            _("New capacity-building request from %(administration)s")
            % {"administration": need.administration}
        ),
        template="needs/email/need_received.txt",
        context={
            "need": need,
            "url": settings.SITE_URL + reverse("admin:needs_needsrequest_change", args=[need.pk]),
        },
    )


def need_status_changed(need: NeedsRequest) -> None:
    """Tell each focal point of the request's administration where it stands now."""
    for user in _focal_points(need.administration_id):
        with translation.override(user.language):
            url = settings.SITE_URL + reverse("needs:detail", args=[need.pk])
        mail_send_in(
            user.language,
            to=[user.email],
            subject=lambda: (
                _("Your capacity-building request no. %(number)s: %(status)s")
                % {"number": need.pk, "status": Status(need.status).label}
            ),
            template="needs/email/need_status_changed.txt",
            context={"user": user, "need": need, "url": url},
        )


def round_reminder(user: User, needs_round: NeedsRound) -> None:
    """Remind a focal point that their administration has not answered the round yet."""
    with translation.override(user.language):
        url = settings.SITE_URL + reverse("needs:new") + f"?round={needs_round.pk}"
    mail_send_in(
        user.language,
        to=[user.email],
        subject=lambda: (
            _("Reminder: %(round)s closes on %(deadline)s")
            % {
                "round": needs_round.title,
                "deadline": date_format(needs_round.deadline, "DATE_FORMAT"),
            }
        ),
        template="needs/email/round_reminder.txt",
        context={"user": user, "round": needs_round, "url": url},
    )


def expert_language(expert) -> str:
    """The portal language to write to an expert in: the one their record names (they have no
    account)."""
    return expert.language


def _evaluation_url(language: str, token: str) -> str:
    with translation.override(language):
        return settings.SITE_URL + reverse("needs:evaluate", args=[token])


def mission_evaluation_requested(mission: Mission) -> None:
    """Send the host administration's focal points and the expert their link to the mission's
    evaluation form (each link their own; the first focal point to answer answers for the
    administration)."""
    recipients = [
        (user.email, user.language, user.get_short_name(), Respondent.HOST, user)
        for user in _focal_points(mission.administration_id)
    ]
    if mission.expert is not None:
        recipients.append(
            (
                mission.expert.email,
                expert_language(mission.expert),
                # Read while the mail is rendered, in its language (the names are translated).
                lambda: mission.expert.given_names,
                Respondent.EXPERT,
                None,
            )
        )
    for email, language, name, respondent, user in recipients:
        token = evaluation_token(mission=mission, respondent=respondent, user=user)
        mail_send_in(
            language,
            to=[email],
            subject=lambda: _("How did the mission go? A short evaluation"),
            template="needs/email/mission_evaluation.txt",
            context={
                "name": name,
                "mission": mission,
                "respondent": respondent,
                "url": _evaluation_url(language, token),
                "days": LINK_VALID.days,
            },
        )
