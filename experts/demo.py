"""Demo experts for development: three dozen records across the region (some due for
confirmation, some with limited availability, some written to in Russian, one withdrawn by the
expert and one erased), most holding two or three competencies of the (demo) framework at a
level, one pending nomination from the demo focal point with its competencies, and the
own-record links of two experts (one English, one Russian)."""

import datetime

from django.conf import settings
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone, translation

from accounts.models import User
from administrations.models import Administration
from competencies.models import Competency, ProficiencyLevel
from experts import services
from experts.models import (
    Accreditation,
    Availability,
    Expert,
    ExpertCompetency,
    ExpertiseArea,
    ExpertLanguage,
)
from experts.tokens import record_token

# A one-page PDF, enough for the CV links to download something.
DEMO_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)

POSITIONS = [
    ("Head of Risk Management Division", "Начальник отдела управления рисками"),
    ("Senior Post-Clearance Audit Inspector", "Старший инспектор пост-таможенного аудита"),
    ("Tariff Classification Specialist", "Специалист по тарифной классификации"),
    ("Customs Valuation Expert", "Эксперт по таможенной стоимости"),
    ("Head of Training Centre", "Начальник учебного центра"),
    ("HR Development Officer", "Специалист по развитию персонала"),
    ("AEO Programme Manager", "Руководитель программы УЭО"),
    ("Integrity Adviser", "Советник по вопросам добросовестности"),
    (
        "Deputy Head of Customs Procedures Department",
        "Заместитель начальника управления таможенных процедур",
    ),
    ("Border Management Coordinator", "Координатор по управлению границами"),
]

# code, given names, family name (Latin), the same in Cyrillic where the expert uses it
PEOPLE = [
    ("AZ", "Rashad", "Mammadov", "Рашад", "Мамедов"),
    ("AZ", "Aygun", "Huseynova", "Айгюн", "Гусейнова"),
    ("AZ", "Elvin", "Aliyev", "Эльвин", "Алиев"),
    ("AZ", "Nigar", "Hasanova", "Нигяр", "Гасанова"),
    ("GE", "Giorgi", "Kapanadze", "Георгий", "Капанадзе"),
    ("GE", "Tamar", "Lomidze", "Тамар", "Ломидзе"),
    ("GE", "Levan", "Tsiklauri", "", ""),
    ("KZ", "Aidos", "Nurlanov", "Айдос", "Нурланов"),
    ("KZ", "Saule", "Zhaksybekova", "Сауле", "Жаксыбекова"),
    ("KZ", "Marat", "Omarov", "Марат", "Омаров"),
    ("RU", "Sergey", "Ivanov", "Сергей", "Иванов"),
    ("RU", "Olga", "Smirnova", "Ольга", "Смирнова"),
    ("RU", "Dmitry", "Volkov", "Дмитрий", "Волков"),
    ("UA", "Oksana", "Kovalenko", "Оксана", "Коваленко"),
    ("UA", "Andriy", "Shevchuk", "Андрей", "Шевчук"),
    ("BY", "Alena", "Novik", "Алёна", "Новик"),
    ("BY", "Pavel", "Kuzmich", "Павел", "Кузьмич"),
    ("AM", "Armen", "Petrosyan", "Армен", "Петросян"),
    ("AM", "Lusine", "Grigoryan", "Лусине", "Григорян"),
    ("UZ", "Bekzod", "Karimov", "Бекзод", "Каримов"),
    ("KG", "Aida", "Toktogulova", "Аида", "Токтогулова"),
    ("TJ", "Farrukh", "Rahimov", "Фаррух", "Рахимов"),
    ("MD", "Ion", "Rusu", "Ион", "Русу"),
    ("TR", "Mehmet", "Yilmaz", "", ""),
    ("TR", "Ayse", "Demir", "", ""),
    ("RO", "George", "Bucnaru", "", ""),
    ("RO", "Liliana", "Gimbutan", "", ""),
    ("PL", "Katarzyna", "Nowak", "", ""),
    ("DE", "Thomas", "Becker", "", ""),
    ("FR", "Claire", "Martin", "", ""),
    ("NL", "Pieter", "de Vries", "", ""),
    ("FI", "Mikko", "Virtanen", "", ""),
    ("RS", "Milica", "Jovanovic", "Милица", "Йованович"),
    ("MK", "Stefan", "Trajkovski", "Стефан", "Трайковски"),
    ("AL", "Erion", "Hoxha", "", ""),
    ("EU", "Anna", "Schmidt", "", ""),
]

LANGUAGE_SETS = [
    [("en", 3), ("ru", 4)],
    [("en", 4), ("fr", 2)],
    [("ru", 4), ("en", 2), ("tr", 1)],
    [("en", 3), ("de", 4)],
    [("en", 2), ("ru", 3)],
]
ACCREDITATIONS = [
    Accreditation.NONE,
    Accreditation.EXPERT,
    Accreditation.FACILITATOR,
    Accreditation.NONE,
    Accreditation.IN_PROGRESS,
]


def _holdings(n: int, competencies: list[int], levels: dict[int, int]) -> list[tuple[int, int]]:
    """The n-th demo expert's (competency id, level id) pairs: none for every sixth, otherwise
    two or three competencies at levels 2 to 4."""
    if n % 6 == 5 or not competencies or not levels:
        return []
    chosen = {competencies[(n * 5 + step * 7) % len(competencies)] for step in range(2 + n % 2)}
    return [
        (competency, levels.get(2 + (n + step) % 3) or max(levels.values()))
        for step, competency in enumerate(sorted(chosen))
    ]


def load(*, stdout) -> None:
    areas = list(ExpertiseArea.objects.order_by("pk"))
    # The endorsed competencies of the demo framework (competencies' demo loads first).
    competencies = list(Competency.objects.endorsed().order_by("code").values_list("pk", flat=True))
    levels = dict(ProficiencyLevel.objects.values_list("number", "pk"))
    administrations = {a.code: a for a in Administration.objects.all()}
    today = timezone.localdate()
    experts = []
    for n, (code, given_en, family_en, given_ru, family_ru) in enumerate(PEOPLE):
        position_en, position_ru = POSITIONS[n % len(POSITIONS)]
        email_name = f"{given_en}.{family_en}".lower().replace(" ", "")
        expert = Expert(
            administration=administrations[code],
            given_names_en=given_en,
            family_name_en=family_en,
            given_names_ru=given_ru,
            family_name_ru=family_ru,
            position_en=position_en,
            position_ru=position_ru,
            email=f"{email_name}@customs.{code.lower()}.test",
            phone=f"+000 12 {n:03d} 45 67",
            accreditation=ACCREDITATIONS[n % len(ACCREDITATIONS)],
            experience_en="Delivered national and regional workshops; WCO mission experience.",
            experience_ru="Проводил национальные и региональные семинары; опыт миссий ВТамО.",
            consent_given_on=today - datetime.timedelta(days=400 + n),
            # Every fourth record was last confirmed over a year ago: it shows as stale.
            confirmed_on=today - datetime.timedelta(days=420 if n % 4 == 0 else 30 * (n % 10)),
            availability=[Availability.AVAILABLE, Availability.LIMITED, Availability.UNAVAILABLE][
                0 if n % 5 else (n // 5) % 3
            ],
            # Experts with a Cyrillic name are written to in Russian, every other one of them.
            language="ru" if family_ru and n % 2 else "en",
        )
        if n % 3 == 0:
            expert.cv.save(f"CV {given_en} {family_en}.pdf", ContentFile(DEMO_PDF), save=False)
            expert.cv_name = f"CV {given_en} {family_en}.pdf"
        expert.full_clean()
        expert.save()
        expert.areas.set(areas[(n + step * 7) % len(areas)] for step in range(3))
        ExpertLanguage.objects.bulk_create(
            ExpertLanguage(expert=expert, language=language, level=level)
            for language, level in LANGUAGE_SETS[n % len(LANGUAGE_SETS)]
        )
        ExpertCompetency.objects.bulk_create(
            ExpertCompetency(expert=expert, competency_id=competency, level_id=level)
            for competency, level in _holdings(n, competencies, levels)
        )
        experts.append(expert.pk)
    services.expert_index(expert_ids=experts)

    focal_point = User.objects.filter(is_focal_point=True, administration__code="AZ").first()
    if focal_point is not None:
        cv = ContentFile(DEMO_PDF, name="Резюме Лейла Гасымова.pdf")
        nomination = services.nomination_submit(
            nominated_by=focal_point,
            details={
                "given_names_en": "Leyla",
                "family_name_en": "Gasimova",
                "given_names_ru": "Лейла",
                "family_name_ru": "Гасымова",
                "position_en": "Senior Inspector, Rules of Origin Unit",
                "position_ru": "Старший инспектор отдела правил происхождения",
                "email": "leyla.gasimova@customs.az.test",
                "accreditation": Accreditation.NONE,
                "cv": cv,
            },
            areas=ExpertiseArea.objects.filter(slug__in=["origin", "valuation"]),
            languages=[("az", 4), ("ru", 4), ("en", 3)],
            competencies=[
                (competency.pk, levels[number])
                for competency, number in zip(
                    Competency.objects.endorsed()
                    .filter(code__in=["OP-01", "OP-02"])
                    .order_by("code"),
                    (3, 4),
                    strict=False,
                )
                if number in levels
            ],
        )
        # Corrected from the Russian pages: the admin's history shows the change, old and new
        # value, and its note, in English or in Russian as the reader reads the admin.
        with translation.override("ru"):
            services.nomination_correct(
                nomination=nomination,
                by=focal_point,
                details={"phone": "+994 12 404 12 34", "position_en": "Head of Unit, Origin"},
                areas=ExpertiseArea.objects.filter(slug__in=["origin", "valuation"]),
                languages=[("az", 4), ("ru", 4), ("en", 3)],
            )
    # The last two: one withdrew (hidden from members, erased after the retention period), the
    # other withdrew long ago and is erased (the row kept for the counts).
    *_, erased, withdrawn = Expert.objects.order_by("pk")
    services.expert_withdraw(expert=withdrawn)
    services.expert_withdraw(expert=erased)
    services.expert_erase(expert=erased)
    stale = Expert.objects.listed().stale().count()
    held = ExpertCompetency.objects.count()
    stdout.write(
        f"Experts: {len(experts)} records ({stale} due for confirmation, 1 withdrawn, 1 erased, "
        f"{held} competencies held), 1 pending nomination (corrected once)."
    )
    for expert in (
        Expert.objects.listed().filter(language="en").first(),
        Expert.objects.listed().filter(language="ru").first(),
    ):
        with translation.override(expert.language):
            url = settings.SITE_URL + reverse("experts:record", args=[record_token(expert)])
        stdout.write(f"An expert's own record ({expert.full_name}): {url}")
