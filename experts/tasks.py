"""The experts' periodic job, queued by the scheduler (`manage.py crontask`)."""

from crontask import cron
from django.tasks import task

from experts.services import stale_reminders_send


@cron("0 7 1 * *")  # the first day of each month, 07:00 in the office's time zone
@task
def remind_stale_experts() -> int:
    """Email each focal point their administration's records not confirmed for 12 months."""
    sent, _untold = stale_reminders_send()
    return sent
