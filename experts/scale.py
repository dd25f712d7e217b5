"""Benchmark scale: 10,000 experts with their areas of expertise, languages and competencies of the
framework (0–4 each, at a level of its scale), in both languages, their search vectors built by
the app's own `expert_index()`.

`make_experts()` is also used by `python -m bench.experts_search` (on the development database,
rolled back).
"""

import datetime
import random

from django.db import connection
from django.utils import timezone

from administrations.models import Administration
from competencies.models import Competency, ProficiencyLevel
from core.scaling import bilingual, generator, scaled
from experts import services
from experts.models import (
    LANGUAGES,
    Accreditation,
    Expert,
    ExpertCompetency,
    ExpertiseArea,
    ExpertLanguage,
)

EXPERTS = 10_000

GIVEN = [
    ("Elvin", "Эльвин"), ("Nigar", "Нигяр"), ("Giorgi", "Георгий"), ("Tamar", "Тамар"),
    ("Aidos", "Айдос"), ("Saule", "Сауле"), ("Sergey", "Сергей"), ("Olga", "Ольга"),
    ("Oksana", "Оксана"), ("Ion", "Ион"), ("Ana", "Ана"), ("Marek", "Марек"),
]  # fmt: skip
FAMILY = [
    ("Aliyev", "Алиев"), ("Hasanova", "Гасанова"), ("Kapanadze", "Капанадзе"),
    ("Lomidze", "Ломидзе"), ("Nurlanov", "Нурланов"), ("Ivanov", "Иванов"),
    ("Smirnova", "Смирнова"), ("Rusu", "Русу"), ("Popescu", "Попеску"), ("Novak", "Новак"),
]  # fmt: skip
POSITIONS = [
    ("Head of Risk Management Division", "Начальник отдела управления рисками"),
    ("Senior Post-Clearance Audit Inspector", "Старший инспектор пост-таможенного аудита"),
    ("Tariff Classification Specialist", "Специалист по тарифной классификации"),
    ("Customs Valuation Expert", "Эксперт по таможенной стоимости"),
    ("Head of Training Centre", "Начальник учебного центра"),
    ("HR Development Officer", "Специалист по развитию персонала"),
    ("AEO Programme Manager", "Руководитель программы УЭО"),
    ("Integrity Adviser", "Советник по вопросам добросовестности"),
]
EXPERIENCE = [
    (
        "Led national workshops on the Revised Kyoto Convention.",
        "Проводил национальные семинары по Пересмотренной Киотской конвенции.",
    ),
    (
        "WCO diagnostic missions on risk management and post-clearance audit.",
        "Диагностические миссии ВТамО по управлению рисками и пост-таможенному аудиту.",
    ),
    (
        "Designed e-learning modules for the national training centre.",
        "Разработал модули электронного обучения для национального учебного центра.",
    ),
    ("", ""),
]
ACCREDITATIONS = [Accreditation.NONE] * 2 + [
    Accreditation.IN_PROGRESS,
    Accreditation.EXPERT,
    Accreditation.FACILITATOR,
]


def make_experts(count: int, *, rng: random.Random) -> list[Expert]:
    """`count` experts of the member administrations with 1–4 areas, 1–3 languages and 0–4
    competencies (of the endorsed framework, where there is one) each, indexed for the search."""
    administrations = list(Administration.objects.members())
    areas = list(ExpertiseArea.objects.all())
    others = [code for code, _name in LANGUAGES if code not in ("en", "ru")]
    today = timezone.localdate()
    start = Expert.objects.count()
    experts = Expert.objects.bulk_create(
        (
            Expert(
                administration=rng.choice(administrations),
                **bilingual("given_names", *(given := rng.choice(GIVEN))),
                **bilingual("family_name", *(family := rng.choice(FAMILY))),
                **bilingual("position", *rng.choice(POSITIONS)),
                **bilingual("experience", *rng.choice(EXPERIENCE)),
                email=f"{given[0]}.{family[0]}.{start + n}@customs.test".lower(),
                accreditation=rng.choice(ACCREDITATIONS),
                consent_given_on=today,
                # About a third of the records are over a year old (stale).
                confirmed_on=today - datetime.timedelta(days=rng.randrange(540)),
            )
            for n in range(count)
        ),
        batch_size=2000,
    )
    Expert.areas.through.objects.bulk_create(
        (
            Expert.areas.through(expert_id=expert.pk, expertisearea_id=area.pk)
            for expert in experts
            for area in rng.sample(areas, rng.randint(1, 4))
        ),
        batch_size=5000,
    )
    ExpertLanguage.objects.bulk_create(
        (
            ExpertLanguage(expert=expert, language=code, level=rng.randint(1, 4))
            for expert in experts
            for code in rng.sample(["en", "ru", *rng.sample(others, 2)], rng.randint(1, 3))
        ),
        batch_size=5000,
    )
    competencies = list(Competency.objects.endorsed().values_list("pk", flat=True))
    levels = list(ProficiencyLevel.objects.values_list("pk", flat=True))
    if competencies and levels:
        ExpertCompetency.objects.bulk_create(
            (
                ExpertCompetency(
                    expert=expert, competency_id=competency, level_id=rng.choice(levels)
                )
                for expert in experts
                for competency in rng.sample(
                    competencies, min(rng.randint(0, 4), len(competencies))
                )
            ),
            batch_size=5000,
        )
    services.expert_index(expert_ids=[expert.pk for expert in experts])
    with connection.cursor() as cursor:
        for table in (
            "experts_expert",
            "experts_expert_areas",
            "experts_expertlanguage",
            "experts_expertcompetency",
        ):
            cursor.execute(f"ANALYZE {table}")
    return experts


def load(*, stdout, scale: float = 1.0) -> None:
    experts = make_experts(scaled(EXPERTS, scale), rng=generator(7))
    stdout.write(f"  {len(experts)} experts")
