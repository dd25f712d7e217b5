"""The meetings' periodic job, queued by the scheduler (`manage.py crontask`)."""

from crontask import cron
from django.tasks import task

from outreach.services import offers_expire


@cron("*/10 * * * *")  # every ten minutes: a lapsed seat moves on within ten minutes
@task
def expire_seat_offers() -> int:
    """Seat offers not answered in time lapse; each seat goes to the next one waiting."""
    return offers_expire()
