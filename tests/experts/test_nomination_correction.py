"""A focal point corrects or withdraws a nomination of their administration while it waits for
review (never once it is decided); the office sees what the correction changed."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from reversion.models import Version

from core.concurrency import FIELD, row_fingerprint
from experts import services
from experts.models import Nomination
from tests.experts.factories import PDF, make_nomination
from tests.experts.test_nominations import form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def nomination(focal_point):
    return make_nomination(nominated_by=focal_point, phone="+994 12 404 00 00")


def correct_url(nomination, language="en"):
    return f"/{language}/members/experts/nominations/{nomination.pk}/correct/"


def withdraw_url(nomination, language="en"):
    return f"/{language}/members/experts/nominations/{nomination.pk}/withdraw/"


def correction(nomination, **changes) -> dict:
    data = form_data(cv=None, consent=None)
    # As the page posts it: the nomination's two languages are the formset's initial rows.
    data |= {"email": nomination.email, "languages-INITIAL_FORMS": "2", **changes}
    return {key: value for key, value in data.items() if value is not None} | {
        FIELD: row_fingerprint(Nomination, nomination.pk)
    }


def test_the_list_offers_correcting_and_withdrawing_while_pending_only(
    client, focal_point, nomination, staff
):
    decided = make_nomination(nominated_by=focal_point)
    services.nomination_reject(nomination=decided, reviewer=staff, reason="Not now.")
    client.force_login(focal_point)
    for language, words in [
        ("en", ["Correct", "Withdraw", "While it waits"]),
        ("ru", ["Исправить", "Отозвать", "Пока ждёт рассмотрения"]),
    ]:
        html = client.get(f"/{language}/members/experts/nominations/").content.decode()
        assert all(word in html for word in words)
        assert correct_url(nomination, language) in html
        assert correct_url(decided, language) not in html
        assert withdraw_url(decided, language) not in html


def test_a_focal_point_corrects_a_pending_nomination(client, focal_point, nomination):
    client.force_login(focal_point)
    page = client.get(correct_url(nomination, "ru")).content.decode()
    assert "Исправить кандидатуру" in page
    assert nomination.given_names_en in page and nomination.cv_name in page
    data = correction(nomination, phone="+994 12 555 55 55", position_en="Head of Unit")
    response = client.post(correct_url(nomination), data)
    assert response.status_code == 302
    nomination.refresh_from_db()
    assert (nomination.phone, nomination.position_en) == ("+994 12 555 55 55", "Head of Unit")
    assert nomination.is_pending and nomination.corrected_at
    assert nomination.cv_name == "CV.pdf"  # no new file: the CV stays
    assert sorted(nomination.languages.values_list("language", flat=True)) == ["az", "en"]


def test_the_office_sees_what_the_correction_changed(client, staff, focal_point, nomination):
    client.force_login(focal_point)
    client.post(correct_url(nomination), correction(nomination, phone="+994 12 555 55 55"))
    assert [v.revision.user for v in Version.objects.get_for_object(nomination)] == [
        focal_point,
        focal_point,
    ]
    staff_client = client
    staff_client.force_login(staff)
    history = staff_client.get(f"/admin/experts/nomination/{nomination.pk}/history/")
    html = " ".join(history.content.decode().split())
    assert "Corrected by the focal point" in html
    assert "<td>+994 12 404 00 00</td><td>+994 12 555 55 55</td>" in html
    review = staff_client.get(f"/admin/experts/nomination/{nomination.pk}/review/")
    assert "The focal point corrected this nomination on" in review.content.decode()


def test_a_bad_correction_saves_nothing_and_keeps_a_new_cv(client, focal_point, nomination):
    client.force_login(focal_point)
    before = row_fingerprint(Nomination, nomination.pk)
    data = correction(nomination, email="", cv=SimpleUploadedFile("Новое резюме.pdf", PDF))
    html = client.post(correct_url(nomination, "ru"), data).content.decode()
    assert 'role="alert"' in html
    assert "Сохранён: Новое резюме.pdf" in html
    assert row_fingerprint(Nomination, nomination.pk) == before
    # Without a new file nothing is kept: the current CV stays where it is.
    html = client.post(correct_url(nomination, "ru"), correction(nomination, email="")).content
    assert "Сохранён" not in html.decode()


def test_a_focal_point_withdraws_a_pending_nomination(client, focal_point, nomination):
    client.force_login(focal_point)
    page = client.get(withdraw_url(nomination, "ru")).content.decode()
    assert "Отозвать кандидатуру" in page
    response = client.post(withdraw_url(nomination, "ru"))
    assert response.status_code == 302
    nomination.refresh_from_db()
    assert nomination.status == Nomination.Status.WITHDRAWN and nomination.reviewed_at is None
    listing = client.get("/ru/members/experts/nominations/").content.decode()
    assert "Отозвана координатором" in listing


def test_nothing_changes_once_the_office_has_decided(client, focal_point, nomination, staff):
    services.nomination_approve(nomination=nomination, reviewer=staff)
    client.force_login(focal_point)
    for url in (correct_url(nomination), withdraw_url(nomination)):
        response = client.post(url, correction(nomination, phone="+994 12 555 55 55"))
        assert response.status_code == 302
        follow = client.get(response["Location"]).content.decode()
        assert "already been decided" in follow
    nomination.refresh_from_db()
    assert nomination.status == Nomination.Status.APPROVED
    assert nomination.phone == "+994 12 404 00 00"


def test_the_services_refuse_another_administrations_focal_point(nomination, other_focal_point):
    with pytest.raises(services.PermissionDenied):
        services.nomination_withdraw(nomination=nomination, by=other_focal_point)
    nomination.refresh_from_db()
    assert nomination.is_pending
