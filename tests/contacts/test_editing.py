import datetime

import pytest
from django.core import mail
from django.utils import timezone
from reversion.models import Version

from contacts.models import ContactPoint
from core.concurrency import FIELD, row_fingerprint
from core.history import note_text
from tests.contacts.builders import make_contact

pytestmark = pytest.mark.django_db

VALID = {
    "role": "learning",
    "name_en": "Rashad Aliyev",
    "name_ru": "Рашад Алиев",
    "title_en": "Training Centre Director",
    "title_ru": "Директор учебного центра",
    "email": "Rashad.Aliyev@customs.az",
    "phone": "+994124040000",
    "languages": ["az", "ru"],
}


@pytest.fixture(autouse=True)
def _office_addresses(settings):
    settings.STAFF_NOTIFICATION_EMAILS = ["office@rocb.test"]


@pytest.fixture
def own_contact(azerbaijan):
    return make_contact(
        azerbaijan, name="Old Name", name_ru="", verified_on=datetime.date(2024, 1, 1)
    )


@pytest.fixture
def foreign_contact(georgia):
    return make_contact(georgia, name="Nino Beridze", verified_on=datetime.date(2024, 1, 1))


def edit_data(contact, **changes) -> dict:
    """The edit form's data as posted: with the fingerprint of the row as the form opened it."""
    return {**VALID, **changes, FIELD: row_fingerprint(ContactPoint, contact.pk)}


def _snapshot():
    return list(ContactPoint.objects.order_by("pk").values())


# Access ------------------------------------------------------------------------------------


def _urls(contact):
    code = contact.administration.code.lower()
    return [
        ("get", f"/en/members/contacts/{code}/add/"),
        ("post", f"/en/members/contacts/{code}/add/"),
        ("get", f"/en/members/contacts/{code}/{contact.pk}/edit/"),
        ("post", f"/en/members/contacts/{code}/{contact.pk}/edit/"),
        ("get", f"/en/members/contacts/{code}/{contact.pk}/delete/"),
        ("post", f"/en/members/contacts/{code}/{contact.pk}/delete/"),
        ("post", f"/en/members/contacts/{code}/confirm/"),
    ]


def test_anonymous_visitors_are_sent_to_log_in_and_nothing_changes(client, own_contact):
    before = _snapshot()
    for method, url in _urls(own_contact):
        response = getattr(client, method)(url, VALID)
        assert response.status_code == 302, url
        assert "/accounts/login/" in response["Location"]
    assert _snapshot() == before


def test_another_administrations_focal_point_is_refused_and_nothing_changes(
    client, other_focal_point, own_contact
):
    client.force_login(other_focal_point)  # Georgia's focal point, at Azerbaijan's URLs
    before, versions = _snapshot(), Version.objects.count()
    for method, url in _urls(own_contact):
        assert getattr(client, method)(url, VALID).status_code == 403, url
    assert _snapshot() == before
    assert Version.objects.count() == versions
    assert mail.outbox == []


@pytest.mark.parametrize("who", ["member", "staff", "outsider"])
def test_only_focal_points_edit_on_the_site(client, request, own_contact, who):
    client.force_login(request.getfixturevalue(who))
    before = _snapshot()
    for method, url in _urls(own_contact):
        assert getattr(client, method)(url, VALID).status_code == 403, url
    assert _snapshot() == before


def test_a_contact_of_another_administration_is_not_found_under_ones_own(
    client, focal_point, foreign_contact
):
    client.force_login(focal_point)
    before = _snapshot()
    for action in ("edit", "delete"):
        url = f"/en/members/contacts/az/{foreign_contact.pk}/{action}/"
        assert client.get(url).status_code == 404
        assert client.post(url, VALID).status_code == 404
    assert _snapshot() == before


def test_a_posted_administration_is_refused(client, focal_point, own_contact, georgia):
    client.force_login(focal_point)
    before = _snapshot()
    for method, url in _urls(own_contact):
        if method == "post":
            response = client.post(url, {**edit_data(own_contact), "administration": georgia.pk})
            assert response.status_code == 403, url
    assert _snapshot() == before


# The focal point's own administration ----------------------------------------------------------


@pytest.mark.parametrize("language", ["en", "ru"])
def test_the_focal_point_sees_the_editing_tools(client, focal_point, own_contact, language):
    client.force_login(focal_point)
    html = client.get(f"/{language}/members/contacts/az/").content.decode()
    assert f"/{language}/members/contacts/az/add/" in html
    assert f"/{language}/members/contacts/az/{own_contact.pk}/edit/" in html
    assert f'action="/{language}/members/contacts/az/confirm/"' in html
    assert "no-store" in client.get(f"/{language}/members/contacts/az/add/")["Cache-Control"]


def test_the_focal_point_adds_a_contact_point(client, focal_point, azerbaijan):
    client.force_login(focal_point)
    response = client.post("/en/members/contacts/az/add/", VALID)
    assert response.status_code == 302
    assert response["Location"] == "/en/members/contacts/az/"
    contact = ContactPoint.objects.get()
    assert contact.administration == azerbaijan
    assert contact.name_en == "Rashad Aliyev"
    assert contact.name_ru == "Рашад Алиев"
    assert contact.email == "rashad.aliyev@customs.az"
    assert contact.phone == "+994 12 404 00 00"
    assert contact.languages == ["az", "ru"]
    assert contact.verified_on == timezone.localdate()
    page = client.get(response["Location"]).content.decode()
    assert "Rashad Aliyev was added." in page


def test_the_focal_point_edits_a_contact_point(client, focal_point, own_contact):
    client.force_login(focal_point)
    response = client.post(
        f"/en/members/contacts/az/{own_contact.pk}/edit/", edit_data(own_contact)
    )
    assert response.status_code == 302
    own_contact.refresh_from_db()
    assert own_contact.name_en == "Rashad Aliyev"
    assert own_contact.verified_on == timezone.localdate()


def test_the_focal_point_removes_a_contact_point(client, focal_point, own_contact):
    client.force_login(focal_point)
    page = client.get(f"/ru/members/contacts/az/{own_contact.pk}/delete/")
    assert "Удалить Old Name" in page.content.decode()
    response = client.post(f"/ru/members/contacts/az/{own_contact.pk}/delete/")
    assert response.status_code == 302
    assert not ContactPoint.objects.exists()


def test_confirming_stamps_todays_date_on_every_own_contact(
    client, focal_point, own_contact, foreign_contact, azerbaijan
):
    second = make_contact(azerbaijan, verified_on=None)
    client.force_login(focal_point)
    response = client.post("/en/members/contacts/az/confirm/")
    assert response.status_code == 302
    today = timezone.localdate()
    own_contact.refresh_from_db()
    second.refresh_from_db()
    foreign_contact.refresh_from_db()
    assert own_contact.verified_on == today
    assert second.verified_on == today
    assert foreign_contact.verified_on == datetime.date(2024, 1, 1)
    assert client.get("/en/members/contacts/az/confirm/").status_code == 405


# Validation ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "field", "value", "message"),
    [
        ("en", "email", "not-an-address", "Enter a valid email address."),
        ("ru", "email", "not-an-address", "Введите правильный адрес электронной почты."),
        ("en", "phone", "012 404 00 00", "Enter the phone number in international format"),
        ("ru", "phone", "012 404 00 00", "Введите номер телефона в международном формате"),
        ("en", "phone", "+994 12", "Enter the phone number in international format"),
    ],
)
def test_wrong_addresses_and_numbers_get_clear_messages(
    client, focal_point, language, field, value, message
):
    client.force_login(focal_point)
    response = client.post(f"/{language}/members/contacts/az/add/", {**VALID, field: value})
    assert response.status_code == 200
    html = response.content.decode()
    assert message in html
    assert 'aria-invalid="true"' in html
    assert not ContactPoint.objects.exists()


def test_the_same_person_twice_in_one_role_is_refused(client, focal_point, azerbaijan):
    make_contact(azerbaijan, role="learning", email="rashad.aliyev@customs.az")
    client.force_login(focal_point)
    response = client.post("/en/members/contacts/az/add/", VALID)
    assert "already listed in this role" in response.content.decode()
    assert ContactPoint.objects.count() == 1


# History and notices -------------------------------------------------------------------------


def test_every_change_is_in_the_history_with_its_author(
    client, focal_point, own_contact, django_capture_on_commit_callbacks
):
    client.force_login(focal_point)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/en/members/contacts/az/{own_contact.pk}/edit/", edit_data(own_contact))
    versions = Version.objects.get_for_object(own_contact)
    assert versions.count() == 1
    version = versions.get()
    assert version.revision.user == focal_point
    assert version.field_dict["name_en"] == "Rashad Aliyev"
    assert version.field_dict["name_ru"] == "Рашад Алиев"  # both languages are versioned
    note = note_text(version.revision.comment)
    assert "name" in note.removeprefix("Changed by the focal point: ").split(", ")

    with django_capture_on_commit_callbacks(execute=True):
        client.post("/en/members/contacts/az/confirm/")
    assert Version.objects.get_for_object(own_contact).count() == 2

    pk = own_contact.pk
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/en/members/contacts/az/{pk}/delete/")
    deleted = Version.objects.get_deleted(ContactPoint)
    assert [version.object_id for version in deleted] == [str(pk)]


def test_reverting_a_russian_edit_restores_the_russian_text(client, focal_point, own_contact):
    client.force_login(focal_point)
    client.post(f"/en/members/contacts/az/{own_contact.pk}/edit/", edit_data(own_contact))
    client.post(
        f"/en/members/contacts/az/{own_contact.pk}/edit/",
        edit_data(own_contact, name_ru="Другое Имя"),
    )
    first = Version.objects.get_for_object(own_contact).last()  # the oldest
    first.revision.revert()
    own_contact.refresh_from_db()
    assert own_contact.name_ru == "Рашад Алиев"
    assert own_contact.name_en == "Rashad Aliyev"


def test_staff_are_told_of_each_change(
    client, focal_point, own_contact, django_capture_on_commit_callbacks
):
    client.force_login(focal_point)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/ru/members/contacts/az/{own_contact.pk}/edit/", edit_data(own_contact))
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["office@rocb.test"]
    assert message.subject == "[ROCB Europe] Azerbaijan: contact points changed"
    assert "Rashad Aliyev <focal@customs.az>, focal point of Azerbaijan" in message.body
    assert "name_en, name_ru, title_en" in message.body
    assert "/admin/contacts/contactpoint/?administration__id__exact=" in message.body

    with django_capture_on_commit_callbacks(execute=True):
        client.post("/en/members/contacts/az/add/", {**VALID, "role": "hr"})
        client.post("/en/members/contacts/az/confirm/")
        client.post(f"/en/members/contacts/az/{own_contact.pk}/delete/")
    assert [m.subject.rsplit(" ", 1)[1] for m in mail.outbox[1:]] == [
        "added",
        "confirmed",
        "removed",
    ]


def test_no_mail_leaves_when_the_change_is_refused(
    client, focal_point, django_capture_on_commit_callbacks
):
    client.force_login(focal_point)
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/en/members/contacts/az/add/", {**VALID, "email": "wrong"})
    assert mail.outbox == []


def test_the_form_pages_are_translated(client, focal_point, own_contact):
    from tests.pages import latin_words

    client.force_login(focal_point)
    for path in ("add/", f"{own_contact.pk}/edit/", f"{own_contact.pk}/delete/"):
        html = client.get(f"/ru/members/contacts/az/{path}").content.decode()
        assert latin_words(html, allowed={"Rashad", "Old", "Name"}) == [], path
