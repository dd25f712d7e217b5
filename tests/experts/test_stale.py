"""Records not confirmed for 12 months: flagged, listed for their focal point, reminded."""

import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.utils import timezone
from reversion.models import Version

from core.concurrency import FIELD, row_fingerprint
from experts.filters import search_query
from experts.models import Expert, ExpertiseArea, stale_cutoff
from tests.experts.factories import make_expert
from tests.factories import make_administration, make_user

pytestmark = pytest.mark.django_db

LONG_AGO = datetime.date(2020, 1, 1)


def test_a_record_is_stale_twelve_months_after_its_confirmation(azerbaijan):
    today = datetime.date(2026, 6, 15)
    assert stale_cutoff(today) == datetime.date(2025, 6, 15)
    assert stale_cutoff(datetime.date(2028, 2, 29)) == datetime.date(2027, 2, 28)
    fresh = make_expert(administration=azerbaijan, confirmed_on=datetime.date(2025, 6, 15))
    old = make_expert(administration=azerbaijan, confirmed_on=datetime.date(2025, 6, 14))
    assert not fresh.is_stale(today) and old.is_stale(today)
    assert list(Expert.objects.stale(today)) == [old]
    assert list(Expert.objects.current(today)) == [fresh]


@pytest.fixture
def records(azerbaijan, georgia):
    return {
        "az_stale": make_expert(
            administration=azerbaijan,
            family_name_en="Mammadov",
            family_name_ru="Мамедов",
            given_names_ru="Рашад",
            given_names_en="Rashad",
            confirmed_on=LONG_AGO,
        ),
        "az_current": make_expert(administration=azerbaijan, family_name_en="Current"),
        "ge_stale": make_expert(
            administration=georgia, family_name_en="Lomidze", confirmed_on=LONG_AGO
        ),
    }


def test_stale_records_are_flagged_in_the_admin(staff_client, records):
    response = staff_client.get("/admin/experts/expert/", {"stale": "yes"})
    assert {e.family_name_en for e in response.context["cl"].result_list} == {
        "Mammadov",
        "Lomidze",
    }
    response = staff_client.get("/admin/experts/expert/", {"stale": "no"})
    assert [e.family_name_en for e in response.context["cl"].result_list] == ["Current"]
    assert 'alt="True"' in staff_client.get("/admin/experts/expert/").content.decode()


def test_the_expert_page_says_when_a_record_is_stale(member_client, records):
    html = member_client.get(f"/en/members/experts/{records['az_stale'].pk}/").content.decode()
    assert "has not been confirmed since" in html
    html = member_client.get(f"/en/members/experts/{records['az_current'].pk}/").content.decode()
    assert "has not been confirmed since" not in html
    html = member_client.get("/en/members/experts/").content.decode()
    assert html.count("needs confirming") == 2


@pytest.mark.parametrize("language", ["en", "ru"])
def test_the_focal_point_lists_their_stale_records(client, focal_point, records, language):
    client.force_login(focal_point)
    response = client.get(f"/{language}/members/experts/stale/")
    assert list(response.context["experts"]) == [records["az_stale"]]
    html = response.content.decode()
    assert f"/{language}/members/experts/{records['az_stale'].pk}/confirm/" in html
    if language == "ru":
        assert "Рашад Мамедов" in html


def test_the_focal_point_confirms_a_record_in_one_step(client, focal_point, records):
    client.force_login(focal_point)
    expert = records["az_stale"]
    response = client.post(
        f"/en/members/experts/{expert.pk}/confirm/", {"next": "/en/members/experts/stale/"}
    )
    assert response.status_code == 302
    assert response["Location"] == "/en/members/experts/stale/"
    expert.refresh_from_db()
    assert expert.confirmed_on == timezone.localdate()
    assert list(client.get("/en/members/experts/stale/").context["experts"]) == []
    # The confirmation is in the record's history, with who made it.
    version = Version.objects.get_for_object(expert).first()
    assert version.revision.user == focal_point


def test_confirm_ignores_a_next_address_on_another_site(client, focal_point, records):
    client.force_login(focal_point)
    response = client.post(
        f"/en/members/experts/{records['az_stale'].pk}/confirm/", {"next": "https://evil.test/"}
    )
    assert response["Location"] == "/en/members/experts/stale/"


def test_confirm_is_post_only(client, focal_point, records):
    client.force_login(focal_point)
    assert client.get(f"/en/members/experts/{records['az_stale'].pk}/confirm/").status_code == 405


def update_data(expert, **overrides):
    data = {
        "given_names_en": expert.given_names_en,
        "family_name_en": expert.family_name_en,
        "given_names_ru": expert.given_names_ru or "",
        "family_name_ru": expert.family_name_ru or "",
        "position_en": "Head of the Post-Clearance Audit Department",
        "position_ru": "Начальник управления пост-таможенного аудита",
        "email": expert.email,
        "phone": "",
        "areas": [area.pk for area in expert.areas.all()],
        "accreditation": "expert",
        "languages-TOTAL_FORMS": "3",
        "languages-INITIAL_FORMS": "1",
        "languages-MIN_NUM_FORMS": "0",
        "languages-MAX_NUM_FORMS": "20",
        "languages-0-language": "en",
        "languages-0-level": "4",
        "languages-1-language": "ru",
        "languages-1-level": "2",
        # The form as opened: with the fingerprint of the record at that moment.
        FIELD: row_fingerprint(Expert, expert.pk),
    }
    data.update(overrides)
    return data


@pytest.mark.parametrize("language", ["en", "ru"])
def test_the_update_form_shows_the_record(client, focal_point, records, language):
    client.force_login(focal_point)
    expert = records["az_stale"]
    response = client.get(f"/{language}/members/experts/{expert.pk}/update/")
    html = response.content.decode()
    assert 'value="Mammadov"' in html
    assert 'value="en" selected' in html


def test_the_focal_point_updates_a_record_in_one_step(client, focal_point, member, records):
    client.force_login(focal_point)
    expert = records["az_stale"]
    response = client.post(f"/en/members/experts/{expert.pk}/update/", update_data(expert))
    assert response.status_code == 302
    assert response["Location"] == f"/en/members/experts/{expert.pk}/"
    expert.refresh_from_db()
    assert expert.confirmed_on == timezone.localdate()
    assert expert.position_ru == "Начальник управления пост-таможенного аудита"
    assert expert.accreditation == "expert"
    assert sorted(expert.languages.values_list("language", "level")) == [("en", 4), ("ru", 2)]
    # The search finds the new position at once (the stored vector is rebuilt).
    client.force_login(member)
    response = client.get("/ru/members/experts/", {"q": "аудита"})
    assert [e["id"] for e in response.context["experts"]] == [expert.pk]


def test_another_focal_point_cannot_update(client, other_focal_point, records):
    client.force_login(other_focal_point)
    expert = records["az_stale"]
    response = client.post(f"/en/members/experts/{expert.pk}/update/", update_data(expert))
    assert response.status_code == 403
    expert.refresh_from_db()
    assert expert.confirmed_on == LONG_AGO


def test_the_reminder_mails_each_focal_point_their_stale_records(
    records, focal_point, other_focal_point, capsys
):
    other_focal_point.language = "ru"
    other_focal_point.save()
    no_focal_point = make_administration()
    make_expert(administration=no_focal_point, confirmed_on=LONG_AGO)
    quiet = make_administration()
    make_user(administration=quiet, is_focal_point=True, email="quiet@customs.test")
    call_command("remind_stale_experts")
    by_recipient = {message.to[0]: message for message in mail.outbox}
    assert set(by_recipient) == {focal_point.email, other_focal_point.email}
    english = by_recipient[focal_point.email]
    assert english.subject == "Please confirm 1 expert record"
    assert "Rashad Mammadov" in english.body and "Lomidze" not in english.body
    assert "https://portal.test/en/members/experts/stale/" in english.body
    assert f"https://portal.test/en/members/experts/{records['az_stale'].pk}/update/" in (
        english.body
    )
    russian = by_recipient[other_focal_point.email]
    assert russian.subject == "Пожалуйста, подтвердите 1 запись об эксперте"
    assert "Lomidze" in russian.body and "https://portal.test/ru/members/experts/stale/" in (
        russian.body
    )
    output = capsys.readouterr()
    assert "Reminders sent: 2." in output.out
    assert f"{no_focal_point} has stale records but no active focal point" in output.err


def test_renaming_an_area_while_a_focal_point_edits_an_expert_is_no_conflict(
    focal_point, staff_client, records
):
    """Renaming an area re-indexes its experts (their stored search vector): a derived column,
    not an edit of the record, so the focal point's form opened before still saves."""
    expert = records["az_stale"]
    area = ExpertiseArea.objects.get(slug="aeo")
    expert.areas.add(area)
    client = Client()
    client.force_login(focal_point)
    opened = update_data(expert)  # the form as opened, with its fingerprint
    response = staff_client.post(
        f"/admin/experts/expertisearea/{area.pk}/change/",
        {
            "slug": "aeo",
            "name_en": "Trusted traders",
            "name_ru": "Надёжные участники",
            FIELD: row_fingerprint(ExpertiseArea, area.pk),
        },
    )
    assert response.status_code == 302
    assert row_fingerprint(Expert, expert.pk) == opened[FIELD]
    response = client.post(f"/en/members/experts/{expert.pk}/update/", opened)
    assert response.status_code == 302
    expert.refresh_from_db()
    assert expert.accreditation == "expert"
    # The search still finds the expert by the area's new name.
    assert Expert.objects.filter(search_vector=search_query("traders")).get() == expert
