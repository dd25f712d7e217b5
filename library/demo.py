"""Demo documents of each visibility, with small real files written at load time: English
versions as PDF, Russian ones as DOCX (Cyrillic text needs no embedded font there)."""

import datetime
import io
import zipfile
from xml.sax.saxutils import escape

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from library.models import Category, Document
from library.services import document_create

Visibility = Document.Visibility

CATEGORIES = [
    ("wco-instruments", "WCO instruments and guidelines", "Инструменты и руководства ВТамО"),
    ("training", "Training materials", "Учебные материалы"),
    ("reports", "Reports and studies", "Отчёты и исследования"),
    ("office", "Office documents", "Документы Бюро"),
    ("meetings", "Meeting documents", "Документы мероприятий"),
]

# (category, visibility, title en, title ru, description en, description ru, languages)
DOCUMENTS = [
    (
        "wco-instruments",
        Visibility.MEMBERS,
        "Framework of Principles and Practices on Customs Professionalism",
        "Рамочные принципы и практика в области таможенного профессионализма",
        "The WCO blueprint for Customs workforce development: staffing, recruitment, "
        "learning, career paths and mobility, performance management.",
        "Разработанная ВТамО основа стратегий развития таможенного персонала: комплектование, "
        "подбор, обучение, карьера и мобильность, управление результативностью.",
        ("en", "ru"),
    ),
    (
        "training",
        Visibility.MEMBERS,
        "Post-Clearance Audit: e-learning course companion",
        "Пост-таможенный аудит: пособие к электронному курсу",
        "Notes accompanying the CLiKC! course on post-clearance audits and controls.",
        "Материалы к курсу CLiKC! по пост-таможенному аудиту и контролю.",
        ("en", "ru"),
    ),
    (
        "training",
        Visibility.MEMBERS,
        "Revised Kyoto Convention: training handbook",
        "",
        "A handbook on the General Annex of the Revised Kyoto Convention for trainers.",
        "",
        ("en",),
    ),
    (
        "reports",
        Visibility.MEMBERS,
        "Risk management practices in the region: survey results",
        "",
        "What the member administrations told the office about their risk management.",
        "",
        ("en",),
    ),
    (
        "office",
        Visibility.PUBLIC,
        "ROCB Europe Work Plan",
        "План работы РБНП Европа",
        "The office's goals and activities, their stakeholders, outputs and indicators.",
        "Цели и мероприятия Бюро, их участники, ожидаемые результаты и показатели.",
        ("en", "ru"),
    ),
    # The Work Plan page links it (workplan/demo.py makes it the plan's Strategic Framework).
    (
        "office",
        Visibility.PUBLIC,
        "ROCB Europe Strategic Framework",
        "Стратегическая рамочная программа РБНП Европа",
        "The office's mission, strategic goals and the way its Work Plan serves them.",
        "Миссия Бюро, его стратегические цели и то, как им служит План работы.",
        ("en", "ru"),
    ),
    (
        "reports",
        Visibility.PUBLIC,
        "Capacity Building Roundtable: Strong People, Strong Organizations",
        "",
        "Summary of the WCO roundtable on investing in people as the basis for organizational "
        "development.",
        "",
        ("en",),
    ),
    (
        "office",
        Visibility.STAFF,
        "Correspondence register 2025",
        "Журнал корреспонденции за 2025 год",
        "Incoming and outgoing official letters of the office (digital archive).",
        "Входящие и исходящие официальные письма Бюро (электронный архив).",
        ("en", "ru"),
    ),
    (
        "office",
        Visibility.STAFF,
        "Minutes of the regional heads of training meeting",
        "",
        "Internal minutes kept in the office's digital archive.",
        "",
        ("en",),
    ),
    # The documents of the past regional workshop on training needs analysis (outreach.demo
    # attaches them to the event: the agenda and the report for everyone, one presentation for
    # members, one for the workshop's participants only).
    (
        "meetings",
        Visibility.PUBLIC,
        "Agenda of the regional workshop on training needs analysis",
        "Повестка дня регионального семинара по анализу потребностей в обучении",
        "Two days: methods of training needs analysis, national experiences, a regional plan.",
        "Два дня: методы анализа потребностей в обучении, национальный опыт, региональный план.",
        ("en", "ru"),
    ),
    (
        "meetings",
        Visibility.MEMBERS,
        "Presentation: analysing training needs with the competency framework",
        "Презентация: анализ потребностей в обучении на основе рамки компетенций",
        "How the office's competency dictionary helps to find the gaps between jobs and people.",
        "Как словарь компетенций Бюро помогает выявить разрывы между должностями и сотрудниками.",
        ("en", "ru"),
    ),
    (
        "meetings",
        Visibility.STAFF,
        "Presentation: the national training needs survey of Georgia Revenue Service",
        "Презентация: национальное обследование потребностей в обучении Службы доходов Грузии",
        "The survey's questionnaire and first results, shared with the workshop's participants.",
        "Анкета обследования и первые результаты, представленные участникам семинара.",
        ("en", "ru"),
    ),
    (
        "meetings",
        Visibility.PUBLIC,
        "Report of the regional workshop on training needs analysis",
        "Отчёт о региональном семинаре по анализу потребностей в обучении",
        "What the workshop concluded and the regional training plan it proposes.",
        "Выводы семинара и предложенный им региональный план обучения.",
        ("en", "ru"),
    ),
]


def pdf_bytes(text: str) -> bytes:
    """A valid one-page PDF showing one line of (ASCII) text."""
    line = text.encode("ascii", "replace").replace(b"\\", b"\\\\")
    line = line.replace(b"(", b"\\(").replace(b")", b"\\)")
    stream = b"BT /F1 14 Tf 72 770 Td (" + line + b") Tj ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream),
    ]
    pdf = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(pdf))
        pdf += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(pdf)
    pdf += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    pdf += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    pdf += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(pdf)


def _entry(name: str) -> zipfile.ZipInfo:
    """A compressed archive member with a fixed date, so the same text gives the same bytes."""
    entry = zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0))
    entry.compress_type = zipfile.ZIP_DEFLATED
    return entry


def docx_bytes(text: str) -> bytes:
    """A valid Word document with one paragraph of text (any script)."""
    main = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
    package = "http://schemas.openxmlformats.org/package/2006"
    office = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
    word = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            _entry("[Content_Types].xml"),
            f'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="{package}/content-types">'
            '<Default Extension="rels" '
            'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            f'<Override PartName="/word/document.xml" ContentType="{main}"/></Types>',
        )
        archive.writestr(
            _entry("_rels/.rels"),
            f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{package}/relationships">'
            f'<Relationship Id="rId1" Type="{office}" Target="word/document.xml"/></Relationships>',
        )
        archive.writestr(
            _entry("word/document.xml"),
            f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{word}"><w:body>'
            f"<w:p><w:r><w:t>{escape(text)}</w:t></w:r></w:p></w:body></w:document>",
        )
    return buffer.getvalue()


def demo_upload(language: str, title: str) -> SimpleUploadedFile:
    """A small real file for a document's language version, named as a person would."""
    if language == "ru":
        return SimpleUploadedFile(f"{title[:60]}.docx", docx_bytes(title))
    return SimpleUploadedFile(f"{title[:60]}.pdf", pdf_bytes(title))


def load(*, stdout) -> None:
    categories = {
        slug: Category.objects.create(slug=slug, name_en=en, name_ru=ru, position=position)
        for position, (slug, en, ru) in enumerate(CATEGORIES)
    }
    today = timezone.localdate()
    for days, (slug, visibility, title_en, title_ru, text_en, text_ru, languages) in enumerate(
        DOCUMENTS
    ):
        titles = {"en": title_en, "ru": title_ru}
        document_create(
            title_en=title_en,
            title_ru=title_ru,
            description_en=text_en,
            description_ru=text_ru,
            category=categories[slug],
            visibility=visibility,
            published_on=today - datetime.timedelta(days=30 * days),
            files={language: demo_upload(language, titles[language]) for language in languages},
        )
    stdout.write(
        f"Library: {len(DOCUMENTS)} documents (public, members' and staff-only) with their files."
    )
