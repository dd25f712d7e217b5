import io
import re
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from core.files import GeneratedName, UploadValidator, attachment_response, private_storage

PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


def docx_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


validate = UploadValidator(kinds=("pdf", "docx"), max_bytes=50_000)


def test_accepts_pdf_and_docx_by_content():
    validate(SimpleUploadedFile("cv.pdf", PDF))
    validate(SimpleUploadedFile("cv.docx", docx_bytes()))


def test_refuses_a_script_named_like_a_pdf():
    with pytest.raises(ValidationError, match="not accepted. Allowed: PDF, DOCX"):
        validate(SimpleUploadedFile("cv.pdf", b"<script>alert(1)</script>"))


def test_refuses_a_large_file():
    with pytest.raises(ValidationError, match="the limit is"):
        validate(SimpleUploadedFile("cv.pdf", PDF + b"0" * 60_000))


def test_generated_names_ignore_the_uploaded_path():
    name = GeneratedName("cv")(None, "../../etc/Резюме.PDF")
    assert re.fullmatch(r"cv/[0-9a-f]{32}", name)  # no file to judge: no extension


@pytest.mark.django_db  # closing a response signals request_finished, which closes connections
def test_private_files_have_no_url_and_download_with_their_cyrillic_name(tmp_path, settings):
    storage = private_storage()
    stored = storage.save("test/file.pdf", io.BytesIO(PDF))
    try:
        assert storage.url(stored) == ""
        field_file = storage.open(stored)
        response = attachment_response(field_file, filename="Резюме эксперта.pdf")
        assert response["Content-Type"] == "application/pdf"
        assert response["X-Content-Type-Options"] == "nosniff"
        assert "attachment" in response["Content-Disposition"]
        assert "filename*=utf-8''%D0%A0%D0%B5%D0%B7" in response["Content-Disposition"]
        assert b"".join(response.streaming_content) == PDF
        # Close the file only: response.close() would fire request_finished, whose handler
        # checks the database connection, which this test may not touch.
        response.file_to_stream.close()
    finally:
        storage.delete(stored)


def test_a_stored_file_is_not_read_again_when_its_model_is_validated(tmp_path):
    from django.db.models.fields.files import FieldFile

    class Stored(FieldFile):
        @property
        def size(self):
            raise AssertionError("the stored file was read")

    stored = Stored(None, type("Field", (), {"storage": private_storage()})(), "cv/x.pdf")
    assert stored._committed
    validate(stored)  # passes without touching storage
