"""Retention purges, queued each night by the scheduler (`manage.py crontask`)."""

import datetime

from crontask import cron
from django.conf import settings
from django.contrib.sessions.models import Session
from django.tasks import task
from django.utils import timezone
from django_tasks_db.models import DBTaskResult


@cron("30 3 * * *")
@task
def purge_expired_records() -> dict[str, int]:
    """Delete expired sessions, and finished tasks past their retention period (a queued mail
    holds its recipients' addresses)."""
    now = timezone.now()
    cutoff = now - datetime.timedelta(days=settings.TASK_RESULT_RETENTION_DAYS)
    sessions, _ = Session.objects.filter(expire_date__lt=now).delete()
    tasks, _ = DBTaskResult.objects.finished().filter(finished_at__lt=cutoff).delete()
    return {"sessions": sessions, "tasks": tasks}
