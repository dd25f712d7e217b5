"""Who may download which file, and that private files never reach a public URL."""

from pathlib import Path

import pytest
from django.conf import settings

from library.demo import docx_bytes, pdf_bytes
from library.models import Document
from tests.factories import make_administration, make_user
from tests.library.factories import make_document

pytestmark = pytest.mark.django_db

MEMBERS = Document.Visibility.MEMBERS
STAFF = Document.Visibility.STAFF
PUBLIC = Document.Visibility.PUBLIC


def content(response) -> bytes:
    # Reading a file response to the end closes it, as a WSGI server would.
    return b"".join(response.streaming_content) if response.streaming else response.content


def material_download(document, language="en", page_language="en"):
    return f"/{page_language}/members/materials/{document.pk}/download/{language}/"


def public_download(document, language="en"):
    return f"/en/documents/{document.pk}/download/{language}/"


@pytest.mark.parametrize("visibility", [MEMBERS, STAFF])
def test_anonymous_download_is_refused_and_never_returns_the_bytes(client, visibility):
    document = make_document(visibility=visibility, title_en="Confidential guide")
    stored = document.files.get(language="en")
    secret = stored.file.open("rb").read()
    stored.file.close()

    response = client.get(material_download(document))
    assert response.status_code == 302
    assert response["Location"].startswith("/en/accounts/login/")
    assert secret not in content(response)

    # Nor through the public pages' download, nor any media URL.
    media = settings.MEDIA_URL.strip("/")
    for url in (
        public_download(document),
        f"/{media}/{stored.file.name}",
        f"/en/{media}/{stored.file.name}",
        f"/{media}/private/{stored.file.name}",
        f"/private/{stored.file.name}",
    ):
        response = client.get(url)
        assert response.status_code == 404, url
        assert secret not in content(response)


@pytest.mark.parametrize("visibility", [MEMBERS, STAFF])
def test_private_files_are_stored_outside_media_root(visibility):
    document = make_document(visibility=visibility)
    for stored in document.files.all():
        path = Path(stored.file.path).resolve()
        assert path.is_file()
        assert path.is_relative_to(Path(settings.PRIVATE_MEDIA_ROOT).resolve())
        assert not path.is_relative_to(Path(settings.MEDIA_ROOT).resolve())
        assert stored.file.url == ""  # no public URL at all
        assert stored.file.name.startswith("library/")
        assert "Document" not in stored.file.name  # the uploaded name chose nothing


@pytest.mark.parametrize("page_language", ["en", "ru"])
def test_a_member_downloads_both_language_versions(member_client, page_language):
    document = make_document(
        title_en="Customs valuation guide",
        title_ru="Руководство по таможенной оценке",
        languages=("en", "ru"),
    )

    english = member_client.get(material_download(document, "en", page_language))
    assert english.status_code == 200
    assert english["Content-Type"] == "application/pdf"
    assert english["X-Content-Type-Options"] == "nosniff"
    assert "no-store" in english["Cache-Control"]
    assert 'filename="Customs valuation guide.pdf"' in english["Content-Disposition"]
    assert content(english) == pdf_bytes("Customs valuation guide")

    russian = member_client.get(material_download(document, "ru", page_language))
    assert russian.status_code == 200
    assert russian["Content-Type"].startswith("application/vnd.openxmlformats")
    # The original Cyrillic file name is kept (RFC 5987 encoding).
    assert "%D0%A0%D1%83%D0%BA" in russian["Content-Disposition"]
    assert content(russian) == docx_bytes("Руководство по таможенной оценке")


def test_a_missing_language_version_is_not_found(member_client):
    document = make_document(languages=("en",))
    assert member_client.get(material_download(document, "ru")).status_code == 404
    assert member_client.get(material_download(document, "de")).status_code == 404


def test_a_staff_only_document_answers_404_to_a_member(member_client):
    document = make_document(visibility=STAFF, title_en="Correspondence register")
    assert member_client.get(material_download(document)).status_code == 404
    assert member_client.get(f"/en/members/materials/{document.pk}/").status_code == 404
    listing = member_client.get("/en/members/materials/").content.decode()
    assert "Correspondence register" not in listing


def test_staff_only_documents_stay_out_of_the_members_area_even_for_staff(staff_client):
    document = make_document(visibility=STAFF)
    assert staff_client.get(material_download(document)).status_code == 404
    assert staff_client.get(f"/en/members/materials/{document.pk}/").status_code == 404


def test_staff_download_the_archive_in_the_admin(staff_client):
    document = make_document(
        visibility=STAFF, title_en="Correspondence register", languages=("en",)
    )
    url = f"/admin/library/document/{document.pk}/download/en/"
    response = staff_client.get(url)
    assert response.status_code == 200
    assert content(response) == pdf_bytes("Correspondence register")
    assert (
        staff_client.get(f"/admin/library/document/{document.pk}/download/ru/").status_code == 404
    )


def test_the_admin_download_refuses_anyone_but_staff(client, member):
    document = make_document(visibility=STAFF, title_en="Correspondence register")
    url = f"/admin/library/document/{document.pk}/download/en/"
    anonymous = client.get(url)
    assert anonymous.status_code == 302 and "/admin/login/" in anonymous["Location"]
    client.force_login(member)
    as_member = client.get(url)
    assert as_member.status_code == 302 and "/admin/login/" in as_member["Location"]
    assert pdf_bytes("Correspondence register") not in as_member.content


def test_users_outside_the_member_administrations_are_refused(client, outsider):
    document = make_document(visibility=MEMBERS)
    non_member = make_user(administration=make_administration(is_member=False))
    for user in (outsider, non_member):
        client.force_login(user)
        response = client.get(material_download(document))
        assert response.status_code == 403
        assert b"%PDF" not in content(response)


def test_public_documents_download_for_anyone(client):
    document = make_document(visibility=PUBLIC, title_en="Work Plan", languages=("en",))
    response = client.get(public_download(document))
    assert response.status_code == 200
    assert content(response) == pdf_bytes("Work Plan")


def test_a_lost_file_answers_404_not_500(member_client):
    document = make_document(languages=("en",))
    stored = document.files.get()
    stored.file.storage.delete(stored.file.name)
    assert member_client.get(material_download(document)).status_code == 404
