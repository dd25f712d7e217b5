"""Mail to the people registered for events, each in the registrant's own language (their
account's, or the page's when they registered), through the task queue (`core.mail`)."""

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from core.mail import mail_send_in
from outreach.calendar import event_calendar
from outreach.models import Registration
from outreach.tokens import EVALUATION_LINK_VALID, evaluation_token, offer_token


def _send(registration: Registration, *, subject, template: str, context=None, attach=False):
    """Mail the registrant in their language, with the event's calendar file if `attach`."""
    event = registration.event
    with translation.override(registration.language):
        url = settings.SITE_URL + event.get_absolute_url()

    def calendar_file():
        return [(f"{event.slug}.ics", event_calendar(event, url=url).decode(), "text/calendar")]

    mail_send_in(
        registration.language,
        to=[registration.email],
        subject=subject,
        template=template,
        context={"registration": registration, "event": event, "url": url, **(context or {})},
        attachments=calendar_file if attach else None,
    )


def registration_received(registration: Registration) -> None:
    """Tell the person where their registration stands: confirmed (with the event as a
    calendar file), awaiting the office's approval, or on the waiting list."""
    status = registration.status
    if status == Registration.Status.CONFIRMED:
        registration_confirmed(registration)
    elif status == Registration.Status.PENDING:
        _send(
            registration,
            subject=lambda: _("Registration received: %(event)s") % {"event": registration.event},
            template="outreach/email/registration_pending.txt",
        )
    elif status == Registration.Status.WAITING:
        _send(
            registration,
            subject=lambda: _("On the waiting list: %(event)s") % {"event": registration.event},
            template="outreach/email/registration_waiting.txt",
        )


def registration_confirmed(registration: Registration) -> None:
    _send(
        registration,
        subject=lambda: _("Registration confirmed: %(event)s") % {"event": registration.event},
        template="outreach/email/registration_confirmed.txt",
        attach=True,
    )


def registration_declined(registration: Registration) -> None:
    _send(
        registration,
        subject=lambda: _("Registration declined: %(event)s") % {"event": registration.event},
        template="outreach/email/registration_declined.txt",
    )


def seat_offered(registration: Registration) -> None:
    """Offer a freed seat with a signed link that takes or lets go of it, without logging in."""
    with translation.override(registration.language):
        link = settings.SITE_URL + reverse(
            "outreach:seat_offer", kwargs={"token": offer_token(registration)}
        )
    _send(
        registration,
        subject=lambda: _("A seat is free for you: %(event)s") % {"event": registration.event},
        template="outreach/email/seat_offered.txt",
        context={"offer_url": link},
    )


def evaluation_requested(registration: Registration) -> None:
    """After the event, the link to its short evaluation form (signed, no login, once)."""
    with translation.override(registration.language):
        link = settings.SITE_URL + reverse(
            "outreach:event_evaluate", kwargs={"token": evaluation_token(registration)}
        )
    _send(
        registration,
        subject=lambda: (
            _("How was it? A short evaluation of %(event)s") % {"event": registration.event}
        ),
        template="outreach/email/evaluation_requested.txt",
        context={"evaluation_url": link, "days": EVALUATION_LINK_VALID.days},
    )
