"""Missions: recorded by office staff who may add them, from the ranking or in the admin; the
host is the request's administration; the report follows the CV's upload rules; the expert's
page shows their missions to members."""

import datetime

import pytest
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from needs import services
from needs.models import Mission
from tests.experts.factories import PDF, make_expert
from tests.factories import make_user
from tests.needs.factories import make_need

pytestmark = pytest.mark.django_db


@pytest.fixture
def need(focal_point):
    return make_need(submitted_by=focal_point)


@pytest.fixture
def expert(georgia):
    return make_expert(administration=georgia, given_names_en="Nino", family_name_en="Beridze")


@pytest.fixture
def recorder(db):
    """Office staff who may add missions, and nothing else."""
    user = make_user(email="recorder@rocb.test", is_staff=True)
    user.user_permissions.add(
        Permission.objects.get(content_type__app_label="needs", codename="add_mission")
    )
    return user


def form_url(need, expert) -> str:
    return reverse("needs:mission_new", args=[need.pk]) + f"?expert={expert.pk}"


def test_staff_record_a_mission_with_its_report(client, recorder, need, expert, azerbaijan):
    client.force_login(recorder)
    assert "Nino Beridze" in client.get(form_url(need, expert)).content.decode()
    report = SimpleUploadedFile("Отчёт о миссии.pdf", PDF, content_type="application/pdf")
    response = client.post(
        form_url(need, expert),
        {"start_date": "2026-03-02", "end_date": "2026-03-06", "report": report},
    )
    assert response.status_code == 302 and response["Location"] == need.get_absolute_url()
    mission = Mission.objects.get()
    assert (mission.need, mission.expert, mission.administration) == (need, expert, azerbaijan)
    assert mission.provider == expert.administration and mission.created_by == recorder
    assert mission.report_name == "Отчёт о миссии.pdf"
    assert mission.report.name.startswith("needs/mission-reports/")
    assert mission.report.name.endswith(".pdf")


def test_the_mission_form_refuses_bad_input_and_saves_nothing(client, recorder, need, expert):
    client.force_login(recorder)
    response = client.post(
        form_url(need, expert),
        {
            "start_date": "2026-03-06",
            "end_date": "2026-03-02",
            "report": SimpleUploadedFile("report.pdf", b"<html>not a pdf</html>"),
        },
    )
    html = response.content.decode()
    assert response.status_code == 200 and 'role="alert"' in html
    assert "The mission cannot end before it begins." in html
    assert "This file type is not accepted" in html
    assert not Mission.objects.exists()


def test_the_mission_form_needs_an_expert(client, recorder, need):
    client.force_login(recorder)
    url = reverse("needs:mission_new", args=[need.pk])
    assert client.get(url).status_code == 404
    assert client.get(url, {"expert": "x"}).status_code == 404
    assert client.get(url, {"expert": "99999999999999999999"}).status_code == 404


def test_the_service_refuses_staff_without_the_permission(need, expert):
    clerk = make_user(email="clerk@rocb.test", is_staff=True)
    with pytest.raises(services.PermissionDenied):
        services.mission_create(
            need=need,
            expert=expert,
            start_date=datetime.date(2026, 3, 2),
            end_date=datetime.date(2026, 3, 3),
            by=clerk,
        )


def test_staff_record_a_mission_in_the_admin(client, staff, need, expert, azerbaijan):
    client.force_login(staff)
    response = client.post(
        reverse("admin:needs_mission_add"),
        {
            "need": need.pk,
            "expert": expert.pk,
            "start_date": "2026-03-02",
            "end_date": "2026-03-04",
            "evaluations-TOTAL_FORMS": "0",
            "evaluations-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    mission = Mission.objects.get()
    assert mission.administration == azerbaijan and mission.created_by == staff
    assert client.get(reverse("admin:needs_mission_change", args=[mission.pk])).status_code == 200


def test_the_request_page_lists_its_missions_and_the_report_downloads(
    client, focal_point, recorder, need, expert
):
    mission = services.mission_create(
        need=need,
        expert=expert,
        start_date=datetime.date(2026, 3, 2),
        end_date=datetime.date(2026, 3, 6),
        report=SimpleUploadedFile("report.pdf", PDF),
        by=recorder,
    )
    client.force_login(focal_point)
    html = client.get(need.get_absolute_url()).content.decode()
    report_url = reverse("needs:mission_report", args=[need.pk, mission.pk])
    assert "Nino Beridze" in html and report_url in html
    assert "Evaluation" not in html  # evaluations are for the office
    download = client.get(report_url)
    assert download["Content-Disposition"].startswith("attachment")
    assert b"".join(download.streaming_content) == PDF


def test_the_experts_page_shows_their_missions_to_members(
    client, member, recorder, need, expert, django_assert_max_num_queries
):
    for month in (3, 5):
        services.mission_create(
            need=need,
            expert=expert,
            start_date=datetime.date(2026, month, 2),
            end_date=datetime.date(2026, month, 6),
            by=recorder,
        )
    client.force_login(member)
    # Session and user; the expert with administration, missions with their hosts and the other
    # lists (experts.detail_rows); the access log's entry.
    with django_assert_max_num_queries(4):
        html = client.get(f"/ru/members/experts/{expert.pk}/").content.decode()
    assert html.count("Азербайджан, 2 ") == 2  # the host of each, latest first
    assert html.index("мая 2026") < html.index("марта 2026")
