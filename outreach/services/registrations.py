"""Registrations for the meetings: who may register, self-registration and a focal point's
nominations within the quota, the waiting list and the seats it is offered, staff approval and
decline, withdrawal."""

import datetime
from dataclasses import asdict, dataclass, replace

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from accounts.models import User
from outreach import notifications
from outreach.models import Audience, Event, Registration, RegistrationSettings

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
