"""Staff keep the library in the admin: uploads, the archive's search in both languages,
edit history."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from reversion.models import Version

from core.concurrency import row_fingerprint
from library.demo import docx_bytes, pdf_bytes
from library.models import Document, DocumentFile
from tests.library.factories import make_document, make_many_documents

pytestmark = pytest.mark.django_db

CHANGELIST = "/admin/library/document/"


def add_form(category, **overrides):
    data = {
        "title_en": "Customs valuation",
        "title_ru": "Таможенная оценка",
        "description_en": "",
        "description_ru": "",
        "category": category.pk,
        "visibility": "staff",
        "published_on": "2026-03-01",
        "files-TOTAL_FORMS": "2",
        "files-INITIAL_FORMS": "0",
        "files-MIN_NUM_FORMS": "0",
        "files-MAX_NUM_FORMS": "2",
        "files-0-language": "en",
        "files-0-file": SimpleUploadedFile("Valuation guide.pdf", pdf_bytes("Valuation guide")),
        "files-1-language": "ru",
        "files-1-file": SimpleUploadedFile("Оценка.docx", docx_bytes("Оценка")),
    }
    data.update(overrides)
    return data


def test_staff_add_a_document_with_both_files(staff_client, category):
    response = staff_client.post("/admin/library/document/add/", add_form(category))
    assert response.status_code == 302, response.context["errors"]
    document = Document.objects.get()
    assert (document.title_en, document.title_ru) == ("Customs valuation", "Таможенная оценка")
    files = {f.language: f for f in document.files.all()}
    assert files["en"].original_name == "Valuation guide.pdf"
    assert (files["en"].kind, files["en"].size) == ("pdf", len(pdf_bytes("Valuation guide")))
    assert files["ru"].original_name == "Оценка.docx" and files["ru"].kind == "docx"
    assert files["ru"].file.name.startswith("library/") and files["ru"].file.name.endswith(".docx")


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (SimpleUploadedFile("guide.pdf", b"<script>alert(1)</script>"), "not accepted"),
        (SimpleUploadedFile("guide.exe", b"MZ\x90\x00" + b"\x00" * 100), "not accepted"),
    ],
)
def test_uploads_are_checked_by_content(staff_client, category, upload, message):
    response = staff_client.post(
        "/admin/library/document/add/", add_form(category, **{"files-0-file": upload})
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Document.objects.exists()


def test_uploads_are_size_limited(category):
    from library.services import document_file_attach

    document = make_document(category=category, languages=())
    too_big = SimpleUploadedFile("big.pdf", pdf_bytes("x") + b"0" * (30 * 1024 * 1024))
    with pytest.raises(Exception, match="the limit is 30"):
        document_file_attach(document=document, language="en", upload=too_big)
    assert not DocumentFile.objects.exists()


def test_one_file_per_language(staff_client, category):
    data = add_form(category, **{"files-1-language": "en"})
    response = staff_client.post("/admin/library/document/add/", data)
    assert response.status_code == 200
    assert not Document.objects.exists()


def test_replacing_a_file_keeps_the_new_name(category):
    from library.services import document_file_attach

    document = make_document(category=category, title_en="Guide", languages=("en",))
    document_file_attach(
        document=document,
        language="en",
        upload=SimpleUploadedFile("Guide, 2nd edition.pdf", pdf_bytes("Second")),
    )
    stored = document.files.get()
    assert stored.original_name == "Guide, 2nd edition.pdf"
    with stored.file.open("rb") as handle:
        assert handle.read() == pdf_bytes("Second")


@pytest.mark.parametrize(
    "term",
    ["оценке", "таможенной оценки", "Таможенная", "valuations", "custom", "Valuation guide.pdf"],
)
def test_the_archive_is_searchable_in_both_languages(staff_client, category, term):
    staff_client.post("/admin/library/document/add/", add_form(category))
    make_document(
        category=category,
        title_en="Risk management",
        title_ru="Управление рисками",
        visibility="staff",
    )
    found = staff_client.get(CHANGELIST, {"q": term}).context["cl"].result_list
    assert [document.title_en for document in found] == ["Customs valuation"]


def test_the_changelist_filters_by_visibility_and_category(staff_client, category):
    make_document(category=category, title_en="Archive letter", visibility="staff")
    make_document(category=category, title_en="Open report", visibility="public")

    def titles(**params):
        found = staff_client.get(CHANGELIST, params).context["cl"].result_list
        return sorted(document.title_en for document in found)

    assert titles(visibility__exact="staff") == ["Archive letter"]
    assert titles(category__id__exact=category.pk) == ["Archive letter", "Open report"]


def test_the_changelist_runs_a_fixed_number_of_queries(staff_client, category):
    make_many_documents(10, category=category, visibility="staff")
    with CaptureQueriesContext(connection) as few:
        staff_client.get(CHANGELIST)
    make_many_documents(300, category=category, visibility="staff")
    with CaptureQueriesContext(connection) as many:
        assert staff_client.get(CHANGELIST).status_code == 200
    assert len(many) == len(few)


def test_the_change_form_links_each_file_to_its_download(staff_client, category):
    document = make_document(category=category, title_en="Guide", languages=("en",))
    html = staff_client.get(f"/admin/library/document/{document.pk}/change/").content.decode()
    assert f'href="/admin/library/document/{document.pk}/download/en/">Guide.pdf</a>' in html


def test_reverting_an_edit_restores_the_russian_text(staff_client, category):
    staff_client.post("/admin/library/document/add/", add_form(category))
    document = Document.objects.get()
    change = add_form(category, title_ru="Исправленное название")
    del change["files-0-file"], change["files-1-file"]
    change["files-INITIAL_FORMS"] = "2"
    for index, stored in enumerate(document.files.order_by("language")):
        change[f"files-{index}-id"] = stored.pk
        change[f"files-{index}-document"] = document.pk
    change["edit_fingerprint"] = row_fingerprint(Document, document.pk)
    response = staff_client.post(f"/admin/library/document/{document.pk}/change/", change)
    assert response.status_code == 302
    document.refresh_from_db()
    assert document.title_ru == "Исправленное название"

    first = Version.objects.get_for_object(document).order_by("pk").first()
    history = staff_client.get(f"/admin/library/document/{document.pk}/history/{first.pk}/")
    assert 'value="Таможенная оценка"' in history.content.decode()
    first.revision.revert()
    document.refresh_from_db()
    assert (document.title_en, document.title_ru) == ("Customs valuation", "Таможенная оценка")
    assert document.files.count() == 2


def test_saving_again_without_a_new_upload_does_not_reread_the_stored_file(staff_client, category):
    staff_client.post("/admin/library/document/add/", add_form(category))
    document = Document.objects.get()
    for stored in document.files.all():  # e.g. storage moved: the edit of a title still works
        stored.file.storage.delete(stored.file.name)
    change = add_form(category, title_en="Customs valuation, revised")
    del change["files-0-file"], change["files-1-file"]
    change["files-INITIAL_FORMS"] = "2"
    for index, stored in enumerate(document.files.order_by("language")):
        change[f"files-{index}-id"] = stored.pk
        change[f"files-{index}-document"] = document.pk
    change["edit_fingerprint"] = row_fingerprint(Document, document.pk)
    response = staff_client.post(f"/admin/library/document/{document.pk}/change/", change)
    assert response.status_code == 302
    document.refresh_from_db()
    assert document.title_en == "Customs valuation, revised"


def test_the_document_list_exports_with_both_languages(staff_client, category):
    from library.admin import DocumentResource

    make_document(category=category, title_en="Guide", title_ru="Руководство", languages=("en",))
    assert staff_client.get("/admin/library/document/export/").status_code == 200
    dataset = DocumentResource().export(Document.objects.prefetch_related("files"))
    row = dict(zip(dataset.headers, dataset[0], strict=True))
    assert (row["title_en"], row["title_ru"], row["languages"]) == ("Guide", "Руководство", "en")
    assert row["category"] == "Training materials"
