"""CSV and XLSX downloads of the (filtered) plan with the latest progress."""

import csv
import io

import pytest
from openpyxl import load_workbook

from tests.workplan.test_seed import SEED_NUMBERS
from workplan.models import Activity

pytestmark = pytest.mark.django_db


def read_csv(response) -> list[list[str]]:
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


def read_xlsx(response) -> list[list]:
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = load_workbook(io.BytesIO(response.content), read_only=True).active
    return [list(row) for row in sheet.iter_rows(values_only=True)]


def test_csv_export_holds_the_whole_plan_with_latest_progress(client, plan):
    response = client.get("/en/workplan/export.csv")
    assert response.status_code == 200
    assert 'attachment; filename="rocb-europe-work-plan-' in response["Content-Disposition"]
    header, *rows = read_csv(response)
    assert header[:6] == ["Number", "Goal", "Activity", "Stakeholders", "Expected output", "Status"]
    assert [row[0] for row in rows] == SEED_NUMBERS
    first = dict(zip(header, rows[0], strict=True))
    assert first["Stakeholders"] == "Member Administrations; WCO"
    assert first["Status"] == "Ongoing"
    assert first["Unit counted"] == "needs"
    assert first["Reporting period"] == "2020"
    assert first["Summary progress"].startswith("Requests for Capacity Building Delivery Needs")
    by_number = {row[0]: dict(zip(header, row, strict=True)) for row in rows}
    assert by_number["5.4"]["Stakeholders"] == "Not applicable"
    assert by_number["5.3"]["Status detail"] == "in early 2020"


def test_xlsx_export_in_russian_holds_the_filtered_rows(client, plan):
    response = client.get("/ru/workplan/export.xlsx", {"status": "to_be_initiated"})
    assert response.status_code == 200
    header, *rows = read_xlsx(response)
    assert header[:3] == ["Номер", "Цель", "Вид деятельности"]
    assert [row[0] for row in rows] == ["2.4", "3.1", "3.2", "5.4"]
    assert rows[0][5] == "Предстоит начать"
    assert rows[0][2] == "Предоставлять администрациям-членам информационные и учебные материалы"
    assert rows[3][3] == "Не применимо"


def test_cells_that_look_like_formulas_are_defused(client, plan):
    activity = Activity.objects.get(goal__number=6, sequence=2)
    activity.title_en = '=HYPERLINK("http://example.org")'
    activity.save()
    rows = read_csv(client.get("/en/workplan/export.csv", {"goal": "6"}))
    assert rows[2][2] == '\'=HYPERLINK("http://example.org")'
    xlsx_rows = read_xlsx(client.get("/en/workplan/export.xlsx", {"goal": "6"}))
    assert xlsx_rows[2][2] == '=HYPERLINK("http://example.org")'  # a text cell, not a formula


def test_a_russian_csv_has_every_header_in_russian(client, plan):
    header, *_rows = read_csv(client.get("/ru/workplan/export.csv"))
    assert header == [
        "Номер",
        "Цель",
        "Вид деятельности",
        "Заинтересованные стороны",
        "Ожидаемый результат",
        "Статус",
        "Уточнение статуса",
        "Показатель",
        "Единица измерения",
        "Исходное значение",
        "Целевое значение",
        "Намеченный конечный результат",
        "Отчётный период",
        "Ход выполнения",
        "Фактическое значение",
    ]
