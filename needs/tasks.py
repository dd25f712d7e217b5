"""The needs app's periodic job, queued by the scheduler (`manage.py crontask`)."""

from crontask import cron
from django.tasks import task

from needs.services import mission_evaluations_request


@cron("0 8 * * *")  # each day, 08:00 in the office's time zone
@task
def mail_mission_evaluations() -> int:
    """Mail the evaluation forms of the missions that ended since the last run."""
    return mission_evaluations_request()
