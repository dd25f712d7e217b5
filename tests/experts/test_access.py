"""Who may open each page and file of the experts database."""

import pytest

from tests.experts.factories import make_expert, make_nomination, pdf_upload
from tests.factories import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def expert(azerbaijan):
    expert = make_expert(administration=azerbaijan, confirmed_on="2020-01-01")
    expert.cv.save("cv.pdf", pdf_upload(), save=False)
    expert.cv_name = "Резюме эксперта.pdf"
    expert.save()
    return expert


@pytest.fixture
def nomination(focal_point):
    return make_nomination(nominated_by=focal_point)


def urls(expert, nomination) -> dict[str, str]:
    return {
        "list": "/en/members/experts/",
        "detail": f"/en/members/experts/{expert.pk}/",
        "cv": f"/en/members/experts/{expert.pk}/cv/",
        "nominate": "/en/members/experts/nominate/",
        "nominations": "/en/members/experts/nominations/",
        "nomination_cv": f"/en/members/experts/nominations/{nomination.pk}/cv/",
        "stale": "/en/members/experts/stale/",
        "update": f"/en/members/experts/{expert.pk}/update/",
        "export_csv": "/en/members/experts/export.csv",
        "export_xlsx": "/en/members/experts/export.xlsx",
    }


def status(client, url) -> int:
    """The status of a GET, with the file of a download closed."""
    response = client.get(url)
    response.close()
    return response.status_code


ALL = [
    "list",
    "detail",
    "cv",
    "nominate",
    "nominations",
    "nomination_cv",
    "stale",
    "update",
    "export_csv",
    "export_xlsx",
]


@pytest.mark.parametrize("name", ALL)
def test_anonymous_visitors_are_sent_to_login(client, expert, nomination, name):
    url = urls(expert, nomination)[name]
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"] == f"/en/accounts/login/?next={url}"


def test_anonymous_confirm_is_sent_to_login_and_changes_nothing(client, expert):
    response = client.post(f"/en/members/experts/{expert.pk}/confirm/")
    assert response.status_code == 302
    assert response["Location"].startswith("/en/accounts/login/")
    expert.refresh_from_db()
    assert str(expert.confirmed_on) == "2020-01-01"


@pytest.mark.parametrize("name", ALL)
def test_users_outside_the_member_administrations_are_refused(
    client, outsider, expert, nomination, name
):
    client.force_login(outsider)
    assert status(client, urls(expert, nomination)[name]) == 403


MEMBER_ALLOWED = {"list": 200, "detail": 200, "cv": 200}


@pytest.mark.parametrize("name", ALL)
def test_a_member_who_is_not_a_focal_point(member_client, expert, nomination, name):
    expected = MEMBER_ALLOWED.get(name, 404 if name == "nomination_cv" else 403)
    assert status(member_client, urls(expert, nomination)[name]) == expected


@pytest.mark.parametrize("name", ALL)
def test_the_focal_point_of_the_experts_administration(
    client, focal_point, expert, nomination, name
):
    client.force_login(focal_point)
    expected = 403 if name.startswith("export") else 200
    response = client.get(urls(expert, nomination)[name])
    response.close()
    assert response.status_code == expected
    if expected == 200 and name not in {"cv", "nomination_cv"}:
        assert "no-store" in response["Cache-Control"]


@pytest.mark.parametrize(("name", "expected"), [("update", 403), ("nomination_cv", 404)])
def test_the_focal_point_of_another_administration(
    client, other_focal_point, expert, nomination, name, expected
):
    client.force_login(other_focal_point)
    assert status(client, urls(expert, nomination)[name]) == expected


def test_another_focal_point_cannot_confirm(client, other_focal_point, expert):
    client.force_login(other_focal_point)
    assert client.post(f"/en/members/experts/{expert.pk}/confirm/").status_code == 403
    expert.refresh_from_db()
    assert str(expert.confirmed_on) == "2020-01-01"


def test_another_focal_point_sees_neither_the_record_to_confirm_nor_the_nomination(
    client, other_focal_point, expert, nomination
):
    client.force_login(other_focal_point)
    assert list(client.get("/en/members/experts/stale/").context["experts"]) == []
    assert list(client.get("/en/members/experts/nominations/").context["nominations"]) == []


@pytest.mark.parametrize("name", ALL)
def test_office_staff(staff_client, expert, nomination, name):
    # Staff use the admin for what focal points do in the members area.
    expected = 403 if name in {"nominate", "nominations", "stale", "update"} else 200
    assert status(staff_client, urls(expert, nomination)[name]) == expected


def test_cv_downloads_under_its_original_name_and_never_from_media(member_client, expert):
    response = member_client.get(f"/en/members/experts/{expert.pk}/cv/")
    assert response["Content-Type"] == "application/pdf"
    assert "attachment" in response["Content-Disposition"]
    assert "%D0%A0%D0%B5%D0%B7%D1%8E%D0%BC%D0%B5" in response["Content-Disposition"]
    assert "no-store" in response["Cache-Control"]
    assert expert.cv.url == ""
    assert not expert.cv.name.startswith("/")
    response.close()


def test_an_expert_without_a_cv_has_no_download(member_client, azerbaijan):
    expert = make_expert(administration=azerbaijan)
    assert member_client.get(f"/en/members/experts/{expert.pk}/cv/").status_code == 404


def test_a_member_of_a_former_member_administration_is_refused(client, azerbaijan, expert):
    user = make_user(administration=azerbaijan)
    azerbaijan.is_member = False
    azerbaijan.save()
    client.force_login(user)
    assert client.get(f"/en/members/experts/{expert.pk}/").status_code == 403
