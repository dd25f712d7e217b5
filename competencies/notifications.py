"""Mail about the members' consultation on the framework, each written in its recipient's
language and sent through the task queue (`core.mail`)."""

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from accounts.models import User
from core.mail import mail_send_in


def _members():
    """Every active user of a member administration."""
    return User.objects.filter(is_active=True, administration__is_member=True).order_by("pk")


def _mail_members(round, *, subject: str, template: str) -> int:
    """Mail each member, in their language, about the round (the subject is marked with
    gettext_noop and translated per recipient); returns how many mails were queued."""
    sent = 0
    for user in _members().only("email", "language", "full_name"):
        with translation.override(user.language):
            url = settings.SITE_URL + reverse("competencies:consultation_round", args=[round.pk])
        mail_send_in(
            user.language,
            to=[user.email],
            subject=lambda: (
                _(subject)
                % {"round": round.title, "deadline": date_format(round.deadline, "DATE_FORMAT")}
            ),
            template=template,
            context={"user": user, "round": round, "url": url},
        )
        sent += 1
    return sent


def round_opened(round) -> int:
    """Tell every member that a consultation round is open and until when."""
    return _mail_members(
        round,
        subject=gettext_noop(
            "Consultation on the competency framework: %(round)s (until %(deadline)s)"
        ),
        template="competencies/email/round_opened.txt",
    )


def round_closing(round) -> int:
    """Remind every member, a few days ahead, that the round closes soon."""
    return _mail_members(
        round,
        subject=gettext_noop("Reminder: the consultation “%(round)s” closes on %(deadline)s"),
        template="competencies/email/round_closing.txt",
    )
