"""Staff import the table the public export writes: preview, row errors, all or nothing."""

import csv
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook, load_workbook
from reversion.models import Revision

from core.history import note_text
from workplan.models import Activity, Actual, ReportingPeriod

pytestmark = pytest.mark.django_db

IMPORT_URL = "/admin/workplan/activity/import/"
FORMATS = {"csv": "0", "xlsx": "1"}


def exported_csv(client, language="en", **params) -> list[list[str]]:
    content = client.get(f"/{language}/workplan/export.csv", params).content.decode("utf-8-sig")
    return list(csv.reader(io.StringIO(content)))


def as_csv(rows) -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)
    return buffer.getvalue().encode()


def upload(staff_client, content: bytes, file_format: str = "csv"):
    response = staff_client.post(
        IMPORT_URL,
        {
            "resource": "0",
            "format": FORMATS[file_format],
            "import_file": SimpleUploadedFile(f"plan.{file_format}", content),
        },
    )
    assert response.status_code == 200
    return response


def confirm(staff_client, preview):
    form = preview.context["confirm_form"]
    data = {field.html_name: field.value() for field in form}
    return staff_client.post("/admin/workplan/activity/process_import/", data)


def get(number: str) -> Activity:
    goal, sequence = number.split(".")
    return Activity.objects.get(goal__plan__is_current=True, goal__number=goal, sequence=sequence)


def column(rows, header: str) -> int:
    return rows[0].index(header)


def test_an_english_export_comes_back_with_changes_after_a_preview(staff_client, plan):
    rows = exported_csv(staff_client)
    by_number = {row[0]: row for row in rows[1:]}
    by_number["1.1"][column(rows, "Summary progress")] = "Needs of 14 administrations analysed."
    by_number["2.3"][column(rows, "Status")] = "Completed"
    by_number["6.2"][column(rows, "Activity")] = "=Keep budget figures traceable"  # guarded
    new_row = [""] * len(rows[0])
    for header, value in {
        "Number": "2.7",
        "Activity": "Run a webinar series on WCO tools",
        "Stakeholders": "WCO; Private Sector",
        "Status": "To be initiated",
        "Indicator": "Number of webinars",
        "Unit counted": "webinars",
        "Target": "6",
        "Reporting period": "2020",
        "Summary progress": "Topics chosen.",
        "Actual value": "0",
    }.items():
        new_row[column(rows, header)] = value
    content = as_csv([*rows, new_row])
    ReportingPeriod.objects.update(report_status="draft")  # reopened for the new figures

    preview = upload(staff_client, content)
    html = preview.content.decode()
    assert "confirm_form" in preview.context, html
    assert "Run a webinar series on WCO tools" in html  # shown in the preview
    assert not Activity.objects.filter(goal__number=2, sequence=7).exists()  # nothing saved yet
    assert get("2.3").status == Activity.Status.ONGOING

    revisions = Revision.objects.count()
    response = confirm(staff_client, preview)
    assert response.status_code == 302

    entry = Actual.objects.get(indicator__activity=get("1.1"), period__name_en="2020")
    assert entry.narrative_en == "Needs of 14 administrations analysed."
    assert entry.narrative_ru.startswith("Собраны запросы членов")  # the Russian text is kept
    assert entry.author.is_staff
    assert get("2.3").status == Activity.Status.COMPLETED
    assert get("6.2").title_en == "=Keep budget figures traceable"
    new = get("2.7")
    indicator = new.indicators.get()
    assert (indicator.end_target, indicator.unit_en, indicator.measure) == (6, "webinars", "number")
    assert indicator.name_en == "Number of webinars"
    assert list(new.stakeholders.values_list("slug", flat=True)) == ["wco", "private-sector"]
    assert indicator.actuals.get().value == 0
    assert Activity.objects.filter(goal__plan=plan).count() == 28
    assert Revision.objects.count() == revisions + 1
    assert note_text(Revision.objects.latest("pk").comment) == "Imported from plan.csv."


def test_a_russian_xlsx_export_writes_only_the_russian_text(staff_client, plan):
    response = staff_client.get("/ru/workplan/export.xlsx", {"goal": "1"})
    workbook = load_workbook(io.BytesIO(response.content))
    sheet = workbook.active
    assert sheet["C1"].value == "Вид деятельности"
    assert sheet["A3"].value == "1.2"
    sheet["C3"].value = "Поддерживать работу ВТамО по наращиванию потенциала"
    sheet["N3"].value = "Мероприятия на год согласованы с Секретариатом."
    buffer = io.BytesIO()
    workbook.save(buffer)
    ReportingPeriod.objects.update(report_status="draft")  # reopened for the new text

    preview = upload(staff_client, buffer.getvalue(), "xlsx")
    assert "confirm_form" in preview.context, preview.content.decode()
    assert confirm(staff_client, preview).status_code == 302

    activity = get("1.2")
    assert activity.title_ru == "Поддерживать работу ВТамО по наращиванию потенциала"
    assert activity.title_en.startswith("Support WCO Capacity Building efforts")
    entry = Actual.objects.get(indicator__activity=activity)
    assert entry.narrative_ru == "Мероприятия на год согласованы с Секретариатом."
    assert entry.narrative_en.startswith("Planning was made with the WCO Secretariat")


def test_bad_rows_are_listed_and_nothing_is_imported(staff_client, plan):
    rows = exported_csv(staff_client)
    by_number = {row[0]: row for row in rows[1:]}
    by_number["1.4"][column(rows, "Activity")] = "A good change that must not be saved"
    by_number["2.1"][column(rows, "Status")] = "Done-ish"
    by_number["2.2"][column(rows, "Stakeholders")] = "WCO; Martians"
    by_number["3.3"][column(rows, "Actual value")] = "many"
    by_number["3.3"][column(rows, "Summary progress")] = "Events held."
    by_number["3.4"][column(rows, "Summary progress")] = "Requests sent."
    by_number["3.4"][column(rows, "Reporting period")] = "1999"
    unknown_goal = list(by_number["1.1"])
    unknown_goal[0] = "9.1"
    content = as_csv([*rows, unknown_goal])

    before = sorted(Activity.objects.values_list("title_en", "status"))
    entries = Actual.objects.count()
    preview = upload(staff_client, content)
    html = preview.content.decode()
    assert "confirm_form" not in preview.context
    assert "Unknown status “Done-ish”. Use one of: Ongoing, To be initiated" in html
    assert "Unknown stakeholders: Martians." in html
    assert "“many” in the column “Actual value” is not a whole number" in html
    assert "No reporting period is named “1999”" in html
    assert "The plan has no goal 9." in html
    assert sorted(Activity.objects.values_list("title_en", "status")) == before
    assert Actual.objects.count() == entries


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        ([["Number", "Colour"], ["1.1", "blue"]], "Unknown columns: “Colour”."),
        ([["Activity"], ["Something"]], "The column “Number” is missing."),
        ([["Number", "Вид деятельности"], ["1.1", "Что-то"]], "The headers mix languages"),
    ],
)
def test_a_file_with_wrong_headers_is_refused(staff_client, plan, rows, message):
    html = upload(staff_client, as_csv(rows)).content.decode()
    assert message in html


def test_numbers_typed_as_numbers_in_a_spreadsheet_are_refused(staff_client, plan):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Number", "Activity"])
    sheet.append([1.1, "Changed"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    html = upload(staff_client, buffer.getvalue(), "xlsx").content.decode()
    assert "Format the cell as text" in html
    assert get("1.1").title_en.startswith("Maintain and promote")


def test_a_new_activity_needs_its_english_text_first(staff_client, plan):
    rows = [["Номер", "Вид деятельности"], ["2.7", "Новый вид деятельности"]]
    html = upload(staff_client, as_csv(rows)).content.decode()
    assert "add it from a file in English first" in html
