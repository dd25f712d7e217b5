"""Staff read what each version changed (old and new values per field) on the admin's history
page, and what a revert will change before they revert; each note reads in the reader's
language, whatever the language of the person who made the change."""

import pytest
import reversion
from django.utils import translation
from reversion.models import Version

from contacts import services
from contacts.models import ContactPoint
from core.history import note_encode, note_text
from tests.contacts.builders import make_contact
from tests.workplan.admin_forms import change_form_data

pytestmark = pytest.mark.django_db

OLD_PHONE, NEW_PHONE = "+994 12 404 00 00", "+994 12 555 55 55"


def history_url(contact):
    return f"/admin/contacts/contactpoint/{contact.pk}/history/"


def _edit(contact, by, **changes):
    contact = ContactPoint.objects.get(pk=contact.pk)
    for name, value in changes.items():
        setattr(contact, name, value)
    services.contact_point_update(contact=contact, by=by)


@pytest.fixture
def contact(azerbaijan, focal_point):
    contact = make_contact(azerbaijan, phone=OLD_PHONE, name_en="Rashad Aliyev")
    with reversion.create_revision():  # its first version
        contact.save()
    with translation.override("ru"):  # the focal point works on the Russian pages
        _edit(contact, focal_point, phone=NEW_PHONE)
    return contact


def _rows(html: str) -> str:
    return " ".join(html.split())


def test_the_history_shows_each_changed_field_with_its_old_and_new_value(staff_client, contact):
    html = _rows(staff_client.get(history_url(contact)).content.decode())
    assert "Changed by the focal point: phone" in html
    assert f'<th scope="row">Phone</th><td>{OLD_PHONE}</td><td>{NEW_PHONE}</td>' in html
    assert '<th scope="col">Before</th>' in html
    # The name did not change: it is not listed as a change.
    assert '<th scope="row">Name [en]</th>' not in html
    # In the Russian admin the note (written on the Russian pages) and the changes are Russian.
    response = staff_client.get(history_url(contact), HTTP_ACCEPT_LANGUAGE="ru")
    html = _rows(response.content.decode())
    assert "Изменено координатором: телефон" in html
    assert "Changed by" not in html
    assert f'<th scope="row">Телефон</th><td>{OLD_PHONE}</td><td>{NEW_PHONE}</td>' in html
    assert '<th scope="col">До</th><th scope="col">После</th>' in html


def test_an_edit_in_the_admin_reads_in_the_readers_language(staff_client, contact, staff):
    with translation.override("ru"), reversion.create_revision():
        reversion.set_user(staff)
        reversion.set_comment('[{"changed": {"fields": ["Phone"]}}]')  # as the admin stores it
        ContactPoint.objects.filter(pk=contact.pk).update(phone="+994 12 777 77 77")
        reversion.add_to_revision(ContactPoint.objects.get(pk=contact.pk))
    english = _rows(staff_client.get(history_url(contact)).content.decode())
    assert "Changed Phone." in english
    russian = staff_client.get(history_url(contact), HTTP_ACCEPT_LANGUAGE="ru").content.decode()
    assert "Изменено Телефон." in _rows(russian)


def test_the_revert_page_says_what_the_revert_will_change(staff_client, contact):
    first = Version.objects.get_for_object(contact).last()
    url = f"/admin/contacts/contactpoint/{contact.pk}/history/{first.pk}/"
    html = _rows(staff_client.get(url).content.decode())
    assert "What the revert will change" in html
    assert f'<th scope="row">Phone</th><td>{NEW_PHONE}</td><td>{OLD_PHONE}</td>' in html
    russian = staff_client.get(url, HTTP_ACCEPT_LANGUAGE="ru").content.decode()
    assert "Что изменит возврат" in russian
    # Viewing changed nothing.
    assert ContactPoint.objects.get(pk=contact.pk).phone == NEW_PHONE


def test_the_revert_is_noted_in_each_readers_language(staff_client, contact):
    first = Version.objects.get_for_object(contact).last()
    url = f"/admin/contacts/contactpoint/{contact.pk}/history/{first.pk}/"
    # Staff reading the Russian admin revert (the page opened and posted in one language).
    data = change_form_data(staff_client.get(url, HTTP_ACCEPT_LANGUAGE="ru"))
    response = staff_client.post(url, data, HTTP_ACCEPT_LANGUAGE="ru")
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert ContactPoint.objects.get(pk=contact.pk).phone == OLD_PHONE
    comment = Version.objects.get_for_object(contact).first().revision.comment
    with translation.override("en"):
        assert note_text(comment).startswith("Reverted to the version saved on ")
    with translation.override("ru"):
        assert note_text(comment).startswith("Возвращено к версии, сохранённой ")


def test_notes_keep_names_and_numbers_and_translate_labels():
    stored = note_encode("Approved nomination no. %(number)s", number=12)
    with translation.override("ru"):
        assert note_text(stored) == "Одобрена кандидатура № 12"
    assert note_text("Imported") == "Imported"  # a plain old note stays as it was
    assert note_text('{"note": broken') == '{"note": broken'


def test_the_history_reads_a_constant_number_of_queries(
    staff_client, contact, focal_point, django_assert_max_num_queries
):
    for number in range(30):
        _edit(contact, focal_point, phone=f"+994 12 404 00 {number:02d}")
    with django_assert_max_num_queries(14):
        response = staff_client.get(history_url(contact))
    assert response.content.decode().count('<th scope="row">Phone</th>') == 31
