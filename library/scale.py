"""Benchmark scale: 5,000 documents of every visibility, in both languages, each with a file per
language. The files are two small real ones (a PDF and a Word document) that every row shares, as
a FileField allows: loading writes two files, not ten thousand. The search vectors are generated
columns, so PostgreSQL fills them."""

import datetime

from django.core.files.base import ContentFile
from django.utils import timezone

from core.files import private_storage
from core.scaling import bilingual, generator, scaled
from library.demo import CATEGORIES, docx_bytes, pdf_bytes
from library.models import Category, Document, DocumentFile

DOCUMENTS = 5_000

SUBJECTS = [
    ("Revised Kyoto Convention", "Пересмотренная Киотская конвенция"),
    ("Risk management", "Управление рисками"),
    ("Post-clearance audit", "Пост-таможенный аудит"),
    ("Authorized Economic Operators", "Уполномоченные экономические операторы"),
    ("Harmonized System classification", "Классификация по Гармонизированной системе"),
    ("Customs valuation", "Таможенная стоимость"),
    ("Rules of origin", "Правила происхождения"),
    ("Integrity", "Добросовестность"),
    ("Competency-based HRM", "Управление персоналом на основе компетенций"),
    ("E-learning", "Электронное обучение"),
]
KINDS = [
    ("guidelines", "руководство"),
    ("training handbook", "учебное пособие"),
    ("survey results", "результаты опроса"),
    ("workshop report", "отчёт о семинаре"),
    ("presentation", "презентация"),
]
# Members' documents are most of the library; some are public, a few are the office's archive.
VISIBILITIES = (
    [Document.Visibility.MEMBERS] * 5
    + [Document.Visibility.PUBLIC] * 4
    + [Document.Visibility.STAFF]
)


def _shared_file(name: str, content: bytes) -> str:
    """A file in private storage that many rows point to (written once)."""
    if not private_storage().exists(name):
        private_storage().save(name, ContentFile(content))
    return name


def load(*, stdout, scale: float = 1.0) -> None:
    categories = [
        Category.objects.get_or_create(
            slug=slug, defaults={**bilingual("name", en, ru), "position": position}
        )[0]
        for position, (slug, en, ru) in enumerate(CATEGORIES)
    ]
    files = {
        "en": ("pdf", _shared_file("library/scale-document.pdf", pdf_bytes("Benchmark document"))),
        "ru": ("docx", _shared_file("library/scale-document.docx", docx_bytes("Документ"))),
    }
    sizes = {language: private_storage().size(name) for language, (_kind, name) in files.items()}
    rng = generator(11)
    today = timezone.localdate()
    count = scaled(DOCUMENTS, scale)
    documents = []
    for n in range(count):
        subject, kind = rng.choice(SUBJECTS), rng.choice(KINDS)
        # Three in four have a Russian title; the rest show in English on Russian pages.
        russian = rng.random() < 0.75
        documents.append(
            Document(
                **bilingual(
                    "title",
                    f"{subject[0]}: {kind[0]} no. {n + 1}",
                    f"{subject[1]}: {kind[1]} № {n + 1}" if russian else "",
                ),
                **bilingual(
                    "description",
                    f"The office's {kind[0]} on {subject[0].lower()} for the member "
                    "administrations of the region.",
                    f"{kind[1].capitalize()} Бюро по теме «{subject[1]}» для таможенных "
                    "администраций региона."
                    if russian
                    else "",
                ),
                category=rng.choice(categories),
                visibility=rng.choice(VISIBILITIES),
                published_on=today - datetime.timedelta(days=rng.randrange(3650)),
            )
        )
    documents = Document.objects.bulk_create(documents, batch_size=1000)
    DocumentFile.objects.bulk_create(
        (
            DocumentFile(
                document=document,
                language=language,
                file=files[language][1],
                original_name=f"{document.title_en[:60]}.{files[language][0]}",
                size=sizes[language],
                kind=files[language][0],
            )
            for document in documents
            for language in (("en", "ru") if document.title_ru else ("en",))
        ),
        batch_size=2000,
    )
    stdout.write(f"  {count} documents")
