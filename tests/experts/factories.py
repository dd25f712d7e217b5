"""Builders of experts and nominations for the tests, with sensible defaults."""

import datetime
import io
import zipfile
from itertools import count

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from competencies.models import ProficiencyLevel
from experts import services
from experts.models import Expert, ExpertCompetency, ExpertiseArea, ExpertLanguage, Nomination

PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
_serial = count(1)


def docx_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


def pdf_upload(name: str = "Резюме.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, PDF, content_type="application/pdf")


def area(slug: str) -> ExpertiseArea:
    return ExpertiseArea.objects.get(slug=slug)


def make_expert(
    *,
    administration,
    areas=("risk-management",),
    languages=(("en", 3),),
    competencies=(),
    index: bool = True,
    **fields,
) -> Expert:
    """An expert; `competencies` are (Competency, level number) pairs of the scale there is."""
    n = next(_serial)
    fields.setdefault("given_names_en", f"Given{n}")
    fields.setdefault("family_name_en", f"Family{n}")
    fields.setdefault("position_en", "Customs officer")
    fields.setdefault("email", f"expert{n}@customs.test")
    fields.setdefault("consent_given_on", timezone.localdate() - datetime.timedelta(days=30))
    expert = Expert(administration=administration, **fields)
    expert.full_clean()
    expert.save()
    expert.areas.set(ExpertiseArea.objects.filter(slug__in=areas))
    ExpertLanguage.objects.bulk_create(
        ExpertLanguage(expert=expert, language=language, level=level)
        for language, level in languages
    )
    if competencies:
        levels = dict(ProficiencyLevel.objects.values_list("number", "pk"))
        ExpertCompetency.objects.bulk_create(
            ExpertCompetency(expert=expert, competency=competency, level_id=levels[number])
            for competency, number in competencies
        )
    if index:
        services.expert_index(expert_ids=[expert.pk])
    return expert


def make_experts(count_: int, *, administrations, areas=("risk-management",), **fields):
    """Many experts at once (bulk inserts), indexed for search."""
    all_areas = list(ExpertiseArea.objects.filter(slug__in=areas))
    today = timezone.localdate()
    experts = Expert.objects.bulk_create(
        Expert(
            administration=administrations[n % len(administrations)],
            given_names_en=f"Given{n}",
            family_name_en=f"Family{n}",
            position_en=fields.get("position_en", "Customs officer"),
            position_ru=fields.get("position_ru", "Таможенный инспектор"),
            email=f"bulk{next(_serial)}-{n}@customs.test",
            consent_given_on=today,
            confirmed_on=today,
        )
        for n in range(count_)
    )
    Expert.areas.through.objects.bulk_create(
        Expert.areas.through(expert_id=expert.pk, expertisearea_id=a.pk)
        for expert in experts
        for a in all_areas
    )
    ExpertLanguage.objects.bulk_create(
        ExpertLanguage(expert=expert, language=language, level=3)
        for expert in experts
        for language in ("en", "ru")
    )
    services.expert_index(expert_ids=[expert.pk for expert in experts])
    return experts


def make_nomination(
    *,
    nominated_by,
    areas=("risk-management",),
    languages=(("en", 3), ("ru", 4)),
    **details,
) -> Nomination:
    n = next(_serial)
    details.setdefault("given_names_en", f"Nominee{n}")
    details.setdefault("family_name_en", f"Candidate{n}")
    details.setdefault("position_en", "Risk analyst")
    details.setdefault("email", f"nominee{n}@customs.test")
    details.setdefault("accreditation", "none")
    details.setdefault("cv", pdf_upload("CV.pdf"))
    return services.nomination_submit(
        nominated_by=nominated_by,
        details=details,
        areas=ExpertiseArea.objects.filter(slug__in=areas),
        languages=languages,
    )
