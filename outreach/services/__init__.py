"""Writes on outreach content beyond the admin's own forms, one module per job: publication
(`publication`), the meetings' registrations with their seats, quotas, waiting list and seat
offers (`registrations`), their documents (`documents`), the mail about an event: its change,
cancellation, reminder, and the staff's message to participants (`announcements`), and after an
event its attendance and evaluations (`after_event`).

Callers import from `outreach.services`, which names every public write here."""

from outreach.services.after_event import (
    EvaluationGiven,
    attendance_mark,
    evaluation_recipients,
    event_evaluate,
    event_evaluations_request,
)
from outreach.services.announcements import (
    REMINDED,
    SCHEDULE_FIELDS,
    event_cancel,
    event_changes_announce,
    event_reminders_send,
    participants_write,
    schedule_changed,
)
from outreach.services.documents import meeting_documents_keep_private
from outreach.services.publication import publication_status_set
from outreach.services.registrations import (
    Person,
    freed_seats_offer,
    may_register,
    offer_answer,
    offers_expire,
    registration_approve,
    registration_decline,
    registration_nominate,
    registration_refusal,
    registration_self,
    registration_withdraw,
)

__all__ = [
    "REMINDED",
    "SCHEDULE_FIELDS",
    "EvaluationGiven",
    "Person",
    "attendance_mark",
    "evaluation_recipients",
    "event_cancel",
    "event_changes_announce",
    "event_evaluate",
    "event_evaluations_request",
    "event_reminders_send",
    "freed_seats_offer",
    "may_register",
    "meeting_documents_keep_private",
    "offer_answer",
    "offers_expire",
    "participants_write",
    "publication_status_set",
    "registration_approve",
    "registration_decline",
    "registration_nominate",
    "registration_refusal",
    "registration_self",
    "registration_withdraw",
    "schedule_changed",
]
