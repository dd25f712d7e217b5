"""The mail about an event to its registrants: a change of date, time or place, a
cancellation, the reminder before it, and the staff's message to its participants."""

import datetime

import reversion
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from outreach import notifications
from outreach.models import Event, Registration, RegistrationSettings

# Each mail goes to one person, in their language (core.mail through outreach.notifications),
# queued in the transaction of the change it reports.

# What a registrant plans their journey by: a change of one of these is announced.
SCHEDULE_FIELDS = (
    "starts_on",
    "ends_on",
    "start_time",
    "end_time",
    "time_zone",
    "place_en",
    "place_ru",
)


def schedule_changed(*, before: Event, after: Event) -> bool:
    """Whether the event's date, time, time zone or place differ between the two."""
    return any(getattr(before, name) != getattr(after, name) for name in SCHEDULE_FIELDS)


def _active_registrations(event: Event) -> list[Registration]:
    registrations = list(Registration.objects.filter(event=event).active().order_by("pk"))
    for registration in registrations:
        registration.event = event  # the event as it is now, without a query per person
    return registrations


@transaction.atomic
def event_changes_announce(*, event: Event, before: Event, tell: bool = True) -> int:
    """After staff saved an event: if its date, time or place changed, raise its calendar
    SEQUENCE (calendars then replace their copy) and, with `tell`, mail each registrant holding
    a seat or waiting for one what changed (those confirmed with the updated calendar file).
    Nothing is mailed for a cancelled event or one that was over. Returns how many were told."""
    if not schedule_changed(before=before, after=event):
        return 0
    event.sequence = before.sequence + 1
    event.save(update_fields=["sequence", "updated_at"])
    if not tell or event.is_cancelled or before.is_over:
        return 0
    registrations = _active_registrations(event)
    for registration in registrations:
        notifications.event_changed(registration, before=before)
    return len(registrations)


@transaction.atomic
def event_cancel(*, event: Event, by: User) -> int:
    """Cancel an event that is not over: its page says so, registration and seat offers stop, and
    each registrant holding a seat or waiting is told (those confirmed with a calendar file that
    removes the event). Returns how many were told."""
    # Registrations of the event wait for this one (they lock the same row): none slips past it.
    RegistrationSettings.objects.select_for_update().filter(event=event).first()
    event = Event.objects.select_for_update().get(pk=event.pk)
    if event.is_cancelled:
        raise ValidationError(_("“%(event)s” is already cancelled.") % {"event": event})
    if event.is_over:
        raise ValidationError(_("“%(event)s” is over: it cannot be cancelled.") % {"event": event})
    with reversion.create_revision():
        reversion.set_user(by)
        reversion.set_comment(_("Cancelled"))
        event.cancelled_at = timezone.now()
        event.sequence += 1
        event.save(update_fields=["cancelled_at", "sequence", "updated_at"])
    registrations = _active_registrations(event)
    for registration in registrations:
        notifications.event_cancelled(registration)
    return len(registrations)


# Who is reminded: confirmed participants, and those whose registration still awaits approval.
REMINDED = (Registration.Status.CONFIRMED, Registration.Status.PENDING)


def event_reminders_send(*, days: int | None = None, today: datetime.date | None = None) -> int:
    """Remind each person holding a seat (confirmed, or awaiting approval) of a published event
    that starts within `days` days (`EVENT_REMINDER_DAYS`) and not today, once per registration,
    even with two runs at the same time. Returns how many were reminded."""
    days = settings.EVENT_REMINDER_DAYS if days is None else days
    today = today or timezone.localdate()
    events = Event.objects.published().filter(
        cancelled_at__isnull=True,
        starts_on__gt=today,
        starts_on__lte=today + datetime.timedelta(days=days),
    )
    due = Registration.objects.filter(
        event__in=events, status__in=REMINDED, reminded_at__isnull=True
    )
    reminded = 0
    for pk in list(due.values_list("pk", flat=True)):
        with transaction.atomic():
            registration = (
                due.select_for_update(skip_locked=True, of=("self",))
                .select_related("event")
                .filter(pk=pk)
                .first()
            )
            if registration is None:
                continue  # another run took it
            # Queued in this transaction: the mail goes out only if the mark is saved.
            notifications.event_reminder(registration)
            registration.reminded_at = timezone.now()
            registration.save(update_fields=["reminded_at", "updated_at"])
            reminded += 1
    return reminded


@transaction.atomic
def participants_write(
    *, event: Event, by: User, subjects: dict[str, str], texts: dict[str, str]
) -> int:
    """Mail the staff's message to each participant of the event (confirmed registrations), in
    the participant's language: the subject and text of every language a participant reads are
    required. Returns how many were mailed."""
    participants = list(Registration.objects.filter(event=event).participants().order_by("pk"))
    missing = sorted(
        {
            registration.language
            for registration in participants
            if not (
                subjects.get(registration.language, "").strip()
                and texts.get(registration.language, "").strip()
            )
        }
    )
    if missing:
        raise ValidationError(
            _("Give the subject and the text in each participant's language (%(languages)s).")
            % {"languages": ", ".join(str(dict(settings.LANGUAGES)[code]) for code in missing)},
            code="language_missing",
        )
    for registration in participants:
        registration.event = event
        notifications.participants_message(
            registration,
            subject=subjects[registration.language].strip(),
            text=texts[registration.language].strip(),
        )
    return len(participants)
