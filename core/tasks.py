"""Retention purges, queued each night by the scheduler (`manage.py crontask`).

An app whose own records expire takes part with a `retention.py` module defining
`purge_expired(*, now) -> dict[str, int]` (what it deleted, by name), found by name as the
search and sitemap registries find theirs: core names no app above it.
"""

import datetime
from importlib import import_module
from importlib.util import find_spec

from crontask import cron
from django.apps import apps
from django.conf import settings
from django.contrib.sessions.models import Session
from django.tasks import task
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from core.uploads import kept_uploads_purge


@cron("30 3 * * *")
@task
def purge_expired_records() -> dict[str, int]:
    """Delete expired sessions, finished tasks past their retention period (a queued mail
    holds its recipients' addresses), the uploads kept for forms never sent again, and what
    each app's `retention` module expires."""
    now = timezone.now()
    cutoff = now - datetime.timedelta(days=settings.TASK_RESULT_RETENTION_DAYS)
    sessions, _ = Session.objects.filter(expire_date__lt=now).delete()
    tasks, _ = DBTaskResult.objects.finished().filter(finished_at__lt=cutoff).delete()
    counts = {"sessions": sessions, "tasks": tasks, "kept_uploads": kept_uploads_purge(now=now)}
    for app in apps.get_app_configs():
        module_name = f"{app.name}.retention"
        if find_spec(module_name) is not None:
            counts |= import_module(module_name).purge_expired(now=now)
    return counts
