"""The whole framework goes out to a spreadsheet and comes back to the same data."""

import csv
import io
import zipfile

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from reversion.models import Version

from competencies import spreadsheet
from competencies.models import (
    Competency,
    CompetencyFamily,
    FunctionalArea,
    JobPosition,
    LevelDescriptor,
    ProficiencyLevel,
    QualificationLevel,
    Requirement,
    TopicalCluster,
)
from core.history import note_text
from tests.competencies.factories import make_tool, starter_framework

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def starter():
    """The demo data's starter framework, endorsed: a fresh database has none."""
    starter_framework()


ADMIN_PAGE = "/admin/competencies/competency/spreadsheet/"


def framework_snapshot() -> dict[str, list[tuple]]:
    """Every record of the framework by its natural keys and values (no database ids)."""

    def rows(queryset, *fields):
        return sorted(
            tuple("" if value is None else value for value in row)
            for row in queryset.values_list(*fields)
        )

    def both(*names):
        return [f"{name}_{language}" for name in names for language in ("en", "ru")]

    return {
        "levels": rows(ProficiencyLevel.objects, "number", *both("name", "description")),
        "areas": rows(FunctionalArea.objects, "code", "position", *both("name", "description")),
        "families": rows(
            CompetencyFamily.objects, "code", "position", *both("name", "description")
        ),
        "competencies": rows(
            Competency.objects,
            "code",
            "family__code",
            "position",
            "status",
            "endorsed_on",
            *both("name", "definition", "endorsed_at"),
        ),
        "tools": rows(
            Competency.learning_resources.through.objects, "competency__code", "tool__slug"
        ),
        "descriptors": rows(
            LevelDescriptor.objects, "competency__code", "level__number", *both("indicators")
        ),
        "positions": rows(
            JobPosition.objects,
            "slug",
            "area__code",
            "position",
            "reports_to__slug",
            "status",
            "endorsed_on",
            *both("title", "purpose", "duties", "endorsed_at"),
        ),
        "requirements": rows(
            Requirement.objects, "position__slug", "competency__code", "level__number"
        ),
        "qualifications": rows(
            QualificationLevel.objects,
            "level",
            "track",
            *both("profile", "certificate", "knowledge", "skills", "tasks", "competencies"),
        ),
        "clusters": rows(TopicalCluster.objects, "number", *both("title", "topics")),
    }


def wipe_framework():
    for model in (
        Requirement,
        JobPosition,
        LevelDescriptor,
        Competency,
        ProficiencyLevel,
        CompetencyFamily,
        FunctionalArea,
        QualificationLevel,
        TopicalCluster,
    ):
        model.objects.all().delete()


@pytest.fixture
def tricky_framework():
    """The seeded framework plus what a spreadsheet could mangle: a formula-like text,
    a missing translation, tools, and a position that reports to one listed after it."""
    tool, other = make_tool(slug="clikc-risk"), make_tool(slug="rkc")
    competency = Competency.objects.get(code="OP-01")
    competency.learning_resources.add(tool, other)
    competency.definition_en = "=SUM(A1:A2) is not a formula here"
    competency.definition_ru = ""
    competency.save()
    chair = JobPosition.objects.create(
        area=FunctionalArea.objects.get(code="technical"),
        slug="vice-chair",
        position=99,  # listed last
        title_en="Regional Vice-Chair",
        purpose_en="Chairs the region.",
    )
    JobPosition.objects.filter(slug="head-of-office").update(reports_to=chair)
    return framework_snapshot()


@pytest.mark.parametrize(
    ("build", "read"),
    [
        (spreadsheet.framework_xlsx, spreadsheet.read_xlsx),
        (spreadsheet.framework_csv_zip, spreadsheet.read_csv_zip),
    ],
)
def test_an_exported_framework_reimports_to_the_same_data(tricky_framework, staff, build, read):
    exported = build()
    wipe_framework()
    assert framework_snapshot()["competencies"] == []
    report = spreadsheet.framework_import(datasets=read(exported), user=staff, dry_run=False)
    assert report.committed and not report.has_errors, report
    assert framework_snapshot() == tricky_framework


def test_a_framework_imported_on_top_of_itself_changes_nothing(staff):
    before = framework_snapshot()
    datasets = spreadsheet.read_xlsx(spreadsheet.framework_xlsx())
    report = spreadsheet.framework_import(datasets=datasets, user=staff, dry_run=False)
    assert {(sheet.new, sheet.updated, sheet.errors == []) for sheet in report.sheets} == {
        (0, 0, True)
    }
    assert sum(sheet.unchanged for sheet in report.sheets) == 4 + 3 + 3 + 18 + 72 + 10 + 85 + 4 + 6
    assert framework_snapshot() == before


def test_the_workbook_keeps_text_as_text():
    Competency.objects.filter(code="OP-01").update(definition_en="=1+1")
    sheet = openpyxl.load_workbook(io.BytesIO(spreadsheet.framework_xlsx()))["competencies"]
    headers = [cell.value for cell in sheet[1]]
    assert headers[:4] == ["code", "family", "position", "name_en"]
    row = next(row for row in sheet.iter_rows(min_row=2) if row[0].value == "OP-01")
    cell = row[headers.index("definition_en")]
    assert cell.value == "=1+1" and cell.data_type == "s"


def test_the_csv_files_guard_formulas():
    Competency.objects.filter(code="OP-01").update(definition_en="=1+1")
    archive = zipfile.ZipFile(io.BytesIO(spreadsheet.framework_csv_zip()))
    sheets = [*(name for name, _r in spreadsheet.SHEETS), spreadsheet.VERSION_SHEET]
    assert sorted(archive.namelist()) == sorted(f"{name}.csv" for name in sheets)
    rows = list(csv.DictReader(io.StringIO(archive.read("competencies.csv").decode("utf-8-sig"))))
    assert next(row for row in rows if row["code"] == "OP-01")["definition_en"] == "'=1+1"


def test_a_check_saves_nothing_and_reports_what_would_change(staff):
    before = framework_snapshot()
    levels = spreadsheet.read_xlsx(spreadsheet.framework_xlsx())["levels"]
    levels[0] = (1, "Aware", "Осведомлённость", "", "")
    report = spreadsheet.framework_import(datasets={"levels": levels}, user=staff, dry_run=True)
    (levels,) = report.sheets
    assert (levels.name, levels.new, levels.updated, levels.unchanged) == ("levels", 0, 1, 3)
    assert not report.committed
    assert framework_snapshot() == before


def test_row_errors_name_the_row_and_nothing_is_saved(staff):
    before = framework_snapshot()
    datasets = spreadsheet.read_xlsx(spreadsheet.framework_xlsx())
    requirements = datasets["requirements"]
    requirements.append(("head-of-office", "XX-99", 2))
    positions = datasets["positions"]
    positions.append(
        ["new-post", "technical", 20, "New post", "", "Purpose", "", "", "", "nobody", "draft"]
        + ["", "", ""]
    )
    competencies = datasets["competencies"]
    competencies[0] = ("MB-01", "managerial", 1, "Renamed", "", "Definition", "", "draft") + (
        *("", "", ""),
        "no-such-tool",
    )
    report = spreadsheet.framework_import(datasets=datasets, user=staff, dry_run=False)
    errors = {sheet.name: sheet.errors for sheet in report.sheets if sheet.errors}
    assert not report.committed
    assert errors["requirements"] == [
        f"Row {len(requirements) + 1}: There is no competency “XX-99”."
    ]
    assert errors["positions"] == [
        "The position “new-post” reports to “nobody”, which is not a position."
    ]
    assert "no-such-tool" in errors["competencies"][0]
    assert framework_snapshot() == before


def test_an_unknown_sheet_is_refused(staff):
    datasets = spreadsheet.read_xlsx(spreadsheet.framework_xlsx())
    datasets["salaries"] = datasets.pop("levels")
    with pytest.raises(spreadsheet.FrameworkFileError, match="salaries"):
        spreadsheet.framework_import(datasets=datasets, user=staff, dry_run=True)


def test_staff_export_and_import_in_the_admin(staff_client):
    page = staff_client.get(ADMIN_PAGE)
    assert page.status_code == 200
    response = staff_client.get(ADMIN_PAGE + "export/xlsx/")
    assert response["Content-Disposition"] == 'attachment; filename="competency-framework.xlsx"'
    workbook = openpyxl.load_workbook(io.BytesIO(response.content))
    workbook["positions"]["D2"].value = "Head of the Office"  # title_en of the first position
    buffer = io.BytesIO()
    workbook.save(buffer)

    def upload(button):
        file = SimpleUploadedFile("framework.xlsx", buffer.getvalue())
        return staff_client.post(ADMIN_PAGE, {"file": file, button: "1"})

    checked = upload("check")
    assert "Check passed: nothing was saved yet" in checked.content.decode()
    assert JobPosition.objects.get(slug="head-of-office").title_en == "Head of Office"
    imported = upload("import")
    assert "The framework is imported." in imported.content.decode()
    position = JobPosition.objects.get(slug="head-of-office")
    assert position.title_en == "Head of the Office"
    # The import is in the edit history, with who did it.
    version = Version.objects.get_for_object(position).first()
    assert note_text(version.revision.comment) == "Imported from a framework spreadsheet."
    assert version.revision.user.email == "staff@rocb.test"


def test_a_csv_bundle_of_some_tables_imports_in_the_admin(staff_client):
    exported = zipfile.ZipFile(io.BytesIO(staff_client.get(ADMIN_PAGE + "export/zip/").content))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:  # only the clusters, one of them edited
        text = exported.read("clusters.csv").decode("utf-8-sig")
        archive.writestr("clusters.csv", text.replace("Customs Job Profiles", "Job Profiles"))
    file = SimpleUploadedFile("framework.zip", buffer.getvalue())
    response = staff_client.post(ADMIN_PAGE, {"file": file, "import": "1"})
    assert "The framework is imported." in response.content.decode()
    assert TopicalCluster.objects.get(number=1).title_en == "Job Profiles"


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("framework.xlsx", b"not a spreadsheet at all"),
        ("framework.zip", b"PK\x03\x04 broken"),
        ("evil.zip", None),
    ],
)
def test_bad_files_are_refused_with_a_message(staff_client, name, content):
    if content is None:
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as archive:
            archive.writestr("script.sh", "rm -rf /")
        content = buffer.getvalue()
    response = staff_client.post(
        ADMIN_PAGE, {"file": SimpleUploadedFile(name, content), "import": "1"}
    )
    assert response.status_code == 200
    assert "errorlist" in response.content.decode()
    assert "The framework is imported." not in response.content.decode()


def test_only_staff_with_the_permissions_reach_the_spreadsheet(client, member):
    assert client.get(ADMIN_PAGE)["Location"].startswith("/admin/login/")
    from tests.factories import make_user

    clerk = make_user(is_staff=True)
    client.force_login(clerk)
    assert client.get(ADMIN_PAGE).status_code == 403
    assert client.get(ADMIN_PAGE + "export/xlsx/").status_code == 403
