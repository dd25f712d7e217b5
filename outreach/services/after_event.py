"""After an event: staff mark attendance, the evaluation form is mailed to the participants, and
each answers once, anonymously."""

import datetime

import reversion
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from accounts.models import User
from core import history
from outreach import notifications
from outreach.models import EventEvaluation, Registration, RegistrationSettings


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
