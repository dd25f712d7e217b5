import datetime
import io

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from reversion.models import Version

from contacts.models import ContactPoint, TrainingCentre
from tests.contacts.builders import make_centre, make_contact

pytestmark = pytest.mark.django_db

CHANGELIST = "/admin/contacts/contactpoint/"
IMPORT = "/admin/contacts/contactpoint/import/"
PROCESS = "/admin/contacts/contactpoint/process_import/"
HEADER = "id,country,role,name_en,name_ru,title_en,title_ru,email,phone,languages,verified_on\n"


def test_staff_find_contacts_not_verified_in_twelve_months(staff_client, azerbaijan):
    today = timezone.localdate()
    make_contact(azerbaijan, name="Fresh Person", verified_on=today - datetime.timedelta(days=30))
    make_contact(azerbaijan, name="Stale Person", verified_on=today - datetime.timedelta(days=400))
    make_contact(azerbaijan, name="Never Person", verified_on=None)
    html = staff_client.get(CHANGELIST, {"verified": "stale"}).content.decode()
    assert "Stale Person" in html
    assert "Never Person" in html
    assert "Fresh Person" not in html
    html = staff_client.get(CHANGELIST, {"verified": "recent"}).content.decode()
    assert "Fresh Person" in html
    assert "Stale Person" not in html


@pytest.mark.parametrize("query", ["Алиев", "Aliyev", "Азербайджан"])
def test_staff_search_in_both_languages(staff_client, azerbaijan, query):
    make_contact(azerbaijan, name="Rashad Aliyev", name_ru="Рашад Алиев")
    assert "Rashad Aliyev" in staff_client.get(CHANGELIST, {"q": query}).content.decode()


def test_the_change_form_edits_both_languages_and_working_languages(staff_client, azerbaijan):
    contact = make_contact(azerbaijan)
    html = staff_client.get(f"{CHANGELIST}{contact.pk}/change/").content.decode()
    assert 'name="name_ru"' in html
    assert 'type="checkbox" name="languages" value="az"' in html
    assert "Recover deleted" in staff_client.get(CHANGELIST).content.decode()


def _upload(staff_client, content: bytes, name: str, file_format: str):
    return staff_client.post(
        IMPORT,
        {
            "resource": "0",
            "format": file_format,
            "import_file": SimpleUploadedFile(name, content),
        },
    )


def test_csv_import_is_previewed_then_saved_with_history(staff_client, staff, azerbaijan):
    csv_text = (
        HEADER
        + ",az,learning,Rashad Aliyev,Рашад Алиев,Director,Директор,r@customs.az,"
        + '\'+994124040000,"az, ru",2026-10-01\n'
        + ",GE,hr,Nino Beridze,,HR Manager,,nino@rs.ge,+995 32 226 11 11,ka,\n"
    )
    preview = _upload(staff_client, csv_text.encode("utf-8-sig"), "contacts.csv", "0")
    html = preview.content.decode()
    assert preview.status_code == 200
    assert "Rashad Aliyev" in html
    assert 'name="import_file_name"' in html  # the confirmation form
    assert not ContactPoint.objects.exists()  # a preview saves nothing

    form = preview.context["confirm_form"]
    staff_client.post(PROCESS, form.initial)
    rashad = ContactPoint.objects.get(email="r@customs.az")
    assert rashad.administration == azerbaijan
    assert rashad.name_ru == "Рашад Алиев"
    assert rashad.phone == "+994 12 404 00 00"  # formula guard undone, number normalised
    assert rashad.languages == ["az", "ru"]
    assert ContactPoint.objects.count() == 2
    version = Version.objects.get_for_object(rashad).get()
    assert version.revision.user == staff


def test_an_import_with_a_wrong_row_shows_the_errors_and_saves_nothing(staff_client, azerbaijan):
    csv_text = (
        HEADER
        + ",AZ,learning,Good Row,,,,good@customs.az,+994124040000,,\n"
        + ",AZ,learning,Bad Phone,,,,bad@customs.az,012 404,,\n"
        + ",XX,hr,Bad Country,,,,x@customs.az,,,\n"
        + ",AZ,boss,Bad Role,,,,role@customs.az,,,\n"
    )
    preview = _upload(staff_client, csv_text.encode(), "contacts.csv", "0")
    html = preview.content.decode()
    assert "international format" in html
    assert "Bad Phone" in html
    assert "No administration has the code XX." in html
    assert "Value &#x27;boss&#x27; is not a valid choice." in html  # the unknown role
    assert 'name="import_file_name"' not in html  # nothing to confirm
    assert not ContactPoint.objects.exists()


def test_xlsx_import(staff_client, georgia):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(HEADER.strip().split(","))
    sheet.append(
        [None, "GE", "head", "Nino Beridze", "Нино Беридзе", "", "", "n@rs.ge", "", "", ""]
    )
    buffer = io.BytesIO()
    workbook.save(buffer)
    preview = _upload(staff_client, buffer.getvalue(), "contacts.xlsx", "1")
    assert 'name="import_file_name"' in preview.content.decode()
    staff_client.post(PROCESS, preview.context["confirm_form"].initial)
    assert ContactPoint.objects.get().name_ru == "Нино Беридзе"


def test_export_then_import_round_trips(staff_client, azerbaijan):
    contact = make_contact(azerbaijan, name="=HYPERLINK(1)", phone="+994 12 404 00 00")
    response = staff_client.post(
        "/admin/contacts/contactpoint/export/",
        {
            "format": "0",
            "resource": "0",
            **{
                f"contactpointresource_{f}": "on"
                for f in (
                    "id",
                    "country",
                    "role",
                    "name_en",
                    "name_ru",
                    "title_en",
                    "title_ru",
                    "email",
                    "phone",
                    "languages",
                    "verified_on",
                )
            },
        },
    )
    exported = response.content
    assert b"AZ" in exported
    contact.name_en = "Changed"
    contact.save()
    preview = _upload(staff_client, exported, "contacts.csv", "0")
    staff_client.post(PROCESS, preview.context["confirm_form"].initial)
    contact.refresh_from_db()
    assert contact.name_en == "=HYPERLINK(1)"


def test_training_centres_in_the_admin(staff_client, azerbaijan):
    centre = make_centre(azerbaijan, name_en="Baku Centre", name_ru="Бакинский центр")
    html = staff_client.get("/admin/contacts/trainingcentre/", {"q": "Бакинский"}).content
    assert "Baku Centre" in html.decode()
    assert (
        staff_client.get(f"/admin/contacts/trainingcentre/{centre.pk}/change/").status_code == 200
    )
    assert TrainingCentre.objects.count() == 1


ADMIN_COLUMNS = [
    "id",
    "country",
    "role",
    "name_en",
    "name_ru",
    "title_en",
    "title_ru",
    "email",
    "phone",
    "languages",
    "verified_on",
]


@pytest.mark.parametrize(("file_format", "index"), [("csv", "0"), ("xlsx", "1")])
def test_an_export_with_russian_headers_imports_again_with_its_formulas_defused(
    staff_client, azerbaijan, file_format, index
):
    from django.utils import translation

    from contacts.resources import ContactPointResource
    from core.spreadsheets import FORMATS_BY_NAME

    contact = make_contact(
        azerbaijan, name="=HYPERLINK(1)", name_ru="+Рашад", phone="+994 12 404 00 00"
    )
    with translation.override("ru"):
        dataset = ContactPointResource().export(export_fields=ADMIN_COLUMNS)
        content = FORMATS_BY_NAME[file_format]().export_data(dataset)
    assert dataset.headers[:3] == ["Идентификатор", "Код ISO", "Код роли"]
    if file_format == "csv":
        assert "'=HYPERLINK(1)" in content  # a spreadsheet shows it as text
        content = content.encode("utf-8")
    ContactPoint.objects.filter(pk=contact.pk).update(name_en="Changed", name_ru="Изменено")
    preview = _upload(staff_client, content, f"contacts.{file_format}", index)
    assert not preview.context["result"].has_validation_errors()
    staff_client.post(PROCESS, preview.context["confirm_form"].initial)
    contact.refresh_from_db()
    assert (contact.name_en, contact.name_ru) == ("=HYPERLINK(1)", "+Рашад")
    assert contact.phone == "+994 12 404 00 00"
