"""Mail about account requests, each written in its recipient's language: the person who asked
gets theirs in the language of the request, a focal point in the language of their account.

Called after the commit of the change they report (`transaction.on_commit`), so nothing is sent
for a change that was rolled back; the mail goes through the task queue (`core.mail`).
"""

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from administrations.models import AccountRequest
from administrations.tokens import invitation_arguments
from core.mail import mail_send_in


def _link(language: str, name: str, **kwargs) -> str:
    with translation.override(language):
        return settings.SITE_URL + reverse(name, kwargs=kwargs)


def account_request_received(account_request: AccountRequest) -> None:
    """Tell the person their request has reached their administration's focal point."""
    mail_send_in(
        account_request.language,
        to=[account_request.email],
        subject=lambda: _("Your request for a members' account"),
        template="administrations/email/account_request_received.txt",
        context={"account_request": account_request},
    )


def account_exists(*, email: str, language: str) -> None:
    """Answer a request naming the address of an active account: that person needs no new
    account, only perhaps a new password (sent in place of the acknowledgement, so the form
    tells nobody which addresses have accounts)."""
    mail_send_in(
        language,
        to=[email],
        subject=lambda: _("Your request for a members' account"),
        template="administrations/email/account_exists.txt",
        context={
            "login_url": _link(language, "accounts:login"),
            "reset_url": _link(language, "accounts:password_reset"),
        },
    )


def account_request_to_focal_points(account_request: AccountRequest, focal_points) -> None:
    """Ask the administration's focal points (or, where it has none, the office) to decide."""
    for user in focal_points:
        mail_send_in(
            user.language,
            to=[user.email],
            subject=lambda: (
                _("%(name)s asks for a members' account") % {"name": account_request.full_name}
            ),
            template="administrations/email/account_request_to_focal_point.txt",
            context={
                "account_request": account_request,
                "user": user,
                "decide_url": _link(user.language, "administrations:users"),
            },
        )
    if not focal_points and settings.STAFF_NOTIFICATION_EMAILS:
        mail_send_in(
            settings.LANGUAGE_CODE,
            to=settings.STAFF_NOTIFICATION_EMAILS,
            subject=lambda: (
                _("%(name)s asks for a members' account") % {"name": account_request.full_name}
            ),
            template="administrations/email/account_request_to_focal_point.txt",
            context={
                "account_request": account_request,
                "decide_url": settings.SITE_URL
                + reverse("admin:administrations_accountrequest_change", args=[account_request.pk]),
            },
        )


def invitation(account_request: AccountRequest, user) -> None:
    """Invite the approved person to choose a password (a link that works once)."""
    language = account_request.language
    mail_send_in(
        language,
        to=[user.email],
        subject=lambda: _("Your members' account on the ROCB Europe portal"),
        template="administrations/email/invitation.txt",
        context={
            "account_request": account_request,
            "invitation_url": _link(
                language, "administrations:invitation", **invitation_arguments(user)
            ),
            "timeout_days": max(1, settings.PASSWORD_RESET_TIMEOUT // 86400),
        },
    )


def account_request_declined(account_request: AccountRequest) -> None:
    """Tell the person their request was declined, and why."""
    mail_send_in(
        account_request.language,
        to=[account_request.email],
        subject=lambda: _("Your request for a members' account"),
        template="administrations/email/account_request_declined.txt",
        context={"account_request": account_request},
    )
