"""Mail about needs requests and rounds, each written in its recipient's language and sent
through the task queue (`core.mail`)."""

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from accounts.models import User
from core.mail import mail_send_in
from needs.models import NeedsRequest, NeedsRound, Status


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
