"""Staff enter the budget in the admin or import it from a spreadsheet: row errors in the
preview, all rows or none; expenditure of an approved period is locked."""

import csv
import datetime
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook

from workplan import budget_services
from workplan.models import BudgetLine, Contribution, Expenditure, Goal, ReportingPeriod

pytestmark = pytest.mark.django_db

MODELS = ["donor", "budgetline", "contribution", "expenditure"]


def as_csv(rows) -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)
    return buffer.getvalue().encode()


def as_xlsx(rows) -> bytes:
    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def upload(staff_client, model: str, content: bytes, file_format: str = "csv"):
    response = staff_client.post(
        f"/admin/workplan/{model}/import/",
        {
            "resource": "0",
            "format": {"csv": "0", "xlsx": "1"}[file_format],
            "import_file": SimpleUploadedFile(f"budget.{file_format}", content),
        },
    )
    assert response.status_code == 200
    return response


def confirm(staff_client, model: str, preview):
    form = preview.context["confirm_form"]
    data = {field.html_name: field.value() for field in form}
    return staff_client.post(f"/admin/workplan/{model}/process_import/", data)


def row_errors(preview) -> dict[int, str]:
    result = preview.context["result"]
    return {row.number: " ".join(row.error.messages) for row in result.invalid_rows}


@pytest.mark.parametrize("model", MODELS)
def test_every_budget_admin_page_opens(staff_client, plan, model):
    for path in ("", "add/", "import/"):
        if model == "donor" and path == "import/":
            continue
        response = staff_client.get(f"/admin/workplan/{model}/{path}")
        assert response.status_code == 200, path


def test_a_budget_file_in_russian_is_previewed_then_saved(staff_client, plan):
    rows = [
        ["Цель", "Год", "Сумма", "Примечание на русском"],
        ["1", "2021", "12 500,50", "Семинары"],
        [2, 2022.0, 8000, ""],
    ]
    preview = upload(staff_client, "budgetline", as_xlsx(rows), "xlsx")
    assert not preview.context["result"].has_validation_errors()
    assert not BudgetLine.objects.exists()  # a preview saves nothing
    assert confirm(staff_client, "budgetline", preview).status_code == 302
    line = BudgetLine.objects.get(goal__number=1)
    assert (line.year, str(line.amount), line.note_ru, line.currency) == (
        2021,
        "12500.50",
        "Семинары",
        "EUR",
    )
    assert BudgetLine.objects.get(goal__number=2).amount == 8000


def test_one_bad_row_saves_nothing_and_each_row_says_why(staff_client, plan, azerbaijan):
    rows = [
        ["Year", "Source", "Administration (country code)", "Donor", "Amount"],
        ["2021", "A member administration", "az", "", "3000"],
        ["2021", "The WCO", "", "", "-5"],
        ["2021", "member", "XX", "", "100"],
        ["2021", "A donor", "", "Nobody", "100"],
        ["1999", "host", "", "", "100"],
        ["2021", "sponsor", "", "", "ten"],
    ]
    preview = upload(staff_client, "contribution", as_csv(rows))
    errors = row_errors(preview)
    assert sorted(errors) == [2, 3, 4, 5, 6]
    assert "cannot be negative" in errors[2]
    assert "No member administration has the code “XX”" in errors[3]
    assert "add the donor in the admin first" in errors[4]
    assert "outside the plan's years" in errors[5]
    assert "Unknown source “sponsor”" in errors[6] and "“ten” is not an amount" in errors[6]
    assert "confirm_form" not in preview.context
    assert not Contribution.objects.exists()


def test_unknown_columns_refuse_the_file(staff_client, plan):
    preview = upload(staff_client, "budgetline", as_csv([["Goal", "Budget"], ["1", "5"]]))
    assert "Unknown columns: “Budget”" in preview.content.decode()
    assert not BudgetLine.objects.exists()


def test_expenditure_of_an_approved_period_is_locked(staff_client, plan):
    approved = ReportingPeriod.objects.get(starts_on=datetime.date(2020, 1, 1))
    goal = Goal.objects.get(plan=plan, number=1)
    spent = Expenditure.objects.create(goal=goal, period=approved, amount=700)
    preview = upload(
        staff_client,
        "expenditure",
        as_csv(
            [["Goal", "Reporting period", "Amount"], ["1", "2020", "900"], ["1", "2020", "700"]]
        ),
    )
    errors = row_errors(preview)
    assert list(errors) == [1] and "approved and locked" in errors[1]  # row 2: unchanged, passes
    response = staff_client.post(
        f"/admin/workplan/expenditure/{spent.pk}/change/",
        {"goal": goal.pk, "period": approved.pk, "amount": "900"},
    )
    assert response.status_code == 403
    other = Goal.objects.get(plan=plan, number=2)
    response = staff_client.post(
        "/admin/workplan/expenditure/add/",
        {"goal": other.pk, "period": approved.pk, "amount": "50"},
    )
    assert response.status_code == 200
    assert "approved and locked" in response.content.decode()
    assert not Expenditure.objects.filter(goal=other).exists()
    ReportingPeriod.objects.filter(pk=approved.pk).update(report_status="draft")
    budget_services.expenditure_set(goal=goal, period=approved, amount=900)
    spent.refresh_from_db()
    assert spent.amount == 900
