"""The consultation's periodic job, queued by the scheduler (`manage.py crontask`)."""

from crontask import cron
from django.tasks import task

from competencies.services import consultation_reminders_send

# How many days before a round's deadline its members are reminded.
REMINDER_DAYS = 3


@cron("0 8 * * *")  # every day, 08:00 in the office's time zone
@task
def remind_consultation_closing() -> int:
    """Remind the members of each round closing within REMINDER_DAYS days (once a round);
    returns how many mails were queued."""
    return sum(mails for _round, mails in consultation_reminders_send(days=REMINDER_DAYS))
