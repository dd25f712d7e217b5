"""Needs rounds: who has answered (in the admin), and the reminders before the deadline."""

import datetime
import io

import pytest
from django.core import mail
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone

from needs import services
from needs.models import NeedsRoundReminder
from tests.factories import make_user
from tests.needs.factories import make_need, make_round

pytestmark = pytest.mark.django_db


@pytest.fixture
def needs_round():
    return make_round(
        title_en="Call for needs 2027",
        title_ru="Сбор потребностей на 2027 год",
        deadline=timezone.localdate() + datetime.timedelta(days=5),
    )


@pytest.fixture
def armenian_focal_point(db):
    from administrations.models import Administration

    return make_user(
        email="focal@customs.am",
        administration=Administration.objects.get(code="AM"),
        is_focal_point=True,
        language="ru",
    )


def reminded() -> list[list[str]]:
    return sorted(message.to for message in mail.outbox)


def test_reminders_go_to_the_administrations_that_have_not_answered(
    needs_round, focal_point, other_focal_point, armenian_focal_point
):
    make_need(submitted_by=focal_point, round=needs_round)
    out = io.StringIO()
    call_command("remind_needs_round", days=7, stdout=out)
    assert reminded() == [["focal@customs.am"], ["focal@customs.ge"]]
    assert "Reminded 2 administration(s)." in out.getvalue()
    russian = next(message for message in mail.outbox if message.to == ["focal@customs.am"])
    assert russian.subject.startswith("Напоминание: Сбор потребностей на 2027 год")
    assert f"https://portal.test/ru/members/needs/new/?round={needs_round.pk}" in russian.body
    english = next(message for message in mail.outbox if message.to == ["focal@customs.ge"])
    assert "Call for needs 2027" in english.subject


def test_an_administration_is_reminded_at_most_once_a_day(needs_round, other_focal_point):
    call_command("remind_needs_round", days=7, stdout=io.StringIO())
    call_command("remind_needs_round", days=7, stdout=io.StringIO())
    assert reminded() == [["focal@customs.ge"]]
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    services.needs_round_reminders_send(days=7, today=tomorrow)
    assert reminded() == [["focal@customs.ge"]] * 2
    assert NeedsRoundReminder.objects.count() == 2


def test_no_reminder_long_before_the_deadline_or_after_it(needs_round, other_focal_point):
    call_command("remind_needs_round", days=3, stdout=io.StringIO())
    after = needs_round.deadline + datetime.timedelta(days=1)
    assert services.needs_round_reminders_send(days=30, today=after) == []
    assert mail.outbox == []


def test_the_command_refuses_negative_days():
    with pytest.raises(CommandError):
        call_command("remind_needs_round", days=-1, stdout=io.StringIO())


def test_staff_see_which_administrations_have_answered(
    staff_client, needs_round, focal_point, other_focal_point
):
    make_need(submitted_by=focal_point, round=needs_round)
    make_need(submitted_by=focal_point, round=needs_round)
    listing = staff_client.get("/admin/needs/needsround/").content.decode()
    assert "Call for needs 2027" in listing
    page = staff_client.get(f"/admin/needs/needsround/{needs_round.pk}/change/").content.decode()
    assert "AZ Azerbaijan" in page and "GE Georgia" in page
    assert f"round__id__exact={needs_round.pk}&amp;administration__id__exact=" in page
    assert "not yet" in page
    assert staff_client.get("/admin/needs/needsround/", {"open": "yes"}).status_code == 200


def test_staff_open_a_round_in_the_admin(staff_client):
    response = staff_client.post(
        "/admin/needs/needsround/add/",
        {
            "title_en": "Call 2028",
            "title_ru": "Сбор 2028",
            "year": "2028",
            "deadline": "2028-03-31",
            "questions_en": "Which units?",
            "questions_ru": "Какие подразделения?",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    from needs.models import NeedsRound

    assert NeedsRound.objects.get().question_list() == ["Which units?"]
