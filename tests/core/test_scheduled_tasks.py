"""Periodic jobs are tasks on the scheduler's timetable, and each does its work."""

import datetime
import importlib

import pytest
from crontask import scheduler
from django.contrib.sessions.models import Session
from django.core import mail
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from core.tasks import purge_expired_records
from experts.tasks import remind_stale_experts
from tests.experts.factories import make_expert

pytestmark = pytest.mark.django_db


def test_the_scheduler_runs_each_periodic_job():
    for module in ("core.tasks", "experts.tasks"):
        importlib.import_module(module)
    jobs = {job.name: str(job.trigger) for job in scheduler.get_jobs()}
    assert "purge_expired_records" in jobs
    assert "remind_stale_experts" in jobs
    assert "day='1'" in jobs["remind_stale_experts"]
    assert "purge_expert_records" in jobs


def test_the_monthly_reminder_tells_focal_points_and_experts_of_stale_records(
    focal_point, azerbaijan, django_capture_on_commit_callbacks
):
    expert = make_expert(administration=azerbaijan, confirmed_on=datetime.date(2020, 1, 1))
    with django_capture_on_commit_callbacks(execute=True):
        result = remind_stale_experts.enqueue()
    assert result.return_value == {"focal_points": 1, "experts": 1}
    assert sorted(message.to for message in mail.outbox) == [[expert.email], [focal_point.email]]


def test_the_nightly_purge_deletes_what_is_past_its_retention_only(settings):
    settings.TASK_RESULT_RETENTION_DAYS = 14
    now = timezone.now()
    Session.objects.create(
        session_key="old", session_data="", expire_date=now - datetime.timedelta(days=1)
    )
    Session.objects.create(
        session_key="live", session_data="", expire_date=now + datetime.timedelta(days=1)
    )
    common = {"task_path": "core.mail.deliver_mail", "args_kwargs": {"args": [], "kwargs": {}}}
    common |= {"backend_name": "default", "queue_name": "default", "priority": 0}
    old = DBTaskResult.objects.create(
        status="SUCCESSFUL", finished_at=now - datetime.timedelta(days=15), **common
    )
    recent = DBTaskResult.objects.create(
        status="SUCCESSFUL", finished_at=now - datetime.timedelta(days=1), **common
    )
    waiting = DBTaskResult.objects.create(status="READY", **common)

    result = purge_expired_records.enqueue()

    assert result.return_value == {
        "sessions": 1,
        "tasks": 1,
        "kept_uploads": 0,
        "access_log": 0,
        "registrations": 0,
    }
    assert list(Session.objects.values_list("session_key", flat=True)) == ["live"]
    assert set(DBTaskResult.objects.values_list("pk", flat=True)) == {recent.pk, waiting.pk}
    assert not DBTaskResult.objects.filter(pk=old.pk).exists()
