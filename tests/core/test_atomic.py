"""Multi-row saves are atomic: an import or an admin inline save that fails midway commits
nothing."""

import csv
import io

import pytest
from django.contrib import admin
from django.core.files.uploadedfile import SimpleUploadedFile
from import_export.admin import ImportMixin

from competencies import spreadsheet
from competencies.models import Competency, JobPosition
from contacts.models import ContactPoint, TrainingCentre
from core.admin import AllOrNothingImportMixin
from core.concurrency import FIELD, row_fingerprint
from experts.models import Expert, ExpertLanguage
from library.models import Category
from outreach.models import Event, NewsItem, Tool
from tests.competencies.factories import starter_framework
from tests.experts.factories import make_expert
from workplan.models import Activity, Actual

pytestmark = pytest.mark.django_db


def as_csv(rows) -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)
    return buffer.getvalue().encode()


def workplan_rows(client, *, bad: bool) -> list[list[str]]:
    """The public export of the plan with one good change, and with `bad` a faulty row after
    it (an unknown status)."""
    content = client.get("/en/workplan/export.csv").content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(content)))
    by_number = {row[0]: row for row in rows[1:]}
    by_number["1.4"][rows[0].index("Activity")] = "A good change that must not be saved"
    if bad:
        by_number["2.1"][rows[0].index("Status")] = "Done-ish"
    return rows


# Each import: (admin URL, model whose rows must stay as they were, header, rows before the
# faulty one, the faulty row, rows after it). The faulty row fails validation, the case the
# preview catches but a confirmed import must also survive (the data may change in between).
IMPORTS = {
    "contact points": (
        "/admin/contacts/contactpoint/",
        ContactPoint,
        "id,country,role,name_en,name_ru,title_en,title_ru,email,phone,languages,verified_on",
        [",AZ,learning,Good One,,Director,,one@customs.az,+994 12 404 00 00,az,"],
        ",XX,learning,Bad Row,,Director,,bad@customs.az,+994 12 404 00 00,az,",
        [",GE,hr,Good Two,,HR Manager,,two@rs.ge,+995 32 226 11 11,ka,"],
    ),
    "training centres": (
        "/admin/contacts/trainingcentre/",
        TrainingCentre,
        "id,country,name_en,name_ru,city_en,city_ru,latitude,longitude,programmes_en,"
        "programmes_ru,elearning_platform,url,is_wco_rtc",
        [",AZ,Good Centre,,Baku,,40.4,49.8,Risk,,,,0"],
        ",AZ,,,Baku,,400,49.8,,,,,0",
        [",GE,Other Centre,,Tbilisi,,41.7,44.8,Audit,,,,0"],
    ),
    "experts": (
        "/admin/experts/expert/",
        Expert,
        "email,given_names_en,family_name_en,given_names_ru,family_name_ru,administration,"
        "position_en,position_ru,areas,languages,accreditation,consent_given_on,confirmed_on",
        [
            "ok@customs.az,Elvin,Aliyev,,,AZ,Auditor,,post-clearance-audit,en:fluent,none,2025-01-01,"
        ],
        "bad@customs.az,Nigar,Hasanova,,,XX,Analyst,,risk-management,en:3,none,2025-01-01,",
        ["ok2@customs.ge,Nino,Lomidze,,,GE,Analyst,,risk-management,en:3,none,2025-01-01,"],
    ),
    "document categories": (
        "/admin/library/category/",
        Category,
        "id,slug,name_en,name_ru,position",
        [",good-one,Good one,Хорошая,1"],
        ",,,,many",
        [",good-two,Good two,Вторая,2"],
    ),
    "news": (
        "/admin/outreach/newsitem/",
        NewsItem,
        "slug,title_en,title_ru,summary_en,summary_ru,body_en,body_ru,status,published_at",
        ["good-news,Good news,,Summary,,<p>Body</p>,,draft,"],
        "bad-news,Bad news,,Summary,,,,unknown,",
        ["more-news,More news,,Summary,,<p>Body</p>,,draft,"],
    ),
    "events": (
        "/admin/outreach/event/",
        Event,
        "slug,kind,title_en,title_ru,starts_on,ends_on,place_en,place_ru,description_en,"
        "description_ru,url,status",
        ["good-event,workshop,Good event,,2026-05-01,2026-05-02,Baku,,,,,draft"],
        "bad-event,nonsense,Bad event,,2026-05-01,2026-05-02,Baku,,,,,draft",
        ["more-event,workshop,More event,,2026-06-01,2026-06-02,Tbilisi,,,,,draft"],
    ),
    "tools": (
        "/admin/outreach/tool/",
        Tool,
        "slug,kind,title_en,title_ru,description_en,description_ru,url,is_promoted,position",
        ["good-tool,course,Good tool,,,,https://clikc.example.org/a,0,1"],
        "bad-tool,course,Bad tool,,,,javascript:alert(1),0,2",
        ["more-tool,course,More tool,,,,https://clikc.example.org/b,0,3"],
    ),
}


def snapshot(model) -> list[str]:
    return sorted(map(repr, model.objects.values_list()))


def preview(staff_client, url: str, content: bytes):
    response = staff_client.post(
        url + "import/",
        {"resource": "0", "format": "0", "import_file": SimpleUploadedFile("rows.csv", content)},
    )
    assert response.status_code == 200
    return response


def confirm_with(staff_client, model, checked, content: bytes):
    """Confirm a checked import, its upload having changed since the check: a row now fails
    while the import runs."""
    model_admin = admin.site._registry[model]
    form = checked.context["confirm_form"]
    assert form is not None, checked.context["result"].invalid_rows
    data = {field.html_name: field.value() for field in form}
    upload = model_admin.get_tmp_storage_class()(
        name=form.cleaned_data["import_file_name"] if form.is_bound else data["import_file_name"],
        encoding=model_admin.from_encoding,
        read_mode="r",
        **model_admin.get_tmp_storage_class_kwargs(),
    )
    upload.save(content.decode())
    opts = model._meta
    url = f"/admin/{opts.app_label}/{opts.model_name}/process_import/"
    return staff_client.post(url, data, follow=True)


@pytest.mark.parametrize("name", IMPORTS)
def test_an_import_with_a_faulty_row_midway_saves_nothing(staff_client, name):
    url, model, header, before_rows, faulty, after_rows = IMPORTS[name]
    good = "\n".join([header, *before_rows, *after_rows]).encode()
    with_fault = "\n".join([header, *before_rows, faulty, *after_rows]).encode()
    rows_before = snapshot(model)

    checked = preview(staff_client, url, good)
    assert snapshot(model) == rows_before  # the check saves nothing
    response = confirm_with(staff_client, model, checked, with_fault)

    assert snapshot(model) == rows_before
    html = response.content.decode()
    assert "Nothing was imported: rows 2 could not be saved." in html
    assert "Import finished" not in html


def test_the_work_plan_import_with_a_faulty_row_midway_saves_nothing(staff_client):
    url = "/admin/workplan/activity/"
    rows_before, entries_before = snapshot(Activity), snapshot(Actual)
    checked = preview(staff_client, url, as_csv(workplan_rows(staff_client, bad=False)))
    response = confirm_with(
        staff_client, Activity, checked, as_csv(workplan_rows(staff_client, bad=True))
    )
    assert (snapshot(Activity), snapshot(Actual)) == (rows_before, entries_before)
    assert "Nothing was imported" in response.content.decode()


def test_the_framework_import_with_a_faulty_row_midway_saves_nothing(staff_client, staff):
    starter_framework()
    datasets = spreadsheet.read_xlsx(spreadsheet.framework_xlsx())
    competencies = datasets["competencies"]
    competencies[0] = ("MB-01", "managerial", 1, "Renamed", "", "Definition", "", "draft") + (
        *("", "", ""),
        "",
    )
    positions = datasets["positions"]
    new_post = ["new-post", "technical", 20, "New post", "", "", "", "", "", "nobody", "draft"]
    positions.insert(1, [*new_post, "", "", ""])
    before = snapshot(Competency), snapshot(JobPosition)
    report = spreadsheet.framework_import(datasets=datasets, user=staff, dry_run=False)
    assert not report.committed
    assert (snapshot(Competency), snapshot(JobPosition)) == before


def test_every_admin_import_is_all_or_nothing():
    """A new import in any app gets the same guarantee (the tests above prove it works)."""
    importing = [
        type(model_admin)
        for model_admin in admin.site._registry.values()
        if isinstance(model_admin, ImportMixin)
    ]
    assert len(importing) >= 7
    for admin_class in importing:
        mro = admin_class.__mro__
        assert AllOrNothingImportMixin in mro, admin_class.__name__
        assert mro.index(AllOrNothingImportMixin) < mro.index(ImportMixin), admin_class.__name__


def test_an_admin_inline_save_that_fails_midway_saves_nothing(
    staff_client, azerbaijan, monkeypatch
):
    """The expert's record and its language rows are one save: when the second language row
    fails to save, neither the record's change nor the first row is kept."""
    expert = make_expert(administration=azerbaijan, languages=[("en", 3)])
    url = f"/admin/experts/expert/{expert.pk}/change/"
    page = staff_client.get(url)
    form = page.context["adminform"].form
    data = {name: value for name, value in form.initial.items() if value is not None}
    data.update(
        {
            "administration": azerbaijan.pk,
            "areas": [area.pk for area in expert.areas.all()],
            "position_en": "Changed position",
            "consent_given_on": "2025-01-01",
            "confirmed_on": "2025-01-01",
            FIELD: row_fingerprint(Expert, expert.pk),
            "languages-TOTAL_FORMS": "3",
            "languages-INITIAL_FORMS": "1",
            "languages-MIN_NUM_FORMS": "0",
            "languages-MAX_NUM_FORMS": "1000",
            "competencies-TOTAL_FORMS": "0",
            "competencies-INITIAL_FORMS": "0",
            "languages-0-id": expert.languages.get().pk,
            "languages-0-expert": expert.pk,
            "languages-0-language": "en",
            "languages-0-level": "4",
            "languages-1-expert": expert.pk,
            "languages-1-language": "ru",
            "languages-1-level": "3",
            "languages-2-expert": expert.pk,
            "languages-2-language": "az",
            "languages-2-level": "2",
        }
    )
    data.pop("cv", None)
    saved = []
    original_save = ExpertLanguage.save

    def save_then_fail(self, *args, **kwargs):
        saved.append(self.language)
        if len(saved) == 2:
            raise RuntimeError("disk full")
        return original_save(self, *args, **kwargs)

    monkeypatch.setattr(ExpertLanguage, "save", save_then_fail)
    with pytest.raises(RuntimeError, match="disk full"):
        staff_client.post(url, data)
    assert saved == ["en", "ru"]  # the failure came midway, after a row was written
    expert.refresh_from_db()
    assert expert.position_en == "Customs officer"
    assert list(expert.languages.values_list("language", "level")) == [("en", 3)]
