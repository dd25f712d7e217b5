"""The office's admin: filters, import with preview and row errors, edit history."""

import io
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from openpyxl import Workbook
from reversion.models import Version

from core.concurrency import row_fingerprint
from core.history import note_text
from experts.filters import search_query
from experts.models import Expert, ExpertiseArea
from tests.experts.factories import make_expert

pytestmark = pytest.mark.django_db

HEADER = (
    "email,given_names_en,family_name_en,given_names_ru,family_name_ru,administration,"
    "position_en,position_ru,areas,languages,accreditation,consent_given_on,confirmed_on"
)


def test_the_list_filters_and_searches_in_both_languages(staff_client, azerbaijan, georgia):
    make_expert(
        administration=azerbaijan,
        family_name_en="Aliyev",
        family_name_ru="Алиев",
        accreditation="expert",
        areas=["aeo"],
    )
    make_expert(administration=georgia, family_name_en="Lomidze", areas=["integrity"])
    aeo = ExpertiseArea.objects.get(slug="aeo")

    def names(**params):
        response = staff_client.get("/admin/experts/expert/", params)
        assert response.status_code == 200
        return [expert.family_name_en for expert in response.context["cl"].result_list]

    assert names(accredited="yes") == ["Aliyev"]
    assert names(accredited="no") == ["Lomidze"]
    assert names(areas__id__exact=aeo.pk) == ["Aliyev"]
    assert names(administration__id__exact=georgia.pk) == ["Lomidze"]
    assert names(q="Алиев") == ["Aliyev"]
    html = staff_client.get("/admin/experts/expert/").content.decode()
    assert "By confirmation" in html and "By WCO accredited" in html


def preview(staff_client, content: bytes, name: str, file_format: int):
    return staff_client.post(
        "/admin/experts/expert/import/",
        {"format": file_format, "import_file": SimpleUploadedFile(name, content)},
    )


def confirm(staff_client, response):
    return staff_client.post(
        "/admin/experts/expert/process_import/", response.context_data["confirm_form"].initial
    )


def test_import_from_csv_shows_row_errors_and_saves_nothing(staff_client, azerbaijan):
    rows = [
        HEADER,
        "ok@customs.az,Elvin,Aliyev,,,AZ,Auditor,,post-clearance-audit,en:fluent,none,2025-01-01,",
        "bad@customs.az,Nigar,Hasanova,,,XX,Analyst,,risk-management,en:3,none,2025-01-01,",
        "worse@customs.az,Ilham,Guliyev,,,AZ,Analyst,,risk-management,klingon:3,none,,",
    ]
    response = preview(staff_client, "\n".join(rows).encode(), "experts.csv", 0)
    assert response.status_code == 200
    result = response.context_data["result"]
    assert result.has_validation_errors()
    html = response.content.decode()
    assert "Unknown language code “klingon”." in html
    assert "Administration matching query does not exist." in html or "XX" in html
    assert "This field cannot be null." in html or "This field cannot be blank." in html
    assert not Expert.objects.exists()


def test_import_from_csv_with_preview_then_confirm(staff_client, azerbaijan):
    existing = make_expert(
        administration=azerbaijan, email="elvin@customs.az", position_en="Old post"
    )
    rows = [
        HEADER,
        "ELVIN@customs.az,Elvin,Aliyev,Эльвин,Алиев,AZ,Senior auditor,Старший аудитор,"
        "post-clearance-audit;valuation,en:fluent; ru:4,expert,2025-01-01,2026-01-01",
        "nigar@customs.az,Nigar,Hasanova,,,AZ,'=HYPERLINK(1),,risk-management,az:native,none,"
        "2025-02-01,",
    ]
    response = preview(staff_client, "\n".join(rows).encode(), "experts.csv", 0)
    assert not response.context_data["result"].has_errors()
    assert not response.context_data["result"].has_validation_errors()
    assert Expert.objects.count() == 1  # the preview saved nothing
    response = confirm(staff_client, response)
    assert response.status_code == 302
    assert Expert.objects.count() == 2
    existing.refresh_from_db()
    assert existing.position_ru == "Старший аудитор"
    assert sorted(existing.areas.values_list("slug", flat=True)) == [
        "post-clearance-audit",
        "valuation",
    ]
    assert sorted(existing.languages.values_list("language", "level")) == [("en", 3), ("ru", 4)]
    nigar = Expert.objects.get(email="nigar@customs.az")
    assert nigar.position_en == "=HYPERLINK(1)"  # the export's formula guard is undone
    assert nigar.confirmed_on is not None
    # Imported records are searchable at once.
    assert list(Expert.objects.filter(search_vector=search_query("аудитор"))) == [existing]


def test_import_from_xlsx(staff_client, georgia):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(HEADER.split(","))
    sheet.append(
        [
            "tamar@customs.ge",
            "Tamar",
            "Lomidze",
            "Тамар",
            "Ломидзе",
            "GE",
            "Head of division",
            "",
            "integrity",
            "ka:native;en:fluent",
            "facilitator",
            "2025-03-01",
            "2025-04-01",
        ]
    )
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = preview(staff_client, buffer.getvalue(), "experts.xlsx", 1)
    assert not response.context_data["result"].has_validation_errors()
    confirm(staff_client, response)
    expert = Expert.objects.get()
    assert expert.administration == georgia and expert.family_name_ru == "Ломидзе"
    assert str(expert.confirmed_on) == "2025-04-01"


def fingerprint(obj) -> dict:
    """The conflict check's hidden field, as the change form would post it."""
    return {"edit_fingerprint": row_fingerprint(type(obj), obj.pk)}


def test_reverting_an_edit_restores_the_russian_text(staff_client, azerbaijan):
    expert = make_expert(administration=azerbaijan, position_en="Analyst")
    url = f"/admin/experts/expert/{expert.pk}/change/"
    form = {
        "administration": azerbaijan.pk,
        "given_names_en": expert.given_names_en,
        "family_name_en": expert.family_name_en,
        "given_names_ru": "",
        "family_name_ru": "",
        "position_en": "Analyst",
        "position_ru": "Аналитик",
        "email": expert.email,
        "phone": "",
        "areas": [area.pk for area in expert.areas.all()],
        "accreditation": "none",
        "experience_en": "",
        "experience_ru": "",
        "availability": "available",
        "language": "en",
        "consent_given_on": "2025-01-01",
        "confirmed_on": "2025-01-01",
        "languages-TOTAL_FORMS": "0",
        "languages-INITIAL_FORMS": "0",
        "languages-MIN_NUM_FORMS": "0",
        "languages-MAX_NUM_FORMS": "1000",
        "competencies-TOTAL_FORMS": "0",
        "competencies-INITIAL_FORMS": "0",
    }
    assert staff_client.post(url, {**form, **fingerprint(expert)}).status_code == 302
    edited = {**form, "position_ru": "Старший аналитик", **fingerprint(expert)}
    assert staff_client.post(url, edited).status_code == 302
    versions = Version.objects.get_for_object(expert)
    assert versions.count() == 2
    first = versions.last()
    page = staff_client.get(f"/admin/experts/expert/{expert.pk}/history/{first.pk}/")
    assert page.status_code == 200
    # As the browser does: post back the fingerprint of the version the page showed.
    shown = re.search(r'name="edit_fingerprint" value="(\w+)"', page.content.decode()).group(1)
    staff_client.post(
        f"/admin/experts/expert/{expert.pk}/history/{first.pk}/",
        {**form, "edit_fingerprint": shown},
    )
    expert.refresh_from_db()
    assert expert.position_ru == "Аналитик"
    # Edits in the admin keep the search current.
    assert list(Expert.objects.filter(search_vector=search_query("аналитика"))) == [expert]


def test_renaming_an_area_updates_what_its_experts_are_found_by(staff_client, azerbaijan):
    expert = make_expert(administration=azerbaijan, areas=["aeo"])
    area = ExpertiseArea.objects.get(slug="aeo")
    response = staff_client.post(
        f"/admin/experts/expertisearea/{area.pk}/change/",
        {
            "slug": "aeo",
            "name_en": "Trusted traders",
            "name_ru": "Надёжные участники",
            **fingerprint(area),
        },
    )
    assert response.status_code == 302
    assert list(Expert.objects.filter(search_vector=search_query("traders"))) == [expert]


def test_the_areas_are_seeded_in_both_languages():
    areas = {area.slug: area for area in ExpertiseArea.objects.all()}
    for slug in [
        "risk-management",
        "post-clearance-audit",
        "revised-kyoto-convention",
        "coordinated-border-management",
        "hs-classification",
        "valuation",
        "origin",
        "aeo",
        "integrity",
        "hr-management-training",
        "leadership",
        "competency-based-hrm",
        "e-learning",
    ]:
        assert areas[slug].name_en and areas[slug].name_ru
    assert areas["risk-management"].name_ru == "Управление рисками"


def test_staff_mark_records_confirmed(staff, staff_client, azerbaijan):
    expert = make_expert(administration=azerbaijan, confirmed_on="2020-01-01")
    staff_client.post(
        "/admin/experts/expert/",
        {"action": "mark_confirmed", "_selected_action": [expert.pk]},
    )
    expert.refresh_from_db()
    assert not expert.is_stale()
    # The action goes through the service: the record's history says who confirmed it.
    version = Version.objects.get_for_object(expert).get()
    assert version.revision.user == staff
    assert note_text(version.revision.get_comment()) == "Confirmed as current"
    assert version.field_dict["confirmed_on"] == expert.confirmed_on


def test_marking_records_confirmed_refreshes_their_cached_pages(staff_client, member, azerbaijan):
    expert = make_expert(administration=azerbaijan, confirmed_on="2020-01-01")
    member_client = Client()
    member_client.force_login(member)
    url = f"/en/members/experts/{expert.pk}/"
    assert "1 Jan 2020" in member_client.get(url).content.decode()
    staff_client.post(
        "/admin/experts/expert/",
        {"action": "mark_confirmed", "_selected_action": [expert.pk]},
    )
    assert "1 Jan 2020" not in member_client.get(url).content.decode()


def test_admin_pages_open(staff_client, azerbaijan, focal_point):
    from tests.experts.factories import make_nomination

    expert = make_expert(administration=azerbaijan)
    nomination = make_nomination(nominated_by=focal_point)
    for url in [
        "/admin/experts/expert/",
        f"/admin/experts/expert/{expert.pk}/change/",
        "/admin/experts/expert/import/",
        "/admin/experts/nomination/",
        f"/admin/experts/nomination/{nomination.pk}/change/",
        "/admin/experts/expertisearea/",
        "/admin/experts/expertisearea/add/",
    ]:
        assert staff_client.get(url).status_code == 200, url
    html = staff_client.get(f"/admin/experts/nomination/{nomination.pk}/change/").content.decode()
    assert f"/admin/experts/nomination/{nomination.pk}/review/" in html
    assert f"/en/members/experts/nominations/{nomination.pk}/cv/" in html
    assert "/admin/experts/nomination/add/" not in html
