"""Evaluations of a mission: once it has ended, the host administration's focal points and the
expert are each mailed a signed, expiring link in their language (no account needed); a link
works once; an expired, tampered or no-longer-theirs link gets a clear page, never a 500."""

import datetime
import io
import re

import pytest
from django.core import mail, signing
from django.core.management import call_command
from django.utils import timezone

from needs import services, tokens
from needs.models import Mission, MissionEvaluation, Respondent
from needs.tasks import mail_mission_evaluations
from tests.experts.factories import make_expert
from tests.factories import make_user
from tests.needs.factories import make_need

pytestmark = pytest.mark.django_db

ANSWER = {"preparation": "4", "relevance": "5", "results": "3", "comment": "Well prepared."}


@pytest.fixture
def mission(focal_point, georgia):
    """A mission of a Georgian expert, mailed in Russian, to Azerbaijan that ended yesterday."""
    need = make_need(submitted_by=focal_point)
    expert = make_expert(
        administration=georgia,
        given_names_en="Nino",
        given_names_ru="Нино",
        email="nino@customs.ge",
        languages=[("ru", 4), ("en", 2)],
        language="ru",
    )
    end = timezone.localdate() - datetime.timedelta(days=1)
    return Mission.objects.create(
        need=need,
        expert=expert,
        administration=need.administration,
        provider=georgia,
        start_date=end - datetime.timedelta(days=4),
        end_date=end,
    )


def link_of(message) -> str:
    return re.search(r"https://portal\.test(/\S+/)", message.body).group(1)


def links(focal_point) -> dict[str, str]:
    """Mail the forms; the path of each recipient's link, by address."""
    assert services.mission_evaluations_request() == 1
    return {message.to[0]: link_of(message) for message in mail.outbox}


def test_each_side_is_mailed_a_link_in_their_language_once(mission, focal_point):
    focal_point.language = "en"
    focal_point.save()
    sent = links(focal_point)
    assert set(sent) == {"focal@customs.az", "nino@customs.ge"}
    assert sent["focal@customs.az"].startswith("/en/needs/missions/evaluate/")
    assert sent["nino@customs.ge"].startswith("/ru/needs/missions/evaluate/")
    russian = next(message for message in mail.outbox if message.to == ["nino@customs.ge"])
    assert "Нино" in russian.body and "Оценка миссии" in russian.subject
    assert "@" not in sent["nino@customs.ge"]  # no address in the link
    # The next run mails nothing again.
    assert services.mission_evaluations_request() == 0
    assert mail_mission_evaluations.enqueue().return_value == 0
    assert len(mail.outbox) == 2


def test_no_form_goes_out_before_the_mission_has_ended(mission, focal_point):
    mission.end_date = timezone.localdate()
    mission.save()
    call_command("mail_mission_evaluations", stdout=io.StringIO())
    assert mail.outbox == []


def test_the_host_answers_once_by_the_link(client, mission, focal_point):
    url = links(focal_point)["focal@customs.az"]
    page = client.get(url)
    assert page.status_code == 200 and "no-store" in page["Cache-Control"]
    assert 'name="preparation"' in page.content.decode()
    response = client.post(url, ANSWER)
    assert response.status_code == 200
    assert "Thank you for your evaluation" in response.content.decode()
    evaluation = MissionEvaluation.objects.get()
    assert (evaluation.respondent, evaluation.answered_by) == (Respondent.HOST, focal_point)
    assert (evaluation.preparation, evaluation.relevance, evaluation.results) == (4, 5, 3)
    # Used: refused, with a clear page, and nothing saved again.
    for again in (client.get(url), client.post(url, ANSWER)):
        assert again.status_code == 410
        assert "This evaluation has been given already" in again.content.decode()
    assert MissionEvaluation.objects.count() == 1


def test_the_expert_answers_in_russian(client, mission, focal_point):
    url = links(focal_point)["nino@customs.ge"]
    assert "Оцените миссию" in client.get(url).content.decode()
    assert client.post(url, ANSWER).status_code == 200
    assert MissionEvaluation.objects.get().respondent == Respondent.EXPERT


def test_a_second_focal_point_cannot_answer_after_the_first(
    client, mission, focal_point, azerbaijan
):
    make_user(email="second@customs.az", administration=azerbaijan, is_focal_point=True)
    sent = links(focal_point)
    client.post(sent["focal@customs.az"], ANSWER)
    assert client.get(sent["second@customs.az"]).status_code == 410


def test_an_expired_link_gets_a_clear_page(client, mission, focal_point, monkeypatch):
    url = links(focal_point)["focal@customs.az"]
    # As if the link's days had passed: signed a moment ago, older than a validity below zero.
    monkeypatch.setattr(tokens, "LINK_VALID", datetime.timedelta(seconds=-1))
    response = client.get(url)
    posted = client.post(url, ANSWER)
    assert response.status_code == 410 and posted.status_code == 410
    assert "The link has expired" in response.content.decode()
    assert not MissionEvaluation.objects.exists()


@pytest.mark.parametrize(
    "tamper",
    [
        lambda token: token[:-1] + ("A" if token[-1] != "A" else "B"),
        lambda token: signing.dumps({"m": 1, "r": "host", "u": 1}, salt="another.salt"),
        lambda token: "not-a-token",
        lambda token: signing.dumps({"m": "x", "r": "host"}, salt=tokens.SALT),
        lambda token: signing.dumps({"m": 1, "r": "boss"}, salt=tokens.SALT),
    ],
)
def test_a_tampered_link_gets_a_clear_page(client, mission, focal_point, tamper):
    url = links(focal_point)["focal@customs.az"]
    token = url.rstrip("/").rsplit("/", 1)[1]
    tampered = url.replace(token, tamper(token))
    for response in (client.get(tampered), client.post(tampered, ANSWER)):
        assert response.status_code == 400
        assert "The link is not valid" in response.content.decode()
    assert not MissionEvaluation.objects.exists()


def test_a_focal_point_of_another_administration_is_refused(client, mission, focal_point, georgia):
    url = links(focal_point)["focal@customs.az"]
    focal_point.administration = georgia  # moved to another administration since the mail
    focal_point.save()
    for response in (client.get(url), client.post(url, ANSWER)):
        assert response.status_code == 403
        assert "no longer answers for this mission" in response.content.decode()
    assert not MissionEvaluation.objects.exists()


def test_a_post_naming_another_administration_is_refused(client, mission, focal_point, georgia):
    url = links(focal_point)["focal@customs.az"]
    response = client.post(url, {**ANSWER, "administration": georgia.pk})
    assert response.status_code == 403
    assert not MissionEvaluation.objects.exists()


def test_a_link_of_another_expert_is_refused(client, mission, focal_point, georgia):
    url = links(focal_point)["nino@customs.ge"]
    mission.expert = make_expert(administration=georgia)
    mission.save()
    assert client.get(url).status_code == 403


def test_bad_ratings_are_refused_with_a_message(client, mission, focal_point):
    url = links(focal_point)["focal@customs.az"]
    response = client.post(url, {**ANSWER, "relevance": "6", "results": ""})
    assert response.status_code == 200 and 'role="alert"' in response.content.decode()
    assert not MissionEvaluation.objects.exists()


def test_staff_see_the_evaluations_on_the_mission_in_the_admin(client, staff, mission, focal_point):
    client.post(links(focal_point)["focal@customs.az"], ANSWER)
    client.force_login(staff)
    html = client.get(f"/admin/needs/mission/{mission.pk}/change/").content.decode()
    assert "Well prepared." in html


def test_the_scheduler_mails_the_forms_each_day():
    from crontask import scheduler

    jobs = {job.name: str(job.trigger) for job in scheduler.get_jobs()}
    assert "mail_mission_evaluations" in jobs
    assert "hour='8'" in jobs["mail_mission_evaluations"]
