import io
import re
import zipfile

import pytest

from library import demo
from library.models import Document, DocumentFile

pytestmark = pytest.mark.django_db


def test_demo_documents_of_each_visibility_with_real_files():
    demo.load(stdout=io.StringIO())
    assert set(Document.objects.values_list("visibility", flat=True)) == {
        "public",
        "members",
        "staff",
    }
    languages = [
        sorted(document.files.values_list("language", flat=True))
        for document in Document.objects.all()
    ]
    assert ["en", "ru"] in languages and ["en"] in languages
    for stored in DocumentFile.objects.all():
        with stored.file.open("rb") as handle:
            data = handle.read()
        assert len(data) == stored.size
        assert stored.kind == {"en": "pdf", "ru": "docx"}[stored.language]


def test_the_generated_pdf_has_a_correct_cross_reference_table():
    pdf = demo.pdf_bytes("Work Plan (2026)")
    assert pdf.startswith(b"%PDF-1.4\n") and pdf.endswith(b"%%EOF\n")
    startxref = int(re.search(rb"startxref\n(\d+)\n", pdf).group(1))
    assert pdf[startxref:].startswith(b"xref\n0 6\n")
    offsets = [int(offset) for offset in re.findall(rb"(\d{10}) 00000 n ", pdf)]
    for number, offset in enumerate(offsets, start=1):
        assert pdf[offset:].startswith(b"%d 0 obj\n" % number)
    assert b"(Work Plan \\(2026\\)) Tj" in pdf


def test_the_generated_word_document_holds_the_cyrillic_text():
    with zipfile.ZipFile(io.BytesIO(demo.docx_bytes("План работы & цели"))) as archive:
        assert archive.namelist()[0] == "[Content_Types].xml"
        body = archive.read("word/document.xml").decode()
    assert "<w:t>План работы &amp; цели</w:t>" in body
