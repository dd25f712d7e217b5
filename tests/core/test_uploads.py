"""Uploaded files, through the forms people use: a focal point's CV (the nomination form) and a
library document (the admin). Size limit, type by content, generated names outside MEDIA_ROOT,
downloads as attachments under the original (Cyrillic) name with an allow-listed type and
`nosniff`, and no raw media URL."""

import io
import re
import zipfile
from pathlib import Path
from urllib.parse import quote

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile

from core.files import download_name
from experts.models import CV_MAX_BYTES, ExpertiseArea, Nomination
from library.models import FILE_MAX_BYTES, Document, DocumentFile
from outreach.models import Tool
from tests.library.factories import make_category

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def docx() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


class CvUpload:
    """A focal point's nomination with a CV; the CV comes back from the nominations list."""

    def __init__(self, client, request):
        self.client = client
        client.force_login(request.getfixturevalue("focal_point"))

    def post(self, name: str, content: bytes):
        areas = ExpertiseArea.objects.filter(slug="risk-management")
        return self.client.post(
            "/en/members/experts/nominate/",
            {
                "given_names_en": "Aygun",
                "family_name_en": "Huseynova",
                "position_en": "Risk analyst",
                "email": "aygun@customs.az",
                "areas": [area.pk for area in areas],
                "accreditation": "none",
                "consent": "on",
                "cv": SimpleUploadedFile(name, content),
                "languages-TOTAL_FORMS": "1",
                "languages-INITIAL_FORMS": "0",
                "languages-MIN_NUM_FORMS": "0",
                "languages-MAX_NUM_FORMS": "20",
                "languages-0-language": "en",
                "languages-0-level": "3",
            },
        )

    def stored(self):
        nomination = Nomination.objects.get()
        return nomination.cv, nomination.cv_name

    def download_url(self) -> str:
        return f"/en/members/experts/nominations/{Nomination.objects.get().pk}/cv/"

    folder = "experts/cv"
    limit = CV_MAX_BYTES


class DocumentUpload:
    """Office staff add a members' document in the admin; members download it."""

    def __init__(self, client, request):
        self.client = client
        self.member = request.getfixturevalue("member")
        client.force_login(request.getfixturevalue("staff"))

    def post(self, name: str, content: bytes):
        return self.client.post(
            "/admin/library/document/add/",
            {
                "title_en": "Customs valuation",
                "category": make_category().pk,
                "visibility": "members",
                "published_on": "2026-03-01",
                "files-TOTAL_FORMS": "1",
                "files-INITIAL_FORMS": "0",
                "files-MIN_NUM_FORMS": "0",
                "files-MAX_NUM_FORMS": "2",
                "files-0-language": "en",
                "files-0-file": SimpleUploadedFile(name, content),
            },
        )

    def stored(self):
        document_file = DocumentFile.objects.get()
        return document_file.file, document_file.original_name

    def download_url(self) -> str:
        self.client.force_login(self.member)
        return f"/en/members/materials/{Document.objects.get().pk}/download/en/"

    folder = "library"
    limit = FILE_MAX_BYTES


UPLOADS = {"cv": CvUpload, "document": DocumentUpload}


@pytest.fixture(params=UPLOADS)
def upload(request, client):
    return UPLOADS[request.param](client, request)


def test_the_size_limits_are_those_the_forms_announce():
    assert CV_MAX_BYTES == 5 * 1024 * 1024
    assert FILE_MAX_BYTES == 30 * 1024 * 1024


def test_a_file_over_the_limit_is_refused_and_nothing_saved(upload, monkeypatch):
    if upload.folder == "library":
        # The same validator as the CV's; a smaller limit spares the test 30 MB.
        validator = DocumentFile._meta.get_field("file").validators[0]
        monkeypatch.setattr(validator, "max_bytes", 100_000)
        limit = 100_000
    else:
        limit = upload.limit
    stored = set(Path(settings.PRIVATE_MEDIA_ROOT).rglob("*"))
    response = upload.post("big.pdf", PDF + b"0" * limit)
    assert response.status_code == 200
    assert "the limit is" in response.content.decode()
    assert not Nomination.objects.exists() and not Document.objects.exists()
    assert set(Path(settings.PRIVATE_MEDIA_ROOT).rglob("*")) == stored  # no file was kept


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("cv.pdf", b"<script>alert(1)</script>"),
        ("cv.pdf", b"<html><body onload=alert(1)>"),
        ("cv.docx", b"MZ\x90\x00" + b"\x00" * 200),  # a Windows program
        ("cv.pdf", PNG),  # a picture is a real type, but not one these fields take
        ("cv.pdf", b""),
    ],
)
def test_the_type_is_judged_by_the_content_not_the_name(upload, name, content):
    response = upload.post(name, content)
    assert response.status_code == 200
    html = response.content.decode()
    assert "not accepted" in html or "The submitted file is empty." in html
    assert not Nomination.objects.exists() and not Document.objects.exists()


def test_files_are_stored_under_generated_names_outside_media_root(upload):
    response = upload.post("../../etc/Резюме <script>.pdf", PDF)
    assert response.status_code == 302
    field_file, original_name = upload.stored()
    assert re.fullmatch(rf"{upload.folder}/[0-9a-f]{{32}}\.pdf", field_file.name)
    assert original_name == "Резюме <script>.pdf"  # the directories are dropped
    path = Path(field_file.path).resolve()
    assert path.is_relative_to(Path(settings.PRIVATE_MEDIA_ROOT).resolve())
    assert not path.is_relative_to(Path(settings.MEDIA_ROOT).resolve())
    assert path.read_bytes() == PDF
    assert field_file.url == ""


@pytest.mark.parametrize(
    ("name", "content", "extension"),
    [
        ("cv.html", PDF, ".pdf"),
        ("cv\u202efdp.exe", PDF, ".pdf"),  # right-to-left override: shows as "cvexe.pdf"
        ("cv", PDF, ".pdf"),
        ("Резюме.DOCX.svg", docx(), ".docx"),
    ],
)
def test_the_stored_name_ends_in_the_extension_of_the_checked_type(
    upload, name, content, extension
):
    """Whatever the uploader named the file: the stored name says what it really is."""
    assert upload.post(name, content).status_code == 302
    field_file, original_name = upload.stored()
    assert re.fullmatch(rf"{upload.folder}/[0-9a-f]{{32}}\{extension}", field_file.name)
    assert "\u202e" not in field_file.name


def test_a_picture_is_stored_under_the_extension_of_its_type():
    tool = Tool()
    tool.image = SimpleUploadedFile("photo.html", PNG)
    name = Tool._meta.get_field("image").generate_filename(tool, "photo.html")
    assert re.fullmatch(r"tools/[0-9a-f]{32}\.png", name)


def test_a_file_of_no_known_type_is_stored_without_an_extension():
    tool = Tool()
    tool.image = SimpleUploadedFile("photo.html", b"<html>")
    name = Tool._meta.get_field("image").generate_filename(tool, "photo.html")
    assert re.fullmatch(r"tools/[0-9a-f]{32}", name)


@pytest.mark.parametrize(
    ("name", "content", "content_type"),
    [
        ("Резюме эксперта.pdf", PDF, "application/pdf"),
        ("Резюме эксперта.docx", docx(), DOCX_MIME),
    ],
)
def test_downloads_are_attachments_with_the_original_name(upload, name, content, content_type):
    assert upload.post(name, content).status_code == 302
    response = upload.client.get(upload.download_url())
    assert response.status_code == 200
    assert response["Content-Type"] == content_type
    disposition = response["Content-Disposition"]
    assert disposition.startswith("attachment;")
    assert f"filename*=utf-8''{quote(name)}" in disposition
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "no-store" in response["Cache-Control"]
    assert b"".join(response.streaming_content) == content


def test_a_file_named_as_another_type_downloads_under_its_real_type(upload):
    assert upload.post('cv "final"; filename=evil.html', PDF).status_code == 302
    response = upload.client.get(upload.download_url())
    assert response["Content-Type"] == "application/pdf"
    # The name is quoted, not able to add a parameter, and ends in what the file is.
    assert response["Content-Disposition"] == (
        'attachment; filename="cv \\"final\\"; filename=evil.html.pdf"'
    )
    b"".join(response.streaming_content)


def test_download_names_keep_printable_characters_and_the_real_extension():
    assert download_name("Резюме.PDF", "pdf") == "Резюме.PDF"
    assert download_name("photo.jpeg", "jpeg") == "photo.jpeg"
    assert download_name("cv.exe", "pdf") == "cv.exe.pdf"
    assert download_name("two\r\nlines.pdf", "pdf") == "twolines.pdf"
    assert download_name("\x00", None) == "download"


def test_raw_media_urls_of_private_files_answer_404(upload, client):
    assert upload.post("Резюме.pdf", PDF).status_code == 302
    field_file, _name = upload.stored()
    name = field_file.name
    private = Path(settings.PRIVATE_MEDIA_ROOT).name
    for path in [
        f"/{settings.MEDIA_URL}{name}",
        f"/media/{name}",
        f"/en/media/{name}",
        f"/{private}/{name}",
        f"/static/../{private}/{name}",
        f"/static/{name}",
        f"/{name}",
    ]:
        response = client.get(path)
        assert response.status_code == 404, path
        assert PDF not in response.content, path
