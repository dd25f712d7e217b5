import re

import pytest
import reversion
from django.test import Client
from reversion.models import Version

from contacts.models import Administration

pytestmark = pytest.mark.django_db


def change_form(client, administration):
    url = f"/admin/contacts/administration/{administration.pk}/change/"
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
    delete = f"/admin/contacts/administration/{georgia.pk}/delete/"
    assert staff_client.post(delete, {"post": "yes"}).status_code == 302
    assert not Administration.objects.filter(code="GE").exists()

    version = Version.objects.get_deleted(Administration).get()
    recover = f"/admin/contacts/administration/recover/{version.pk}/"
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
