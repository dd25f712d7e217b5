"""The framework's reference data, in English and Russian.

- The WCO customs qualifications framework (Annex II to Doc. HC0017E1a, tentative): levels 4 and
  5 with a practitioner and a manager profile each, the English copied word for word (each cell's
  items one per line), and the six topical clusters of the WCO Framework of Principles and
  Practices on Customs Professionalism.
- The office's three functional areas and three competency families (seed 001).

(This migration once also loaded an invented proficiency scale, 10 positions and 18
competencies. They are demo data now, in `competencies/starter.py`; migration 0004 removes them
from the databases that still hold them unchanged.)
"""

from django.db import migrations

AREAS = [
    # code, name (en, ru), description (en, ru)
    (
        "management",
        ("Management", "Управление"),
        (
            "Positions that lead the office, set its direction and answer for its results.",
            "Должности, которые руководят бюро, определяют направление его работы и отвечают "
            "за результаты.",
        ),
    ),
    (
        "support",
        ("Support", "Обеспечение деятельности"),
        (
            "Positions that keep the office running: finance, administration, communication "
            "and information technology.",
            "Должности, обеспечивающие работу бюро: финансы, администрирование, коммуникации и "
            "информационные технологии.",
        ),
    ),
    (
        "technical",
        ("Technical", "Техническая деятельность"),
        (
            "Positions that deliver capacity building to the Members: needs assessment, "
            "training, experts and projects.",
            "Должности, которые обеспечивают наращивание потенциала членов: оценку потребностей, "
            "обучение, работу с экспертами и проекты.",
        ),
    ),
]

FAMILIES = [
    (
        "managerial",
        ("Managerial and behavioural competencies", "Управленческие и поведенческие компетенции"),
        (
            "How people lead, decide, communicate and behave at work, whatever their position.",
            "Как сотрудники руководят, принимают решения, общаются и ведут себя на работе, "
            "независимо от должности.",
        ),
    ),
    (
        "support",
        ("Support competencies", "Обеспечивающие компетенции"),
        (
            "The know-how that keeps the office running: finance, administration, information "
            "and communication.",
            "Знания и умения, обеспечивающие работу бюро: финансы, администрирование, информация "
            "и коммуникации.",
        ),
    ),
    (
        "operational",
        ("Operational competencies", "Операционные компетенции"),
        (
            "The customs and capacity-building expertise the office delivers to the Members of "
            "the region.",
            "Таможенная экспертиза и опыт наращивания потенциала, которые бюро предоставляет "
            "членам региона.",
        ),
    ),
]

# Annex II to Doc. HC0017E1a, "Tentative Qualifications Framework": English word for word.
_L4_KNOWLEDGE = (
    "Factual and theoretical knowledge in broad contexts within Customs processes and "
    "procedures and regimes",
    "Фактические и теоретические знания в широком контексте таможенных процессов, процедур и "
    "режимов",
)
_L4_SKILLS = (
    "A range of cognitive and practical skills required to generate solutions to specific "
    "problems in Customs processes and procedures and regimes",
    "Набор когнитивных и практических навыков, необходимых для поиска решений конкретных "
    "проблем в таможенных процессах, процедурах и режимах",
)
_L4_COMPETENCIES = [
    (
        "Exercise self-management within the guidelines of work or study contexts that are "
        "usually predictable, but are subject to change",
        "Самостоятельно организовывать свою работу в рамках установленных правил в рабочих или "
        "учебных ситуациях, которые обычно предсказуемы, но могут меняться",
    ),
    (
        "Supervise the routine work of others, taking some responsibility for the evaluation "
        "and improvement of work or study activities",
        "Контролировать текущую работу других, принимая на себя определённую ответственность за "
        "оценку и совершенствование рабочей или учебной деятельности",
    ),
]
_L5_SKILLS = (
    "A comprehensive range of cognitive and practical skills required to develop creative "
    "solutions to abstract problems",
    "Широкий спектр когнитивных и практических навыков, необходимых для разработки творческих "
    "решений абстрактных проблем",
)
_L5_REVIEW = (
    "Review and develop performance of self and others",
    "Анализировать и развивать результативность собственной работы и работы других",
)

QUALIFICATIONS = [
    {
        "level": 4,
        "track": "practitioner",
        "profile": ("Senior Customs practitioner", "Старший таможенный специалист"),
        "certificate": ("Ordinary Diploma", "Диплом стандартного уровня"),
        "knowledge": [
            _L4_KNOWLEDGE,
            ("Understand all the Customs regimes", "Понимание всех таможенных режимов"),
        ],
        "skills": [_L4_SKILLS],
        "tasks": [
            (
                "Be totally autonomous to understand and solve a problem",
                "Полностью самостоятельно разбираться в проблеме и решать её",
            ),
            ("Coach lower practitioners", "Наставлять специалистов более низкого уровня"),
            ("Apply risk assessment techniques", "Применять методы оценки рисков"),
        ],
        "competencies": _L4_COMPETENCIES,
    },
    {
        "level": 4,
        "track": "manager",
        "profile": ("Junior manager", "Руководитель младшего звена"),
        "certificate": ("Ordinary Diploma", "Диплом стандартного уровня"),
        "knowledge": [
            _L4_KNOWLEDGE,
            (
                "Knowledge of management, HR systems",
                "Знание систем управления и управления персоналом",
            ),
        ],
        "skills": [
            _L4_SKILLS,
            ("Management/leadership skills", "Навыки управления и лидерства"),
            ("Interpersonal skills", "Навыки межличностного общения"),
        ],
        "tasks": [
            ("Manage Performance", "Управлять результативностью работы"),
            (
                "Plan and monitor the operational work carried out by the team",
                "Планировать оперативную работу команды и контролировать её выполнение",
            ),
        ],
        "competencies": _L4_COMPETENCIES,
    },
    {
        "level": 5,
        "track": "practitioner",
        "profile": ("Specialist", "Специалист"),
        "certificate": ("Higher Diploma", "Диплом повышенного уровня"),
        "knowledge": [
            (
                "Comprehensive, specialized, factual and theoretical knowledge about Customs "
                "processes, procedures and regimes and an awareness of the boundaries of that "
                "knowledge",
                "Всесторонние специализированные фактические и теоретические знания о "
                "таможенных процессах, процедурах и режимах и понимание границ этих знаний",
            ),
        ],
        "skills": [
            _L5_SKILLS,
            ("Mentoring, coaching and training skills", "Навыки наставничества, коучинга и обучения"),
        ],
        "tasks": [
            ("Undertake complex case work,", "Вести сложные дела,"),
            (
                "Assess the wider implications of an individual case work,",
                "Оценивать более широкие последствия работы по отдельному делу,",
            ),
            (
                "Interact with stakeholders at the highest level.",
                "Взаимодействовать с заинтересованными сторонами на самом высоком уровне.",
            ),
            (
                "Draft guidance and educational materials",
                "Готовить руководства и учебные материалы",
            ),
        ],
        "competencies": [
            (
                "Exercise supervision in contexts of work or study activities where there is "
                "unpredictable change",
                "Осуществлять контроль в рабочих или учебных ситуациях, подверженных "
                "непредсказуемым изменениям",
            ),
            _L5_REVIEW,
        ],
    },
    {
        "level": 5,
        "track": "manager",
        "profile": ("Middle manager", "Руководитель среднего звена"),
        "certificate": ("Higher Diploma", "Диплом повышенного уровня"),
        "knowledge": [
            (
                "Comprehensive, specialized, factual and theoretical knowledge within Customs "
                "processes and procedures and regimes and an awareness of the boundaries of that "
                "knowledge",
                "Всесторонние специализированные фактические и теоретические знания в области "
                "таможенных процессов, процедур и режимов и понимание границ этих знаний",
            ),
            (
                "Specialised knowledge of particular aspects (e.g. HR)",
                "Специальные знания отдельных аспектов (например, управления персоналом)",
            ),
        ],
        "skills": [_L5_SKILLS],
        "tasks": [
            (
                "Responsible for the management of larger or more specialized teams",
                "Отвечать за руководство более крупными или более специализированными командами",
            ),
            (
                "Apply a performance management system",
                "Применять систему управления результативностью",
            ),
        ],
        "competencies": [
            (
                "Exercise management and supervision in contexts of work or study activities "
                "where there is unpredictable change",
                "Осуществлять руководство и контроль в рабочих или учебных ситуациях, "
                "подверженных непредсказуемым изменениям",
            ),
            _L5_REVIEW,
        ],
    },
]

_PRINCIPLES = [("Principles - Practices", "Принципы — практики")]
CLUSTERS = [
    (
        1,
        ("Customs Job Profiles", "Таможенные должностные профили"),
        [
            ("Job families - Competencies Cards", "Семейства должностей — карточки компетенций"),
            (
                "Developmental Programs/Progression criteria",
                "Программы развития / критерии продвижения",
            ),
        ],
    ),
    (2, ("Workforce Development Strategy", "Стратегия развития персонала"), _PRINCIPLES),
    (3, ("Recruitment and On-boarding", "Набор и адаптация персонала"), _PRINCIPLES),
    (
        4,
        ("Career Development Paths and Training", "Пути карьерного развития и обучение"),
        _PRINCIPLES,
    ),
    (
        5,
        (
            "Leadership and Management Development Path",
            "Путь развития лидерских и управленческих качеств",
        ),
        _PRINCIPLES,
    ),
    (
        6,
        ("Career Development Tools and Practices", "Инструменты и практики карьерного развития"),
        [
            (
                "Succession Planning, Mobility and Outplacement - Rotation and Posting",
                "Планирование преемственности, мобильность и содействие трудоустройству — "
                "ротация и назначение",
            ),
            (
                "Talent Management - Personal Development Planning and Learning",
                "Управление талантами — планирование личного развития и обучение",
            ),
            (
                "Performance Appraisal System - Professional Standards",
                "Система оценки результативности — профессиональные стандарты",
            ),
        ],
    ),
]


def _translated(name, pair):
    """The base column and both language columns of a translated field."""
    english, russian = pair
    return {name: english, f"{name}_en": english, f"{name}_ru": russian}


def _joined(items):
    return ("\n".join(en for en, _ru in items), "\n".join(ru for _en, ru in items))


def load(apps, schema_editor):
    model = apps.get_model
    for position, (code, name, description) in enumerate(AREAS, 1):
        model("competencies", "FunctionalArea").objects.create(
            code=code,
            position=position,
            **_translated("name", name),
            **_translated("description", description),
        )
    for position, (code, name, description) in enumerate(FAMILIES, 1):
        model("competencies", "CompetencyFamily").objects.create(
            code=code,
            position=position,
            **_translated("name", name),
            **_translated("description", description),
        )
    for row in QUALIFICATIONS:
        model("competencies", "QualificationLevel").objects.create(
            level=row["level"],
            track=row["track"],
            **_translated("profile", row["profile"]),
            **_translated("certificate", row["certificate"]),
            **{
                key: value
                for aspect in ("knowledge", "skills", "tasks", "competencies")
                for key, value in _translated(aspect, _joined(row[aspect])).items()
            },
        )
    for number, title, topics in CLUSTERS:
        model("competencies", "TopicalCluster").objects.create(
            number=number, **_translated("title", title), **_translated("topics", _joined(topics))
        )


def unload(apps, schema_editor):
    for name in (
        "Requirement",
        "JobPosition",
        "LevelDescriptor",
        "Competency",
        "ProficiencyLevel",
        "CompetencyFamily",
        "FunctionalArea",
        "QualificationLevel",
        "TopicalCluster",
    ):
        apps.get_model("competencies", name).objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("competencies", "0001_initial")]

    operations = [migrations.RunPython(load, unload)]
