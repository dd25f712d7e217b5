"""The portal's periodic job over several apps, queued by the scheduler (`manage.py crontask`)."""

from crontask import cron
from django.tasks import task

from portal.indicators import indicators_compute


@cron("15 4 * * *")  # each night, after the purges
@task
def compute_indicators() -> int:
    """The Work Plan's computed indicators, from the portal's records (portal.indicators)."""
    return indicators_compute()
