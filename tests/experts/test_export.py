import csv
import io

import pytest
from django.contrib.auth.models import Permission
from openpyxl import load_workbook

from accounts.models import User
from tests.experts.factories import make_expert
from tests.factories import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def experts(azerbaijan, georgia):
    make_expert(
        administration=azerbaijan,
        family_name_en="Aliyev",
        family_name_ru="Алиев",
        position_en="=Risk analyst",
        areas=["risk-management"],
        languages=[("en", 3)],
    )
    make_expert(administration=georgia, family_name_en="Lomidze", areas=["integrity"])


def test_staff_export_the_current_result_as_csv(staff_client, experts, azerbaijan):
    response = staff_client.get(
        "/ru/members/experts/export.csv", {"administration": azerbaijan.pk, "page": 3}
    )
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="experts.csv"'
    assert "no-store" in response["Cache-Control"]
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][:3] == ["Фамилия", "Имя", "Фамилия (кириллицей)"]
    assert len(rows) == 2
    assert rows[1][2] == "Алиев"
    assert rows[1][5] == "'=Risk analyst"  # a spreadsheet must not run it
    assert rows[1][8] == "Управление рисками"
    assert rows[1][9] == "Английский (Свободно)"


def test_staff_export_xlsx(staff_client, experts):
    response = staff_client.get("/en/members/experts/export.xlsx", {"q": "integrity"})
    sheet = load_workbook(io.BytesIO(response.content)).active
    values = list(sheet.values)
    assert values[0][0] == "Family name"
    assert [row[0] for row in values[1:]] == ["Lomidze"]


def test_the_search_page_links_the_export_for_staff_only(staff_client, client, member, experts):
    html = staff_client.get("/en/members/experts/", {"q": "risk", "page": "1"}).content.decode()
    assert 'href="/en/members/experts/export.csv?q=risk"' in html
    client.force_login(member)
    assert "export.csv" not in client.get("/en/members/experts/").content.decode()
    assert client.get("/en/members/experts/export.csv").status_code == 403


def test_a_russian_download_has_every_header_in_russian(staff_client, experts):
    response = staff_client.get("/ru/members/experts/export.xlsx")
    header, *rows = load_workbook(io.BytesIO(response.content)).active.values
    assert list(header) == [
        "Фамилия",
        "Имя",
        "Фамилия (кириллицей)",
        "Имя (кириллицей)",
        "Администрация",
        "Должность",
        "Адрес электронной почты",
        "Телефон",
        "Области экспертизы",
        "Языки",
        "Аккредитация ВТамО",
        "Дата согласия",
        "Последнее подтверждение",
    ]
    aliyev = next(row for row in rows if row[0] == "Aliyev")
    assert aliyev[5] == "=Risk analyst"  # typed as text in a workbook


def test_staff_without_the_permission_to_see_experts_get_no_export_link(client, experts):
    clerk = make_user(email="clerk@rocb.test", is_staff=True)
    client.force_login(clerk)
    html = client.get("/en/members/experts/", {"q": "risk"}).content.decode()
    assert "export.csv" not in html
    clerk.user_permissions.add(Permission.objects.get(codename="view_expert"))
    client.force_login(User.objects.get(pk=clerk.pk))  # permissions are cached on the user
    html = client.get("/en/members/experts/", {"q": "risk"}).content.decode()
    assert 'href="/en/members/experts/export.csv?q=risk"' in html
