"""The experts' periodic jobs, queued by the scheduler (`manage.py crontask`)."""

from crontask import cron
from django.tasks import task

from experts.services import experts_purge, record_links_remind, stale_reminders_send


@cron("0 7 1 * *")  # the first day of each month, 07:00 in the office's time zone
@task
def remind_stale_experts() -> dict[str, int]:
    """Email each focal point their administration's records not confirmed for 12 months, and
    each of those experts the link to confirm their own record."""
    sent, _untold = stale_reminders_send()
    return {"focal_points": sent, "experts": record_links_remind()}


# Beside core.tasks.purge_expired_records (core may not import a feature app): each night.
@cron("40 3 * * *")
@task
def purge_expert_records() -> dict[str, int]:
    """Erase the personal data of records withdrawn past EXPERT_WITHDRAWN_RETENTION_DAYS and of
    records not confirmed for four years; the rows stay, without the person, for the counts."""
    return experts_purge()
