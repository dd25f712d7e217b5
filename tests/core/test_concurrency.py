import re

import pytest
import reversion
from django.test import Client
from django.utils import translation
from reversion.models import Version

from administrations.models import Administration
from contacts.models import ContactPoint
from core.concurrency import FIELD, edited_columns, row_fingerprint
from experts.models import Expert
from tests.contacts.builders import make_contact
from tests.experts.factories import make_expert

pytestmark = pytest.mark.django_db


def change_form(client, administration):
    url = f"/admin/administrations/administration/{administration.pk}/change/"
    html = client.get(url).content.decode()
    fingerprint = re.search(r'name="edit_fingerprint" value="([0-9a-f]+)"', html).group(1)
    return url, {
        "code": administration.code,
        "name_en": administration.name_en,
        "name_ru": administration.name_ru,
        "is_member": "on",
        "website": "",
        "edit_fingerprint": fingerprint,
    }


def test_the_second_of_two_concurrent_saves_gets_a_conflict(staff):
    first, second = Client(), Client()
    first.force_login(staff)
    second.force_login(staff)
    georgia = Administration.objects.get(code="GE")
    url, form_one = change_form(first, georgia)
    _, form_two = change_form(second, georgia)

    saved = first.post(url, {**form_one, "website": "https://first.example/"})
    assert saved.status_code == 302
    refused = second.post(url, {**form_two, "website": "https://second.example/"})
    assert refused.status_code == 200
    assert "Someone else changed this record" in refused.content.decode()
    georgia.refresh_from_db()
    assert georgia.website == "https://first.example/"


def test_saving_again_after_reloading_works(staff_client):
    georgia = Administration.objects.get(code="GE")
    url, form = change_form(staff_client, georgia)
    assert staff_client.post(url, {**form, "website": "https://a.example/"}).status_code == 302
    url, form = change_form(staff_client, georgia)
    assert staff_client.post(url, {**form, "website": "https://b.example/"}).status_code == 302


def test_history_keeps_and_reverts_the_russian_name(staff_client):
    georgia = Administration.objects.get(code="GE")
    url, form = change_form(staff_client, georgia)
    staff_client.post(url, {**form, "name_ru": "Грузия (старое)"})
    url, form = change_form(staff_client, georgia)
    staff_client.post(url, {**form, "name_ru": "Грузия (новое)"})
    versions = Version.objects.get_for_object(georgia)
    assert versions.count() == 2
    old = versions.last()
    assert old.field_dict["name_ru"] == "Грузия (старое)"
    with reversion.create_revision():
        old.revert()
    georgia.refresh_from_db()
    assert georgia.name_ru == "Грузия (старое)"


def test_a_deleted_record_is_recovered_from_its_history(staff_client):
    georgia = Administration.objects.get(code="GE")
    url, form = change_form(staff_client, georgia)
    staff_client.post(url, {**form, "website": "https://customs.ge/"})
    delete = f"/admin/administrations/administration/{georgia.pk}/delete/"
    assert staff_client.post(delete, {"post": "yes"}).status_code == 302
    assert not Administration.objects.filter(code="GE").exists()

    version = Version.objects.get_deleted(Administration).get()
    recover = f"/admin/administrations/administration/recover/{version.pk}/"
    page = staff_client.get(recover).content.decode()
    fields = dict(re.findall(r'name="(\w+)"[^>]*value="([^"]*)"', page))
    response = staff_client.post(
        recover,
        {
            "code": "GE",
            "name_en": fields["name_en"],
            "name_ru": fields["name_ru"],
            "is_member": "on",
            "website": fields["website"],
            "edit_fingerprint": fields.get("edit_fingerprint", ""),
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    recovered = Administration.objects.get(code="GE")
    assert (recovered.name_ru, recovered.website) == ("Грузия", "https://customs.ge/")


def test_the_fingerprint_does_not_depend_on_the_page_language():
    georgia = Administration.objects.get(code="GE")
    with translation.override("en"):
        english = row_fingerprint(Administration, georgia.pk)
    with translation.override("ru"):
        assert row_fingerprint(Administration, georgia.pk) == english


def opened_fingerprint(client, url: str) -> str:
    html = client.get(url).content.decode()
    return re.search(r'name="edit_fingerprint" value="([0-9a-f]+)"', html).group(1)


@pytest.mark.parametrize("language", ["en", "ru"])
def test_a_focal_points_contact_edit_over_a_newer_change_is_refused(
    client, focal_point, azerbaijan, language
):
    contact = make_contact(azerbaijan, name="Old Name")
    client.force_login(focal_point)
    url = f"/{language}/members/contacts/az/{contact.pk}/edit/"
    fingerprint = opened_fingerprint(client, url)
    # Meanwhile the office corrects the phone number.
    ContactPoint.objects.filter(pk=contact.pk).update(phone="+994 12 555 00 00")

    response = client.post(
        url,
        {
            "role": contact.role,
            "name_en": "New Name",
            "title_en": contact.title_en,
            "email": contact.email,
            "phone": "+994 12 404 00 00",
            "languages": ["en"],
            FIELD: fingerprint,
        },
    )
    assert response.status_code == 200
    message = {"en": "Someone else changed this record", "ru": "её изменил кто-то другой"}[language]
    assert message in response.content.decode()
    contact.refresh_from_db()
    assert (contact.name_en, contact.phone) == ("Old Name", "+994 12 555 00 00")


def test_a_focal_points_expert_update_over_a_newer_change_is_refused(
    client, focal_point, azerbaijan
):
    expert = make_expert(administration=azerbaijan, languages=[("en", 3)])
    client.force_login(focal_point)
    url = f"/en/members/experts/{expert.pk}/update/"

    def update(fingerprint):
        return client.post(
            url,
            {
                "given_names_en": expert.given_names_en,
                "family_name_en": expert.family_name_en,
                "position_en": "Customs officer (updated)",
                "email": expert.email,
                "areas": [area.pk for area in expert.areas.all()],
                "accreditation": "none",
                "languages-TOTAL_FORMS": "1",
                "languages-INITIAL_FORMS": "1",
                "languages-MIN_NUM_FORMS": "0",
                "languages-MAX_NUM_FORMS": "20",
                "languages-0-language": "en",
                "languages-0-level": "3",
                FIELD: fingerprint,
            },
        )

    fingerprint = opened_fingerprint(client, url)
    Expert.objects.filter(pk=expert.pk).update(position_en="Head of Unit")  # the office's edit
    response = update(fingerprint)
    assert response.status_code == 200
    assert "Someone else changed this record" in response.content.decode()
    expert.refresh_from_db()
    assert expert.position_en == "Head of Unit"

    # Opened again, the form saves (its languages as they were: unchanged rows still count).
    assert update(opened_fingerprint(client, url)).status_code == 302
    expert.refresh_from_db()
    assert expert.position_en == "Customs officer (updated)"


def test_derived_columns_are_no_part_of_the_fingerprint():
    from library.models import Document

    expert_columns = edited_columns(Expert)
    assert "search_vector" not in expert_columns and "updated_at" not in expert_columns
    assert {"email", "confirmed_on", "position_ru"} <= set(expert_columns)
    assert not {"search_en", "search_ru"} & set(edited_columns(Document))
