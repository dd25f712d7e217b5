"""Benchmark scale: the full competency framework of the office's tools, 23 positions and 80
competencies (on top of the demo data's starter 10 and 18), all endorsed, every competency
described at every proficiency level, and each new position's requirements, in both languages.
Reference data: the same size at any scale. The search vectors are generated columns, kept by
PostgreSQL."""

from competencies import starter
from competencies.models import (
    Competency,
    CompetencyFamily,
    FunctionalArea,
    JobPosition,
    LevelDescriptor,
    ProficiencyLevel,
    Requirement,
)
from core.scaling import bilingual, generator

ENDORSED = starter.DEMO_ENDORSEMENT

POSITIONS = 23
COMPETENCIES = 80

# family code: (code prefix, competencies beyond the starter dictionary)
NEW_COMPETENCIES = {
    "managerial": (
        "MB",
        [
            ("Negotiation", "Ведение переговоров"),
            ("Coaching and mentoring", "Коучинг и наставничество"),
            ("Delegation", "Делегирование полномочий"),
            ("Conflict resolution", "Разрешение конфликтов"),
            ("Innovation", "Инновационность"),
            ("Resilience", "Стрессоустойчивость"),
            ("Accountability", "Ответственность"),
            ("Intercultural awareness", "Межкультурная осведомлённость"),
            ("Decision making", "Принятие решений"),
            ("Building partnerships", "Построение партнёрских отношений"),
            ("Presentation skills", "Навыки презентации"),
            ("Service orientation", "Ориентация на потребности членов"),
            ("Self-development", "Саморазвитие"),
            ("Managing change", "Управление изменениями"),
            ("Team building", "Формирование команды"),
            ("Influencing", "Влияние и убеждение"),
            ("Analytical thinking", "Аналитическое мышление"),
            ("Initiative", "Инициативность"),
            ("Results orientation", "Ориентация на результат"),
            ("Managing performance", "Управление результативностью"),
        ],
    ),
    "support": (
        "SU",
        [
            ("Budgeting", "Бюджетирование"),
            ("Procurement", "Закупки"),
            ("Event logistics", "Логистика мероприятий"),
            ("Translation and interpretation", "Письменный и устный перевод"),
            ("Web content management", "Управление веб-контентом"),
            ("Data protection", "Защита данных"),
            ("IT support", "ИТ-поддержка"),
            ("Financial reporting", "Финансовая отчётность"),
            ("Contract management", "Управление договорами"),
            ("Travel arrangements", "Организация поездок"),
            ("Document design", "Оформление документов"),
            ("Social media", "Социальные сети"),
            ("Database administration", "Администрирование баз данных"),
            ("Internal audit", "Внутренний аудит"),
            ("Office administration", "Административное управление офисом"),
            ("Asset management", "Управление имуществом"),
            ("Protocol", "Протокол"),
            ("Editing and proofreading", "Редактирование и корректура"),
            ("Statistics", "Статистика"),
            ("Archiving", "Архивное дело"),
        ],
    ),
    "operational": (
        "OP",
        [
            ("Tariff classification", "Тарифная классификация"),
            ("Customs valuation", "Таможенная стоимость"),
            ("Rules of origin", "Правила происхождения"),
            ("Post-clearance audit", "Пост-таможенный аудит"),
            ("AEO validation", "Валидация УЭО"),
            ("Risk profiling", "Профилирование рисков"),
            ("Coordinated border management", "Скоординированное управление границами"),
            ("Trade facilitation", "Упрощение процедур торговли"),
            ("Enforcement and compliance", "Правоприменение и соблюдение требований"),
            ("Intellectual property rights", "Права интеллектуальной собственности"),
            ("Transit procedures", "Транзитные процедуры"),
            ("Single window", "Единое окно"),
            ("Customs data analysis", "Анализ таможенных данных"),
            ("Training needs analysis", "Анализ потребностей в обучении"),
            ("Curriculum design", "Разработка учебных программ"),
            ("Facilitating learning", "Проведение обучения"),
            ("Diagnostic missions", "Диагностические миссии"),
            ("Performance measurement", "Измерение результативности"),
            ("Revenue collection", "Взимание таможенных платежей"),
            ("Environmental border issues", "Экологические вопросы на границе"),
            ("Gender equality and diversity", "Гендерное равенство и многообразие"),
            ("Regional cooperation", "Региональное сотрудничество"),
        ],
    ),
}

# slug, area code, reports to (slug), title (en, ru)
NEW_POSITIONS = [
    ("regional-coordinator", "management", "head-of-office",
     ("Regional Coordinator", "Региональный координатор")),
    ("projects-manager", "management", "head-of-office",
     ("Donor Projects Manager", "Руководитель донорских проектов")),
    ("office-manager", "support", "deputy-head-of-office", ("Office Manager", "Офис-менеджер")),
    ("finance-assistant", "support", "finance-administration-officer",
     ("Finance Assistant", "Помощник по финансам")),
    ("administrative-assistant", "support", "deputy-head-of-office",
     ("Administrative Assistant", "Административный ассистент")),
    ("translator", "support", "communication-officer",
     ("Translator and Interpreter", "Письменный и устный переводчик")),
    ("web-editor", "support", "communication-officer", ("Web Editor", "Веб-редактор")),
    ("risk-management-adviser", "technical", "programme-manager",
     ("Risk Management Adviser", "Советник по управлению рисками")),
    ("hrm-adviser", "technical", "programme-manager",
     ("Competency-based HRM Adviser", "Советник по управлению персоналом на основе компетенций")),
    ("e-learning-specialist", "technical", "training-coordinator",
     ("E-learning Specialist", "Специалист по электронному обучению")),
    ("trade-facilitation-adviser", "technical", "programme-manager",
     ("Trade Facilitation Adviser", "Советник по упрощению процедур торговли")),
    ("project-officer", "technical", "projects-manager",
     ("Project Officer", "Специалист по проектам")),
    ("intern", "technical", "capacity-building-officer", ("Intern", "Стажёр")),
]  # fmt: skip

INDICATORS = {
    1: (
        "Knows the main terms of “{en}” and where to find guidance.\nApplies them with support.",
        "Знает основные понятия области «{ru}» и где найти методические указания.\n"
        "Применяет их при поддержке коллег.",
    ),
    2: (
        "Applies “{en}” on their own in routine work.\nKnows when to ask for help.",
        "Самостоятельно применяет навыки области «{ru}» в обычной работе.\n"
        "Понимает, когда обратиться за помощью.",
    ),
    3: (
        "Handles complex and new cases of “{en}”.\nShares know-how with colleagues.",
        "Справляется со сложными и новыми задачами в области «{ru}».\nДелится опытом с коллегами.",
    ),
    4: (
        "Sets the standard for “{en}” in the region.\nCoaches others and improves the methods.",
        "Задаёт стандарт в области «{ru}» в регионе.\nОбучает других и совершенствует методы.",
    ),
}


def _competencies() -> None:
    families = {family.code: family for family in CompetencyFamily.objects.all()}
    existing = set(Competency.objects.values_list("code", flat=True))
    missing = COMPETENCIES - len(existing)
    new = []
    for family_code, (prefix, names) in NEW_COMPETENCIES.items():
        number = 0
        for en, ru in names:
            if len(new) == missing:
                break
            number += 1
            while f"{prefix}-{number:02d}" in existing:
                number += 1
            new.append(
                Competency(
                    family=families[family_code],
                    code=f"{prefix}-{number:02d}",
                    position=number,
                    **ENDORSED,
                    **bilingual("name", en, ru),
                    **bilingual(
                        "definition",
                        f"Applies “{en}” in the office's work with the Members of the region.",
                        f"Применяет знания и навыки в области «{ru}» в работе бюро с членами "
                        "региона.",
                    ),
                )
            )
    Competency.objects.bulk_create(new)


def _descriptors() -> None:
    """Every competency described at every level of the scale (those the seed has are kept)."""
    described = set(LevelDescriptor.objects.values_list("competency_id", "level_id"))
    LevelDescriptor.objects.bulk_create(
        LevelDescriptor(
            competency=competency,
            level=level,
            **bilingual(
                "indicators",
                *(
                    text.format(en=competency.name_en, ru=competency.name_ru)
                    for text in INDICATORS[min(level.number, max(INDICATORS))]
                ),
            ),
        )
        for competency in Competency.objects.all()
        for level in ProficiencyLevel.objects.all()
        if (competency.pk, level.pk) not in described
    )


def _positions(rng) -> None:
    areas = {area.code: area for area in FunctionalArea.objects.all()}
    positions = {position.slug: position for position in JobPosition.objects.all()}
    start = len(positions)
    for order, (slug, area, manager, title) in enumerate(NEW_POSITIONS, start + 1):
        if len(positions) >= POSITIONS or slug in positions:
            continue
        # One by one: a new position may report to one made just before it.
        positions[slug] = JobPosition.objects.create(
            area=areas[area],
            slug=slug,
            reports_to=positions.get(manager),
            position=order,
            **ENDORSED,
            **bilingual("title", *title),
            **bilingual(
                "purpose",
                f"The {title[0]} contributes to the office's work plan in their field.",
                f"{title[1]} вносит вклад в выполнение плана работы бюро в своей области.",
            ),
            **bilingual(
                "duties",
                "Plans their work with the manager\nReports on results\nKeeps records current",
                "Планирует работу с руководителем\nОтчитывается о результатах\n"
                "Поддерживает актуальность документации",
            ),
        )
    competencies = list(Competency.objects.all())
    levels = list(ProficiencyLevel.objects.all())
    required = set(Requirement.objects.values_list("position_id", flat=True))
    Requirement.objects.bulk_create(
        Requirement(position=position, competency=competency, level=rng.choice(levels))
        for position in positions.values()
        if position.pk not in required
        for competency in rng.sample(competencies, rng.randint(8, 12))
    )


def load(*, stdout, scale: float = 1.0) -> None:
    if not JobPosition.objects.exists():
        starter.load(**ENDORSED)
    _competencies()
    _descriptors()
    _positions(generator(17))
    stdout.write(
        f"  {JobPosition.objects.count()} positions, {Competency.objects.count()} competencies, "
        f"{LevelDescriptor.objects.count()} descriptors, {Requirement.objects.count()} requirements"
    )
