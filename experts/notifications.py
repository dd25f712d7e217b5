"""Mail about experts and nominations, each written in its recipient's language."""

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from accounts.models import User
from core.mail import mail_send_in
from experts.models import Expert, Nomination
from experts.tokens import record_token


def _link(name: str, *args) -> str:
    return settings.SITE_URL + reverse(name, args=args)


def nomination_received(nomination: Nomination) -> None:
    """Tell the office (in its working language, English) that a nomination awaits review."""
    if not settings.STAFF_NOTIFICATION_EMAILS:
        return
    mail_send_in(
        settings.LANGUAGE_CODE,
        to=settings.STAFF_NOTIFICATION_EMAILS,
        subject=lambda: (
            _("New expert nomination from %(administration)s")
            % {"administration": nomination.administration}
        ),
        template="experts/email/nomination_received.txt",
        context={
            "nomination": nomination,
            "review_url": settings.SITE_URL
            + reverse("admin:experts_nomination_review", args=[nomination.pk]),
        },
    )


def nomination_decided(nomination: Nomination) -> None:
    """Tell the focal point who nominated the expert what the office decided."""
    user = nomination.nominated_by
    if user is None or not user.is_active:
        return
    approved = nomination.status == Nomination.Status.APPROVED
    with translation.override(user.language):
        expert_url = _link("experts:detail", nomination.expert_id) if approved else ""
        nominations_url = _link("experts:nominations")
    mail_send_in(
        user.language,
        to=[user.email],
        subject=(
            (lambda: _("Expert nomination approved: %(name)s") % {"name": nomination.full_name})
            if approved
            else (
                lambda: (
                    _("Expert nomination not accepted: %(name)s") % {"name": nomination.full_name}
                )
            )
        ),
        template=(
            "experts/email/nomination_approved.txt"
            if approved
            else "experts/email/nomination_rejected.txt"
        ),
        context={
            "user": user,
            "nomination": nomination,
            "expert_url": expert_url,
            "nominations_url": nominations_url,
        },
    )


def stale_reminder(user: User, experts: list[Expert]) -> None:
    """Ask a focal point to confirm or update their administration's stale records."""
    with translation.override(user.language):
        stale_url = _link("experts:stale")
        rows = [(expert, _link("experts:update", expert.pk)) for expert in experts]
    mail_send_in(
        user.language,
        to=[user.email],
        subject=lambda: (
            ngettext(
                "Please confirm %(count)s expert record",
                "Please confirm %(count)s expert records",
                len(experts),
            )
            % {"count": len(experts)}
        ),
        template="experts/email/stale_reminder.txt",
        context={"user": user, "rows": rows, "stale_url": stale_url},
    )


def record_link(expert: Expert, *, reason: str) -> None:
    """Send the expert the link to their own record, in their language. `reason`: "approved"
    (just listed), "stale" (the monthly reminder) or "sent" (by the office)."""
    with translation.override(expert.language):
        record_url = _link("experts:record", record_token(expert))
    mail_send_in(
        expert.language,
        to=[expert.email],
        subject=lambda: _("Your record in the Regional Experts Database"),
        template="experts/email/record_link.txt",
        context={
            "expert": expert,
            "reason": reason,
            "record_url": record_url,
            "link_days": settings.EXPERT_RECORD_LINK_DAYS,
        },
    )
