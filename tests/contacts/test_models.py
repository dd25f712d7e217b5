import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.utils import translation

from contacts.models import ContactPoint
from contacts.phones import format_international_phone
from tests.contacts.builders import make_contact

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("+994124040000", "+994 12 404 00 00"),
        ("00994 12 404 00 00", "+994 12 404 00 00"),
        ("+44 20 7946 0958", "+44 20 7946 0958"),
        ("+995-32-226-11-11", "+995 32 226 11 11"),
    ],
)
def test_phone_numbers_are_stored_in_international_format(azerbaijan, typed, stored):
    contact = ContactPoint(
        administration=azerbaijan, role="hr", name_en="A B", email="a@b.test", phone=typed
    )
    contact.full_clean()
    assert contact.phone == stored


@pytest.mark.parametrize("typed", ["012 404 00 00", "+994 12", "+1 555 0000", "phone", "+"])
def test_wrong_phone_numbers_are_refused_with_a_clear_message(azerbaijan, typed):
    contact = ContactPoint(
        administration=azerbaijan, role="hr", name_en="A B", email="a@b.test", phone=typed
    )
    with pytest.raises(ValidationError) as error:
        contact.full_clean()
    assert list(error.value.message_dict) == ["phone"]
    assert "international format" in error.value.message_dict["phone"][0]


def test_the_phone_message_is_translated():
    with translation.override("ru"):
        with pytest.raises(ValidationError) as error:
            format_international_phone("12345")
        assert "международном формате" in error.value.messages[0]


def test_the_database_refuses_a_phone_number_not_in_international_format(azerbaijan):
    with pytest.raises(IntegrityError):
        make_contact(azerbaijan, phone="012 404 00 00")


def test_one_person_holds_a_role_once_per_administration(azerbaijan):
    make_contact(azerbaijan, role="hr", email="hr@customs.az")
    with pytest.raises(ValidationError) as error:
        duplicate = ContactPoint(
            administration=azerbaijan, role="hr", name_en="Other", email="HR@customs.az"
        )
        duplicate.full_clean()
    assert "already listed in this role" in str(error.value)


def test_contacts_list_in_the_order_of_roles_then_names(azerbaijan):
    make_contact(azerbaijan, role="other", name="Aaron")
    make_contact(azerbaijan, role="head", name="Zed")
    make_contact(azerbaijan, role="head", name="Adam")
    assert [c.name for c in azerbaijan.contact_points.all()] == ["Adam", "Zed", "Aaron"]


def test_due_for_a_check_after_twelve_months(azerbaijan, monkeypatch):
    today = datetime.date(2026, 11, 23)
    monkeypatch.setattr("django.utils.timezone.localdate", lambda: today)
    fresh = make_contact(azerbaijan, verified_on=datetime.date(2026, 1, 1))
    stale = make_contact(azerbaijan, verified_on=datetime.date(2025, 11, 1))
    never = make_contact(azerbaijan, verified_on=None)
    assert [fresh.needs_verification, stale.needs_verification, never.needs_verification] == [
        False,
        True,
        True,
    ]
    cutoff = datetime.date(2025, 11, 23)
    assert set(ContactPoint.objects.not_verified_since(cutoff)) == {stale, never}


def test_language_names_follow_the_page_language(azerbaijan):
    contact = make_contact(azerbaijan, languages=["az", "ru"])
    with translation.override("ru"):
        assert contact.language_names() == ["Азербайджанский", "Русский"]
    with translation.override("en"):
        assert contact.language_names() == ["Azerbaijani", "Russian"]
