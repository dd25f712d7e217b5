"""The meetings' periodic jobs, queued by the scheduler (`manage.py crontask`)."""

from crontask import cron
from django.tasks import task

from outreach.services import event_evaluations_request, event_reminders_send, offers_expire


@cron("*/10 * * * *")  # every ten minutes: a lapsed seat moves on within ten minutes
@task
def expire_seat_offers() -> int:
    """Seat offers not answered in time lapse; each seat goes to the next one waiting."""
    return offers_expire()


@cron("0 8 * * *")  # every day, 08:00 in the office's time zone
@task
def remind_upcoming_events() -> int:
    """Remind those holding a seat of an event starting within EVENT_REMINDER_DAYS days, once
    each; returns how many were reminded."""
    return event_reminders_send()


@cron("30 8 * * *")  # each day, 08:30 in the office's time zone
@task
def mail_event_evaluations() -> int:
    """Mail the evaluation forms of the events that ended since the last run."""
    return event_evaluations_request()
