import csv
import io

import openpyxl
import pytest
import vobject

from core.spreadsheets import clean_cell
from tests.contacts.builders import make_contact

pytestmark = pytest.mark.django_db


@pytest.fixture
def listed(azerbaijan, georgia):
    make_contact(
        azerbaijan,
        name="Rashad Aliyev",
        name_ru="Рашад Алиев",
        role="learning",
        title_en="Director, Training; Centre",
        title_ru="Директор учебного центра",
        email="rashad@customs.az",
        phone="+994 12 404 00 00",
        languages=["az", "ru"],
    )
    make_contact(azerbaijan, name="Leyla Mammadova", role="head", email="leyla@customs.az")
    make_contact(georgia, name="Nino Beridze", role="learning", email="nino@rs.ge")


def _csv_rows(response):
    text = response.content.decode("utf-8-sig")
    return [[clean_cell(cell) for cell in row] for row in csv.reader(io.StringIO(text))]


def test_csv_holds_the_filtered_rows(member_client, listed):
    response = member_client.get("/en/members/contacts/export.csv", {"role": "learning"})
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="contact-points-')
    rows = _csv_rows(response)
    assert rows[0][:4] == ["Country", "ISO code", "Role", "Name"]
    assert [(row[0], row[3]) for row in rows[1:]] == [
        ("Azerbaijan", "Rashad Aliyev"),
        ("Georgia", "Nino Beridze"),
    ]
    assert rows[1][6] == "+994 12 404 00 00"  # the formula guard is undone on reading
    assert rows[1][7] == "Azerbaijani, Russian"


def test_csv_in_russian_uses_russian_names_and_labels(member_client, listed):
    rows = _csv_rows(member_client.get("/ru/members/contacts/export.csv", {"q": "Алиев"}))
    assert rows[0][:4] == ["Страна", "Код ISO", "Роль", "Имя"]
    assert rows[1][:4] == [
        "Азербайджан",
        "AZ",
        "Национальный координатор по обучению",
        "Рашад Алиев",
    ]


def test_xlsx_holds_the_filtered_rows(member_client, listed):
    response = member_client.get("/en/members/contacts/export.xlsx", {"country": "AZ"})
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert values[0][3] == "Name"
    # Azerbaijan only, the head of customs first.
    assert [row[3] for row in values[1:]] == ["Leyla Mammadova", "Rashad Aliyev"]
    assert values[2][6] == "+994 12 404 00 00"


def test_vcards_parse_and_keep_escaped_text(member_client, listed):
    response = member_client.get("/ru/members/contacts/export.vcf", {"country": "AZ"})
    assert response["Content-Type"] == "text/vcard; charset=utf-8"
    text = response.content.decode("utf-8")
    assert "\r\n" in text
    cards = list(vobject.readComponents(text))
    assert len(cards) == 2
    rashad = next(card for card in cards if card.email.value == "rashad@customs.az")
    assert rashad.fn.value == "Рашад Алиев"
    assert rashad.n.value.family == "Алиев"
    assert rashad.title.value == "Директор учебного центра"
    assert rashad.tel.value == "+994 12 404 00 00"
    assert rashad.org.value == ["Азербайджан"]
    assert rashad.version.value == "3.0"


def test_vcard_escapes_commas_and_semicolons(member_client, listed):
    text = member_client.get("/en/members/contacts/export.vcf", {"q": "Rashad"}).content.decode()
    assert "TITLE:Director\\, Training\\; Centre" in text
    card = vobject.readOne(text)
    assert card.title.value == "Director, Training; Centre"


def test_downloads_run_a_fixed_number_of_queries(
    member_client, azerbaijan, django_assert_max_num_queries
):
    from administrations.models import Administration
    from tests.contacts.builders import make_contacts

    make_contacts(list(Administration.objects.members()), 3000)
    for file_format in ("csv", "xlsx", "vcf"):
        with django_assert_max_num_queries(5):
            response = member_client.get(f"/en/members/contacts/export.{file_format}")
        assert response.status_code == 200
    assert len(_csv_rows(member_client.get("/en/members/contacts/export.csv"))) == 3001


RUSSIAN_HEADERS = [
    "Страна",
    "Код ISO",
    "Роль",
    "Имя",
    "Должность",
    "Адрес электронной почты",
    "Телефон",
    "Рабочие языки",
    "Подтверждено",
]


def test_a_russian_download_has_every_header_in_russian(member_client, listed):
    rows = _csv_rows(member_client.get("/ru/members/contacts/export.csv"))
    assert rows[0] == RUSSIAN_HEADERS
    response = member_client.get("/ru/members/contacts/export.xlsx")
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    assert [cell.value for cell in sheet[1]] == RUSSIAN_HEADERS


def test_the_download_is_the_admin_resource_narrowed_to_its_columns():
    from contacts.admin import ContactPointAdmin
    from contacts.resources import ContactPointResource

    assert ContactPointAdmin.resource_classes == [ContactPointResource]
    assert set(ContactPointResource.DOWNLOAD) <= set(ContactPointResource.fields)
