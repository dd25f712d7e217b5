"""Writes on outreach content beyond the admin's own forms: publication, the meetings'
registrations (seats, quotas, the waiting list and seat offers), their documents, the mail
about an event (its change, cancellation, reminder, and the staff's message to participants),
and after an event its attendance and evaluations."""

import datetime
from dataclasses import asdict, dataclass, replace

import reversion
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from accounts.models import User
from core import history
from library.models import Document
from outreach import notifications
from outreach.models import (
    Audience,
    Event,
    EventEvaluation,
    MeetingDocument,
    Registration,
    RegistrationSettings,
    Status,
)


@transaction.atomic
def publication_status_set(*, items: QuerySet, status: Status, by: User) -> int:
    """Publish or withdraw news items or events; returns how many changed.

    Each row is validated and saved on its own (not with `update()`), with an entry in its edit
    history naming who did it.
    """
    changed = 0
    with reversion.create_revision():
        reversion.set_user(by)
        history.note(
            gettext_noop("Published") if status == Status.PUBLISHED else gettext_noop("Withdrawn")
        )
        for item in items.exclude(status=status):
            item.status = status
            item.full_clean()
            item.save(update_fields=["status", "updated_at"])
            changed += 1
    return changed


# Meetings ---------------------------------------------------------------------------------------
#
# Every write on an event's registrations first locks the event's registration settings row
# (`SELECT … FOR UPDATE`): registrations of one event are decided one at a time, so the seats
# counted are the seats taken and the capacity is never exceeded, however many people register at
# once. Mail is queued in the same transaction (core.mail), so a refused write sends nothing.


@dataclass(frozen=True)
class Person:
    """One person to register: a member themselves, a nominee, or a member of the public."""

    full_name: str
    email: str
    position: str = ""
    working_language: str = ""
    accessibility_needs: str = ""
    needs_visa_letter: bool = False
    sex: str = ""
    consent_to_list: bool = False


def _locked_settings(event: Event) -> RegistrationSettings:
    return RegistrationSettings.objects.select_for_update().select_related("event").get(event=event)


def _seat_free(registration_settings: RegistrationSettings, administration_id: int | None) -> bool:
    """Whether a seat is free for a person of this administration (None: the public), counted
    with the settings row locked."""
    holding = Registration.objects.filter(event_id=registration_settings.event_id).holding_seats()
    if holding.count() >= registration_settings.capacity:
        return False
    if registration_settings.quota is None or administration_id is None:
        return True
    return holding.filter(administration_id=administration_id).count() < registration_settings.quota


def _seated_status(registration_settings: RegistrationSettings) -> str:
    if registration_settings.requires_approval:
        return Registration.Status.PENDING
    return Registration.Status.CONFIRMED


def may_register(registration_settings: RegistrationSettings, user) -> bool:
    """Whether the event's audience includes this user (whatever the dates)."""
    audience = registration_settings.audience
    if audience == Audience.PUBLIC:
        return True
    if not (user.is_authenticated and user.is_member):
        return False
    return (
        audience == Audience.MEMBERS
        or registration_settings.invited.filter(pk=user.administration_id).exists()
    )


def registration_refusal(
    *, registration_settings: RegistrationSettings | None, user, now=None
) -> str | None:
    """Why this user may not register for the event now (a message for the page), or None."""
    if registration_settings is None:
        return _("This event takes no registrations on the portal.")
    if registration_settings.event.is_cancelled:
        return _("This event has been cancelled.")
    now = now or timezone.now()
    if now < registration_settings.opens_at:
        return _("Registration opens on %(date)s.") % {
            "date": formats.date_format(
                timezone.localtime(registration_settings.opens_at), "DATETIME_FORMAT"
            )
        }
    if now >= registration_settings.closes_at or registration_settings.event.is_over:
        return _("Registration for this event is closed.")
    audience = registration_settings.audience
    if audience == Audience.PUBLIC:
        return None
    if not user.is_authenticated:
        return _("Only users of the member administrations may register: please log in.")
    if not user.is_member:
        return _("Only users of the member administrations may register for this event.")
    if (
        audience == Audience.INVITED
        and not registration_settings.invited.filter(pk=user.administration_id).exists()
    ):
        return _("Only the invited administrations may register for this event.")
    return None


def _register(
    registration_settings: RegistrationSettings,
    person: Person,
    *,
    administration_id: int | None,
    user: User | None,
    nominated_by: User | None,
    language: str,
) -> Registration:
    event = registration_settings.event
    if Registration.objects.filter(event=event, email__iexact=person.email).exists():
        raise ValidationError(
            _("%(email)s is already registered for this event.") % {"email": person.email},
            code="duplicate",
        )
    seated = _seat_free(registration_settings, administration_id)
    registration = Registration(
        event=event,
        administration_id=administration_id,
        user=user,
        nominated_by=nominated_by,
        # Mail to a person with an account is in their own language.
        language=user.language if user is not None else language,
        status=_seated_status(registration_settings) if seated else Registration.Status.WAITING,
        **asdict(person),
    )
    registration.full_clean(exclude=["event", "administration", "user", "nominated_by"])
    try:
        with transaction.atomic():
            registration.save()
    except IntegrityError:
        # The database's own rule (event + lower(email)) caught a duplicate the check missed.
        raise ValidationError(
            _("%(email)s is already registered for this event.") % {"email": person.email},
            code="duplicate",
        ) from None
    notifications.registration_received(registration)
    return registration


@transaction.atomic
def registration_self(*, event: Event, user, person: Person, language: str) -> Registration:
    """A member (or, where the event is public, anyone) registers themselves. A member's name and
    address come from their account, never from the form."""
    registration_settings = _locked_settings(event)
    refusal = registration_refusal(registration_settings=registration_settings, user=user)
    if refusal:
        raise ValidationError(refusal, code="refused")
    if user.is_authenticated:
        person = replace(person, full_name=user.full_name or user.email, email=user.email)
        return _register(
            registration_settings,
            person,
            administration_id=user.administration_id if user.is_member else None,
            user=user,
            nominated_by=None,
            language=user.language,
        )
    return _register(
        registration_settings,
        person,
        administration_id=None,
        user=None,
        nominated_by=None,
        language=language,
    )


@transaction.atomic
def registration_nominate(
    *, event: Event, by: User, people: list[Person], language: str
) -> list[Registration]:
    """A focal point nominates officers of their own administration (taken from the user, never
    from the form): all of them or, on any error, none. Seats beyond the capacity or the
    administration's quota go to the waiting list; one nomination names at most the quota."""
    if not (by.is_member and by.is_focal_point):
        raise PermissionDenied
    registration_settings = _locked_settings(event)
    refusal = registration_refusal(registration_settings=registration_settings, user=by)
    if refusal:
        raise ValidationError(refusal, code="refused")
    quota = registration_settings.quota
    if quota is not None and len(people) > quota:
        raise ValidationError(
            _("Nominate at most %(quota)s people: the quota of each administration.")
            % {"quota": quota},
            code="quota",
        )
    emails = [person.email.lower() for person in people]
    if len(set(emails)) != len(emails):
        raise ValidationError(_("Each person may be named once."), code="duplicate")
    return [
        _register(
            registration_settings,
            person,
            administration_id=by.administration_id,
            # An officer with an account of the same administration gets mail in its language.
            user=User.objects.filter(
                email__iexact=person.email,
                is_active=True,
                administration_id=by.administration_id,
            ).first(),
            nominated_by=by,
            language=by.language,
        )
        for person in people
    ]


def _offer_freed_seats(registration_settings: RegistrationSettings) -> list[Registration]:
    """Offer each free seat to the first on the waiting list whom it can go to (the quota of
    their administration allowing), for the event's offer time. The settings row is locked.
    A cancelled event offers nothing."""
    if registration_settings.event.is_cancelled:
        return []
    offered = []
    skipped: list[int] = []
    while True:
        candidates = (
            Registration.objects.filter(event_id=registration_settings.event_id)
            .waiting()
            .exclude(pk__in=skipped)
        )
        candidate = next(
            (
                registration
                for registration in candidates[:50]
                if _seat_free(registration_settings, registration.administration_id)
            ),
            None,
        )
        if candidate is None:
            return offered
        candidate.status = Registration.Status.OFFERED
        candidate.offer_expires_at = timezone.now() + datetime.timedelta(
            hours=registration_settings.offer_hours
        )
        candidate.save(update_fields=["status", "offer_expires_at", "updated_at"])
        notifications.seat_offered(candidate)
        offered.append(candidate)
        skipped.append(candidate.pk)


@transaction.atomic
def freed_seats_offer(*, event: Event) -> list[Registration]:
    """Offer the seats that are free (after staff raised the capacity or the quota)."""
    return _offer_freed_seats(_locked_settings(event))


def _locked(registration: Registration) -> tuple[RegistrationSettings, Registration]:
    registration_settings = _locked_settings(registration.event)
    return registration_settings, Registration.objects.select_for_update().get(pk=registration.pk)


@transaction.atomic
def registration_approve(*, registration: Registration, by: User) -> Registration:
    """Staff confirm a registration that awaited their approval."""
    _settings, registration = _locked(registration)
    if registration.status != Registration.Status.PENDING:
        raise ValidationError(_("Only a registration awaiting approval can be approved."))
    registration.status = Registration.Status.CONFIRMED
    registration.decided_by = by
    registration.save(update_fields=["status", "decided_by", "updated_at"])
    notifications.registration_confirmed(registration)
    return registration


@transaction.atomic
def registration_decline(*, registration: Registration, by: User, reason: str) -> Registration:
    """Staff decline a registration with a reason (told to the person); a seat it held goes to
    the next on the waiting list."""
    registration_settings, registration = _locked(registration)
    if not registration.is_active:
        raise ValidationError(_("This registration is no longer active."))
    if not reason.strip():
        raise ValidationError(_("Give the reason for declining."))
    held = registration.holds_seat
    registration.status = Registration.Status.DECLINED
    registration.reason = reason
    registration.decided_by = by
    registration.offer_expires_at = None
    registration.save(
        update_fields=["status", "reason", "decided_by", "offer_expires_at", "updated_at"]
    )
    notifications.registration_declined(registration)
    if held:
        _offer_freed_seats(registration_settings)
    return registration


@transaction.atomic
def registration_withdraw(*, registration: Registration, by: User | None) -> Registration:
    """The person (or their focal point) withdraws; a seat it held goes to the next waiting."""
    registration_settings, registration = _locked(registration)
    if not registration.is_active:
        raise ValidationError(_("This registration is no longer active."))
    held = registration.holds_seat
    registration.status = Registration.Status.WITHDRAWN
    registration.offer_expires_at = None
    registration.save(update_fields=["status", "offer_expires_at", "updated_at"])
    if held:
        _offer_freed_seats(registration_settings)
    return registration


@transaction.atomic
def offer_answer(*, registration: Registration, accept: bool) -> Registration:
    """The person offered a seat takes it (confirmed, or awaiting approval) or lets it go to
    the next one waiting."""
    registration_settings, registration = _locked(registration)
    if registration_settings.event.is_cancelled:
        raise ValidationError(_("This event has been cancelled."), code="cancelled")
    if (
        registration.status != Registration.Status.OFFERED
        or registration.offer_expires_at <= timezone.now()
    ):
        raise ValidationError(_("This seat offer has expired."), code="expired")
    if accept:
        registration.status = _seated_status(registration_settings)
        registration.offer_expires_at = None
        registration.save(update_fields=["status", "offer_expires_at", "updated_at"])
        notifications.registration_received(registration)
        return registration
    registration.status = Registration.Status.WITHDRAWN
    registration.offer_expires_at = None
    registration.save(update_fields=["status", "offer_expires_at", "updated_at"])
    _offer_freed_seats(registration_settings)
    return registration


def offers_expire(*, now: datetime.datetime | None = None) -> int:
    """Seat offers past their time lapse and the seats move on; returns how many lapsed."""
    now = now or timezone.now()
    lapsed = 0
    expired = Registration.objects.filter(
        status=Registration.Status.OFFERED, offer_expires_at__lte=now
    ).values_list("pk", "event_id")
    for pk, event_id in list(expired):
        with transaction.atomic():
            registration_settings = _locked_settings(Event(pk=event_id))
            registration = Registration.objects.select_for_update().get(pk=pk)
            if registration.status != Registration.Status.OFFERED:
                continue  # answered meanwhile
            registration.status = Registration.Status.EXPIRED
            registration.offer_expires_at = None
            registration.save(update_fields=["status", "offer_expires_at", "updated_at"])
            _offer_freed_seats(registration_settings)
            lapsed += 1
    return lapsed


# Meeting documents ------------------------------------------------------------------------------

# Library visibilities from the widest to the narrowest.
_LIBRARY_WIDTH = [
    Document.Visibility.PUBLIC,
    Document.Visibility.MEMBERS,
    Document.Visibility.STAFF,
]


@transaction.atomic
def meeting_documents_keep_private(*, event: Event) -> int:
    """Keep the event's documents out of the library pages wider than the event shows them: a
    participants' document becomes staff-only there (so no member finds it among the translated
    materials), a members' one no longer public. Never widens one. Returns how many changed."""
    changed = 0
    attached = MeetingDocument.objects.filter(event=event).select_related("document")
    for meeting_document in attached:
        document = meeting_document.document
        narrowest = MeetingDocument.LIBRARY_VISIBILITY[meeting_document.visibility]
        if _LIBRARY_WIDTH.index(document.visibility) < _LIBRARY_WIDTH.index(narrowest):
            document.visibility = narrowest
            document.full_clean()
            document.save(update_fields=["visibility"])
            changed += 1
    return changed


# Changes, cancellation, reminders and staff messages ----------------------------------------
#
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


# After the event -------------------------------------------------------------------------------


@transaction.atomic
def attendance_mark(
    *, registrations: QuerySet[Registration], attended: bool, by: User, today=None
) -> int:
    """Staff mark confirmed participants of events that have begun as attended or absent (a
    mark may be changed); anyone else selected is left as they are. Returns how many changed;
    each change is in the registration's edit history."""
    today = today or timezone.localdate()
    status = Registration.Status.ATTENDED if attended else Registration.Status.ABSENT
    changed = 0
    with reversion.create_revision():
        reversion.set_user(by)
        history.note(gettext_noop("Attendance marked"))
        pks = list(registrations.values_list("pk", flat=True))
        for registration in (
            Registration.objects.select_for_update(of=("self",))
            .filter(pk__in=pks, status__in=Registration.PARTICIPANTS, event__starts_on__lte=today)
            .exclude(status=status)
            .order_by("pk")
        ):
            registration.status = status
            registration.save(update_fields=["status", "updated_at"])
            changed += 1
    return changed


def evaluation_recipients(event_id: int) -> QuerySet[Registration]:
    """Who is asked to evaluate an event: those marked as attended or, where staff marked no
    attendance, every confirmed participant."""
    registrations = Registration.objects.filter(event_id=event_id)
    marked = registrations.filter(
        status__in=[Registration.Status.ATTENDED, Registration.Status.ABSENT]
    )
    status = Registration.Status.ATTENDED if marked.exists() else Registration.Status.CONFIRMED
    return registrations.filter(status=status).select_related("event").order_by("pk")


def event_evaluations_request(*, today: datetime.date | None = None) -> int:
    """Mail the evaluation form of every event that ended lately and whose forms have not gone
    out: a link to each participant, in their language. Each event once, even with two runs
    at the same time. Returns the number of people mailed."""
    today = today or timezone.localdate()
    mailed = 0
    awaiting = RegistrationSettings.objects.awaiting_evaluation_requests(today)
    for pk in awaiting.values_list("pk", flat=True):
        with transaction.atomic():
            registration_settings = (
                RegistrationSettings.objects.select_for_update(skip_locked=True, of=("self",))
                .awaiting_evaluation_requests(today)
                .filter(pk=pk)
                .first()
            )
            if registration_settings is None:
                continue  # another run took it
            # Queued in this transaction: the mail goes out only if the mark is saved.
            recipients = list(evaluation_recipients(registration_settings.event_id))
            for registration in recipients:
                notifications.evaluation_requested(registration)
            registration_settings.evaluations_mailed_at = timezone.now()
            registration_settings.evaluations_mailed_to = len(recipients)
            registration_settings.save(
                update_fields=["evaluations_mailed_at", "evaluations_mailed_to"]
            )
            mailed += len(recipients)
    return mailed


class EvaluationGiven(ValidationError):
    """The person has evaluated the event already."""


@transaction.atomic
def event_evaluate(
    *,
    registration: Registration,
    overall: int,
    usefulness: int,
    organisation: int,
    comment: str = "",
    language: str = "en",
) -> EventEvaluation:
    """A participant's evaluation of the event, once (their link is then used up). The answer
    keeps the event only: nothing in it names the person."""
    registration = Registration.objects.select_for_update().get(pk=registration.pk)
    if registration.evaluation_given:
        raise EvaluationGiven(_("This evaluation has been given already."))
    evaluation = EventEvaluation(
        event_id=registration.event_id,
        overall=overall,
        usefulness=usefulness,
        organisation=organisation,
        comment=(comment or "").strip(),
        language=language,
    )
    evaluation.full_clean()
    evaluation.save()
    registration.evaluation_given = True
    # Not its time of change either: that would match the answer's order.
    registration.save(update_fields=["evaluation_given"])
    return evaluation
