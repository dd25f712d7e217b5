"""Documents for the library's tests: real files through the service, or many rows at once."""

import datetime
from itertools import count

from library.demo import demo_upload
from library.models import Category, Document, DocumentFile
from library.services import document_create

_serial = count(1)


def make_category(**fields) -> Category:
    n = next(_serial)
    fields.setdefault("slug", f"category-{n}")
    fields.setdefault("name_en", f"Category {n}")
    fields.setdefault("name_ru", f"Категория {n}")
    return Category.objects.create(**fields)


def make_document(
    *,
    category: Category | None = None,
    languages: tuple[str, ...] = ("en", "ru"),
    **fields,
) -> Document:
    """A document with real files (PDF in English, DOCX in Russian) in the given languages."""
    n = next(_serial)
    fields.setdefault("title_en", f"Document {n}")
    fields.setdefault("visibility", Document.Visibility.MEMBERS)
    titles = {"en": fields["title_en"], "ru": fields.get("title_ru") or f"Документ {n}"}
    return document_create(
        category=category or make_category(),
        files={language: demo_upload(language, titles[language]) for language in languages},
        **fields,
    )


def make_many_documents(number: int, *, category: Category, visibility: str) -> None:
    """Many documents with a file row per language (no bytes on disk): for query counts."""
    start = Document.objects.count()
    documents = Document.objects.bulk_create(
        Document(
            title=f"Customs document {start + i}",
            title_en=f"Customs document {start + i}",
            title_ru=f"Таможенный документ {start + i}",
            description_en="Customs training and valuation.",
            description_ru="Таможенное обучение и таможенная оценка.",
            category=category,
            visibility=visibility,
            published_on=datetime.date(2024, 1, 1) + datetime.timedelta(days=i % 700),
        )
        for i in range(number)
    )
    DocumentFile.objects.bulk_create(
        DocumentFile(
            document=document,
            language=language,
            file=f"library/missing-{document.pk}-{language}.pdf",
            original_name=f"document-{document.pk}.pdf",
            size=1000,
            kind="pdf",
        )
        for document in documents
        for language in ("en", "ru")
    )
