"""The framework's reference data, in English and Russian.

- The WCO customs qualifications framework (Annex II to Doc. HC0017E1a, tentative): levels 4 and
  5 with a practitioner and a manager profile each, the English copied word for word (each cell's
  items one per line), and the six topical clusters of the WCO Framework of Principles and
  Practices on Customs Professionalism.
- The office's three functional areas and three competency families, and the four-step
  proficiency scale.
- A starter job catalogue (10 of the 23 positions) and dictionary (18 of the 80 competencies)
  in the shape of the office's tools, marked as drafts: the office completes and confirms them in
  the admin.
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

LEVELS = [
    (
        1,
        ("Awareness", "Базовые представления"),
        (
            "Knows the main ideas and terms and where to find guidance; applies them with "
            "support.",
            "Знает основные идеи и термины и где найти методические указания; применяет их при "
            "поддержке других.",
        ),
    ),
    (
        2,
        ("Working", "Рабочий уровень"),
        (
            "Applies the competency on their own in routine situations and knows when to ask "
            "for help.",
            "Самостоятельно применяет компетенцию в обычных ситуациях и понимает, когда нужно "
            "обратиться за помощью.",
        ),
    ),
    (
        3,
        ("Practitioner", "Уверенное владение"),
        (
            "Handles complex and new situations, shares know-how with colleagues and improves "
            "how the work is done.",
            "Справляется со сложными и новыми ситуациями, делится опытом с коллегами и "
            "совершенствует методы работы.",
        ),
    ),
    (
        4,
        ("Expert", "Экспертный уровень"),
        (
            "A recognised authority inside and outside the office who shapes practice, standards "
            "and strategy.",
            "Признанный авторитет в бюро и за его пределами, формирующий практику, стандарты и "
            "стратегию.",
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

# The starter dictionary (drafts): code, family, name, definition, indicators at levels 1-4.
COMPETENCIES = [
    (
        "MB-01",
        "managerial",
        ("Strategic thinking", "Стратегическое мышление"),
        (
            "Sees the bigger picture, anticipates change and links the office's work to the WCO "
            "Strategic Plan and the needs of the region.",
            "Видит общую картину, предвидит изменения и увязывает работу бюро со Стратегическим "
            "планом ВТамО и потребностями региона.",
        ),
        [
            (
                "Knows the WCO Strategic Plan and the office's goals.\n"
                "Explains how their own tasks contribute to them.",
                "Знает Стратегический план ВТамО и цели бюро.\n"
                "Объясняет, как его собственные задачи способствуют их достижению.",
            ),
            (
                "Plans their work with the office's priorities in mind.\n"
                "Notices trends in the region that may affect the work plan.",
                "Планирует свою работу с учётом приоритетов бюро.\n"
                "Замечает тенденции в регионе, которые могут повлиять на план работы.",
            ),
            (
                "Turns strategic goals into activities, indicators and expected outcomes.\n"
                "Weighs risks and options before proposing a course of action.",
                "Превращает стратегические цели в мероприятия, показатели и ожидаемые "
                "результаты.\n"
                "Взвешивает риски и варианты, прежде чем предложить порядок действий.",
            ),
            (
                "Sets the office's long-term direction with the region's Members and the WCO "
                "Secretariat.\n"
                "Anticipates shifts in customs and trade and repositions the office in time.",
                "Определяет долгосрочное направление работы бюро вместе с членами региона и "
                "Секретариатом ВТамО.\n"
                "Предвидит перемены в таможенном деле и торговле и своевременно меняет "
                "позиционирование бюро.",
            ),
        ],
    ),
    (
        "MB-02",
        "managerial",
        ("Leading and developing people", "Руководство людьми и их развитие"),
        (
            "Gives direction, motivates and develops colleagues so that the team delivers and "
            "grows.",
            "Задаёт направление, мотивирует и развивает коллег, чтобы команда добивалась "
            "результатов и росла.",
        ),
        [
            (
                "Understands the office's roles, objectives and performance appraisal.\n"
                "Gives colleagues constructive feedback when asked.",
                "Понимает распределение ролей, цели бюро и порядок оценки результативности.\n"
                "Даёт коллегам конструктивную обратную связь по их просьбе.",
            ),
            (
                "Guides new colleagues and shares know-how.\n"
                "Agrees clear tasks and deadlines with the people they coordinate.",
                "Помогает новым коллегам и делится опытом.\n"
                "Согласовывает чёткие задачи и сроки с теми, чью работу координирует.",
            ),
            (
                "Sets objectives, monitors performance and coaches team members.\n"
                "Delegates work in line with people's strengths and development plans.",
                "Ставит цели, отслеживает результативность и наставляет членов команды.\n"
                "Делегирует работу с учётом сильных сторон сотрудников и их планов развития.",
            ),
            (
                "Builds a culture of trust, learning and accountability across the office.\n"
                "Plans succession and develops future leaders for the region.",
                "Формирует в бюро культуру доверия, обучения и ответственности.\n"
                "Планирует преемственность и готовит будущих руководителей для региона.",
            ),
        ],
    ),
    (
        "MB-03",
        "managerial",
        ("Planning and organising", "Планирование и организация работы"),
        (
            "Sets priorities, plans resources and time, and follows work through to results.",
            "Расставляет приоритеты, планирует ресурсы и время и доводит работу до результата.",
        ),
        [
            (
                "Keeps a list of their own tasks and deadlines.\n"
                "Follows the office's planning calendar and procedures.",
                "Ведёт перечень своих задач и сроков.\n"
                "Соблюдает календарь планирования и процедуры бюро.",
            ),
            (
                "Plans their own work to meet deadlines and adjusts when priorities change.\n"
                "Prepares events and missions on time and within budget.",
                "Планирует свою работу так, чтобы соблюдать сроки, и корректирует её при смене "
                "приоритетов.\n"
                "Готовит мероприятия и командировки в срок и в пределах бюджета.",
            ),
            (
                "Draws up the team's work plan with milestones, resources and responsibilities.\n"
                "Tracks progress and corrects course early.",
                "Составляет план работы команды с контрольными точками, ресурсами и "
                "распределением ответственности.\n"
                "Отслеживает ход работы и своевременно вносит коррективы.",
            ),
            (
                "Aligns the office's annual work plan with its strategy and budget.\n"
                "Balances competing demands from Members, the WCO and donors.",
                "Увязывает годовой план работы бюро с его стратегией и бюджетом.\n"
                "Уравновешивает конкурирующие запросы членов, ВТамО и доноров.",
            ),
        ],
    ),
    (
        "MB-04",
        "managerial",
        ("Communication", "Коммуникация"),
        (
            "Listens, writes and speaks clearly for the audience, in English and Russian where "
            "needed.",
            "Внимательно слушает, ясно пишет и говорит с учётом аудитории, при необходимости на "
            "английском и русском языках.",
        ),
        [
            (
                "Writes clear emails and notes on routine matters.\n"
                "Listens actively and checks understanding.",
                "Пишет понятные письма и записки по текущим вопросам.\n"
                "Активно слушает и проверяет, правильно ли понят собеседник.",
            ),
            (
                "Drafts reports and presentations that fit their audience.\n"
                "Presents their work confidently in meetings.",
                "Готовит отчёты и презентации с учётом аудитории.\n"
                "Уверенно представляет свою работу на совещаниях.",
            ),
            (
                "Chairs meetings and workshops and steers discussions to agreement.\n"
                "Adapts messages to different cultures and levels of seniority.",
                "Ведёт совещания и семинары и подводит обсуждения к согласию.\n"
                "Адаптирует сообщения к разным культурам и уровням должностей.",
            ),
            (
                "Represents the office at high-level meetings and negotiates on its behalf.\n"
                "Shapes how the office communicates with Members and partners.",
                "Представляет бюро на встречах высокого уровня и ведёт переговоры от его имени.\n"
                "Определяет, как бюро общается с членами и партнёрами.",
            ),
        ],
    ),
    (
        "MB-05",
        "managerial",
        ("Integrity and ethics", "Добросовестность и профессиональная этика"),
        (
            "Acts honestly, impartially and transparently, in line with the WCO's values and the "
            "Revised Arusha Declaration.",
            "Действует честно, беспристрастно и открыто, в соответствии с ценностями ВТамО и "
            "Пересмотренной Арушской декларацией.",
        ),
        [
            (
                "Knows the code of conduct and the rules on gifts and conflicts of interest.\n"
                "Handles information with discretion.",
                "Знает кодекс поведения и правила в отношении подарков и конфликта интересов.\n"
                "Обращается с информацией осмотрительно.",
            ),
            (
                "Applies the code of conduct in daily work and declares any conflict of "
                "interest.\n"
                "Treats all Members and colleagues fairly.",
                "Применяет кодекс поведения в повседневной работе и сообщает о любом конфликте "
                "интересов.\n"
                "Относится ко всем членам и коллегам справедливо.",
            ),
            (
                "Raises ethical concerns and helps colleagues resolve dilemmas.\n"
                "Builds integrity safeguards into the activities they manage.",
                "Поднимает вопросы этики и помогает коллегам разрешать дилеммы.\n"
                "Встраивает меры защиты добросовестности в мероприятия, которыми руководит.",
            ),
            (
                "Sets the ethical tone of the office and leads by example.\n"
                "Advises Members on integrity programmes.",
                "Задаёт этические ориентиры бюро и подаёт личный пример.\n"
                "Консультирует членов по программам обеспечения добросовестности.",
            ),
        ],
    ),
    (
        "MB-06",
        "managerial",
        ("Teamwork and cooperation", "Работа в команде и сотрудничество"),
        (
            "Works with others across teams, administrations and cultures, on site and remotely, "
            "towards shared goals.",
            "Работает с другими — в разных командах, администрациях и культурах, очно и "
            "дистанционно — ради общих целей.",
        ),
        [
            (
                "Shares information with the team and helps when asked.\n"
                "Uses the office's tools for remote work.",
                "Делится информацией с командой и помогает по просьбе.\n"
                "Пользуется инструментами бюро для дистанционной работы.",
            ),
            (
                "Contributes actively to joint tasks and meets commitments to colleagues.\n"
                "Works well with people from other administrations and cultures.",
                "Активно участвует в совместных задачах и выполняет обязательства перед "
                "коллегами.\n"
                "Успешно работает с людьми из других администраций и культур.",
            ),
            (
                "Brings people together across teams and resolves disagreements constructively.\n"
                "Organises effective hybrid and online cooperation.",
                "Объединяет людей из разных команд и конструктивно разрешает разногласия.\n"
                "Организует эффективное смешанное и онлайн-сотрудничество.",
            ),
            (
                "Builds lasting cooperation networks across the region and with the WCO.\n"
                "Creates the conditions for teams to work together in the “New Normal”.",
                "Создаёт устойчивые сети сотрудничества в регионе и с ВТамО.\n"
                "Создаёт условия для совместной работы команд в условиях «новой нормальности».",
            ),
        ],
    ),
    (
        "SU-01",
        "support",
        ("Financial management", "Управление финансами"),
        (
            "Plans, spends and accounts for the office's funds correctly and transparently.",
            "Правильно и прозрачно планирует и расходует средства бюро и отчитывается за них.",
        ),
        [
            (
                "Knows the office's budget lines and financial rules.\n"
                "Keeps receipts and records of expenses.",
                "Знает статьи бюджета бюро и финансовые правила.\n"
                "Хранит квитанции и учитывает расходы.",
            ),
            (
                "Processes payments, travel claims and invoices under the rules.\n"
                "Keeps the accounts up to date.",
                "Проводит платежи, оформляет командировочные расходы и счета по правилам.\n"
                "Своевременно ведёт учёт.",
            ),
            (
                "Prepares the budget and financial reports for donors and the WCO.\n"
                "Monitors spending and flags deviations early.",
                "Готовит бюджет и финансовые отчёты для доноров и ВТамО.\n"
                "Контролирует расходы и заранее сообщает об отклонениях.",
            ),
            (
                "Designs the office's financial controls and funding strategy.\n"
                "Advises management on financial risks and sustainability.",
                "Разрабатывает систему финансового контроля и стратегию финансирования бюро.\n"
                "Консультирует руководство по финансовым рискам и устойчивости.",
            ),
        ],
    ),
    (
        "SU-02",
        "support",
        ("Administration and logistics", "Администрирование и логистика"),
        (
            "Organises meetings, missions, procurement and office services smoothly and by the "
            "rules.",
            "Чётко и по правилам организует встречи, командировки, закупки и работу офиса.",
        ),
        [
            (
                "Knows the office's administrative procedures and forms.\n"
                "Books rooms, travel and supplies when asked.",
                "Знает административные процедуры и формы бюро.\n"
                "Бронирует помещения и поездки и заказывает материалы по поручению.",
            ),
            (
                "Organises meetings and missions from invitation to follow-up.\n"
                "Obtains quotes and places orders under the procurement rules.",
                "Организует встречи и командировки — от приглашения до подведения итогов.\n"
                "Запрашивает предложения и размещает заказы по правилам закупок.",
            ),
            (
                "Runs the logistics of regional events with many participants.\n"
                "Improves administrative procedures and templates.",
                "Обеспечивает логистику региональных мероприятий с большим числом участников.\n"
                "Совершенствует административные процедуры и шаблоны.",
            ),
            (
                "Sets up the office's administrative framework with the host administration.\n"
                "Negotiates service contracts and agreements.",
                "Выстраивает административную основу работы бюро совместно с принимающей "
                "администрацией.\n"
                "Ведёт переговоры по договорам и соглашениям об услугах.",
            ),
        ],
    ),
    (
        "SU-03",
        "support",
        ("Information technology", "Информационные технологии"),
        (
            "Uses and looks after the digital tools the office works with: the portal, online "
            "meetings, e-learning and data.",
            "Использует и поддерживает цифровые инструменты бюро: портал, онлайн-встречи, "
            "электронное обучение и данные.",
        ),
        [
            (
                "Uses office software, email and video meetings with confidence.\n"
                "Follows the rules on passwords and data protection.",
                "Уверенно пользуется офисными программами, электронной почтой и видеосвязью.\n"
                "Соблюдает правила в отношении паролей и защиты данных.",
            ),
            (
                "Publishes content on the portal and runs online meetings and webinars.\n"
                "Solves common problems for colleagues.",
                "Публикует материалы на портале и проводит онлайн-встречи и вебинары.\n"
                "Решает типичные проблемы коллег.",
            ),
            (
                "Administers the office's systems, accounts and backups.\n"
                "Chooses and introduces new digital tools.",
                "Администрирует системы, учётные записи и резервное копирование бюро.\n"
                "Выбирает и внедряет новые цифровые инструменты.",
            ),
            (
                "Sets the office's digital strategy and information security policy.\n"
                "Advises Members on digital learning platforms.",
                "Определяет цифровую стратегию бюро и политику информационной безопасности.\n"
                "Консультирует членов по платформам цифрового обучения.",
            ),
        ],
    ),
    (
        "SU-04",
        "support",
        ("Records and information management", "Делопроизводство и управление информацией"),
        (
            "Keeps the office's documents, contacts and data complete, findable and protected.",
            "Обеспечивает полноту, доступность и защиту документов, контактов и данных бюро.",
        ),
        [
            (
                "Files documents in the agreed places and names them consistently.\n"
                "Knows which information is confidential.",
                "Хранит документы в установленных местах и единообразно их называет.\n"
                "Знает, какая информация является конфиденциальной.",
            ),
            (
                "Keeps registers of correspondence, contact points and experts up to date.\n"
                "Finds documents quickly for colleagues.",
                "Поддерживает в актуальном состоянии реестры корреспонденции, контактных лиц и "
                "экспертов.\n"
                "Быстро находит документы для коллег.",
            ),
            (
                "Designs filing plans and retention periods.\n"
                "Checks the quality of the office's data and corrects gaps.",
                "Разрабатывает номенклатуру дел и сроки хранения.\n"
                "Проверяет качество данных бюро и устраняет пробелы.",
            ),
            (
                "Sets the office's information management policy, including personal data "
                "protection.\n"
                "Leads the move to fully digital records.",
                "Определяет политику бюро в области управления информацией, включая защиту "
                "персональных данных.\n"
                "Руководит переходом к полностью электронному документообороту.",
            ),
        ],
    ),
    (
        "SU-05",
        "support",
        ("Public communication", "Связи с общественностью"),
        (
            "Tells the office's story to Members, partners and the public through the portal, "
            "social media and events.",
            "Рассказывает о работе бюро членам, партнёрам и общественности через портал, "
            "социальные сети и мероприятия.",
        ),
        [
            (
                "Knows the office's audiences and communication channels.\n"
                "Suggests news worth sharing.",
                "Знает аудитории и каналы коммуникации бюро.\n"
                "Предлагает новости, которыми стоит поделиться.",
            ),
            (
                "Writes news items and social media posts in the office's style.\n"
                "Collects photos and quotes at events.",
                "Пишет новости и публикации для социальных сетей в стиле бюро.\n"
                "Собирает фотографии и цитаты на мероприятиях.",
            ),
            (
                "Plans communication campaigns and measures their reach.\n"
                "Prepares briefing material for management and the media.",
                "Планирует информационные кампании и оценивает их охват.\n"
                "Готовит справочные материалы для руководства и СМИ.",
            ),
            (
                "Sets the office's communication strategy and visual identity with the WCO.\n"
                "Speaks for the office in the media.",
                "Определяет коммуникационную стратегию и визуальный стиль бюро совместно с "
                "ВТамО.\n"
                "Выступает от имени бюро в СМИ.",
            ),
        ],
    ),
    (
        "OP-01",
        "operational",
        ("Customs procedures and regimes", "Таможенные процедуры и режимы"),
        (
            "Understands customs processes, procedures and regimes and the international "
            "standards behind them.",
            "Понимает таможенные процессы, процедуры и режимы и лежащие в их основе "
            "международные стандарты.",
        ),
        [
            (
                "Knows the main customs procedures and regimes and their purpose.\n"
                "Uses the correct customs terms.",
                "Знает основные таможенные процедуры и режимы и их назначение.\n"
                "Правильно использует таможенную терминологию.",
            ),
            (
                "Explains how procedures and regimes work in practice in the region's "
                "administrations.\n"
                "Finds the relevant provisions of the Revised Kyoto Convention.",
                "Объясняет, как процедуры и режимы применяются на практике в администрациях "
                "региона.\n"
                "Находит соответствующие положения Пересмотренной Киотской конвенции.",
            ),
            (
                "Compares national practice with international standards and finds gaps.\n"
                "Applies risk assessment techniques.",
                "Сравнивает национальную практику с международными стандартами и выявляет "
                "расхождения.\n"
                "Применяет методы оценки рисков.",
            ),
            (
                "Advises administrations on reforming their procedures.\n"
                "Contributes to WCO standards and guidance.",
                "Консультирует администрации по реформированию процедур.\n"
                "Участвует в разработке стандартов и руководств ВТамО.",
            ),
        ],
    ),
    (
        "OP-02",
        "operational",
        ("WCO instruments and tools", "Инструменты ВТамО"),
        (
            "Knows the WCO's conventions, tools and programmes and helps Members use them.",
            "Знает конвенции, инструменты и программы ВТамО и помогает членам их применять.",
        ),
        [
            (
                "Names the main WCO instruments and where to find them.\n"
                "Knows the WCO's capacity-building programmes.",
                "Называет основные инструменты ВТамО и знает, где их найти.\n"
                "Знает программы ВТамО по наращиванию потенциала.",
            ),
            (
                "Explains the purpose and content of the instruments relevant to a request.\n"
                "Points Members to the right tool or e-learning course.",
                "Объясняет назначение и содержание инструментов, относящихся к запросу.\n"
                "Направляет членов к подходящему инструменту или курсу электронного обучения.",
            ),
            (
                "Helps administrations plan the implementation of WCO instruments.\n"
                "Presents the instruments at regional events.",
                "Помогает администрациям планировать внедрение инструментов ВТамО.\n"
                "Представляет инструменты на региональных мероприятиях.",
            ),
            (
                "Is consulted by the WCO and Members on the instruments' regional "
                "implementation.\n"
                "Feeds regional experience back into WCO working bodies.",
                "Консультирует ВТамО и членов по внедрению инструментов в регионе.\n"
                "Передаёт региональный опыт в рабочие органы ВТамО.",
            ),
        ],
    ),
    (
        "OP-03",
        "operational",
        ("Needs assessment", "Оценка потребностей"),
        (
            "Finds out what administrations need to build their capacity and turns it into "
            "priorities.",
            "Выясняет, что нужно администрациям для наращивания потенциала, и превращает это в "
            "приоритеты.",
        ),
        [
            (
                "Knows the questionnaires and diagnostic tools the office uses.\n"
                "Records Members' requests accurately.",
                "Знает анкеты и диагностические инструменты, которые использует бюро.\n"
                "Точно фиксирует запросы членов.",
            ),
            (
                "Collects and analyses needs questionnaires from the Members.\n"
                "Summarises the findings for the work plan.",
                "Собирает и анализирует анкеты членов о потребностях.\n"
                "Обобщает выводы для плана работы.",
            ),
            (
                "Runs diagnostic missions with an administration and agrees priorities.\n"
                "Applies recognised diagnostic methods.",
                "Проводит диагностические миссии в администрации и согласовывает приоритеты.\n"
                "Применяет признанные методики диагностики.",
            ),
            (
                "Designs the region's approach to needs assessment.\n"
                "Advises the Heads of Customs on regional priorities.",
                "Разрабатывает подход региона к оценке потребностей.\n"
                "Консультирует руководителей таможенных служб по региональным приоритетам.",
            ),
        ],
    ),
    (
        "OP-04",
        "operational",
        ("Training design and delivery", "Разработка и проведение обучения"),
        (
            "Designs, delivers and evaluates training, face to face and online.",
            "Разрабатывает, проводит и оценивает обучение — очно и онлайн.",
        ),
        [
            (
                "Knows the principles of adult learning and the WCO's e-learning offer.\n"
                "Helps trainers prepare sessions.",
                "Знает принципы обучения взрослых и курсы электронного обучения ВТамО.\n"
                "Помогает тренерам готовить занятия.",
            ),
            (
                "Delivers prepared training sessions and webinars.\n"
                "Collects participants' feedback.",
                "Проводит подготовленные учебные занятия и вебинары.\n"
                "Собирает отзывы участников.",
            ),
            (
                "Designs courses with learning objectives, methods and assessment.\n"
                "Trains trainers and coaches less experienced colleagues.",
                "Разрабатывает курсы с учебными целями, методами и оценкой.\n"
                "Обучает тренеров и наставляет менее опытных коллег.",
            ),
            (
                "Designs the region's training programmes with the training centres.\n"
                "Evaluates the impact of training on administrations' performance.",
                "Разрабатывает учебные программы региона совместно с учебными центрами.\n"
                "Оценивает влияние обучения на результативность работы администраций.",
            ),
        ],
    ),
    (
        "OP-05",
        "operational",
        ("Project management", "Управление проектами"),
        (
            "Runs capacity-building projects from design to closure: scope, plan, budget, risks "
            "and reporting.",
            "Ведёт проекты по наращиванию потенциала от замысла до завершения: содержание, план, "
            "бюджет, риски и отчётность.",
        ),
        [
            (
                "Knows the phases of a project and the office's templates.\n"
                "Keeps project documents in order.",
                "Знает этапы проекта и шаблоны бюро.\n"
                "Поддерживает порядок в проектной документации.",
            ),
            (
                "Plans and runs small activities within a project.\n"
                "Reports progress against the plan.",
                "Планирует и проводит небольшие мероприятия в рамках проекта.\n"
                "Отчитывается о ходе работы относительно плана.",
            ),
            (
                "Manages projects with several partners, using a logical framework.\n"
                "Manages risks, budget and changes.",
                "Управляет проектами с несколькими партнёрами, используя логическую рамку.\n"
                "Управляет рисками, бюджетом и изменениями.",
            ),
            (
                "Oversees the office's project portfolio.\n"
                "Designs project proposals that donors fund.",
                "Руководит портфелем проектов бюро.\n"
                "Разрабатывает проектные предложения, которые получают финансирование доноров.",
            ),
        ],
    ),
    (
        "OP-06",
        "operational",
        ("Monitoring and evaluation", "Мониторинг и оценка"),
        (
            "Measures progress and results against indicators and learns from them.",
            "Измеряет ход работы и результаты по показателям и извлекает из них уроки.",
        ),
        [
            (
                "Knows the indicators of the work plan.\nRecords activity data accurately.",
                "Знает показатели плана работы.\nТочно фиксирует данные о мероприятиях.",
            ),
            (
                "Collects and checks progress data from activities and Members.\n"
                "Drafts progress summaries.",
                "Собирает и проверяет данные о ходе работы по мероприятиям и от членов.\n"
                "Готовит краткие отчёты о ходе работы.",
            ),
            (
                "Designs indicators and evaluation surveys.\n"
                "Analyses results and recommends improvements.",
                "Разрабатывает показатели и анкеты для оценки.\n"
                "Анализирует результаты и рекомендует улучшения.",
            ),
            (
                "Sets the office's monitoring and evaluation framework.\n"
                "Reports on impact to the Heads of Customs and donors.",
                "Определяет систему мониторинга и оценки бюро.\n"
                "Отчитывается о достигнутом воздействии перед руководителями таможенных служб и "
                "донорами.",
            ),
        ],
    ),
    (
        "OP-07",
        "operational",
        ("Partnerships and donor relations", "Партнёрства и работа с донорами"),
        (
            "Builds and keeps relations with Members, the WCO Secretariat, other regional "
            "structures and donors.",
            "Выстраивает и поддерживает отношения с членами, Секретариатом ВТамО, другими "
            "региональными структурами и донорами.",
        ),
        [
            (
                "Knows the office's main partners and their roles.\n"
                "Passes partners' requests to the right colleague.",
                "Знает основных партнёров бюро и их роли.\n"
                "Передаёт запросы партнёров нужному коллеге.",
            ),
            (
                "Keeps regular contact with national contact points and partners.\n"
                "Prepares partner meetings and their follow-up.",
                "Поддерживает регулярные контакты с национальными контактными лицами и "
                "партнёрами.\n"
                "Готовит встречи с партнёрами и обеспечивает выполнение договорённостей.",
            ),
            (
                "Identifies funding opportunities and partners for projects.\n"
                "Coordinates with the Regional Training Centres and other ROCBs.",
                "Находит возможности финансирования и партнёров для проектов.\n"
                "Координирует работу с региональными учебными центрами и другими РБНП.",
            ),
            (
                "Negotiates partnership and funding agreements.\n"
                "Makes the office the region's point of reference for capacity building.",
                "Ведёт переговоры о соглашениях о партнёрстве и финансировании.\n"
                "Делает бюро главным ориентиром региона в наращивании потенциала.",
            ),
        ],
    ),
]

# The starter job catalogue (drafts): slug, area, reports to, title, purpose, duties, and the
# required level of each competency.
POSITIONS = [
    (
        "head-of-office",
        "management",
        None,
        ("Head of Office", "Руководитель бюро"),
        (
            "Leads the ROCB Europe so that it helps the Members of the WCO Europe region build "
            "their capacity, in line with the WCO Strategic Plan and the regional strategy.",
            "Руководит РБНП Европа так, чтобы бюро помогало членам Европейского региона ВТамО "
            "наращивать потенциал в соответствии со Стратегическим планом ВТамО и региональной "
            "стратегией.",
        ),
        [
            (
                "Sets the office's strategy and annual work plan with the Regional Vice-Chair and "
                "the WCO Secretariat",
                "Определяет стратегию и годовой план работы бюро совместно с вице-председателем "
                "региона и Секретариатом ВТамО",
            ),
            (
                "Leads, appraises and develops the office team",
                "Руководит командой бюро, оценивает и развивает её",
            ),
            (
                "Represents the office at WCO and regional meetings and with donors",
                "Представляет бюро на совещаниях ВТамО и региона и в отношениях с донорами",
            ),
            (
                "Reports on the work plan's progress to the Heads of Customs meeting",
                "Отчитывается о выполнении плана работы на совещании руководителей таможенных "
                "служб",
            ),
            (
                "Approves the budget and oversees the use of resources",
                "Утверждает бюджет и контролирует использование ресурсов",
            ),
        ],
        {
            "MB-01": 4,
            "MB-02": 4,
            "MB-03": 3,
            "MB-04": 4,
            "MB-05": 4,
            "MB-06": 3,
            "SU-01": 3,
            "OP-02": 3,
            "OP-05": 3,
            "OP-07": 4,
        },
    ),
    (
        "deputy-head-of-office",
        "management",
        "head-of-office",
        ("Deputy Head of Office", "Заместитель руководителя бюро"),
        (
            "Runs the office day to day, heads its support services and stands in for the Head "
            "of Office.",
            "Руководит повседневной работой бюро, возглавляет службы обеспечения и замещает "
            "руководителя бюро.",
        ),
        [
            (
                "Coordinates the support team: finance, administration, communication and IT",
                "Координирует работу службы обеспечения: финансы, администрирование, "
                "коммуникации и ИТ",
            ),
            (
                "Prepares the budget and monitors its execution",
                "Готовит бюджет и контролирует его исполнение",
            ),
            (
                "Runs the office's planning and reporting cycle",
                "Организует цикл планирования и отчётности бюро",
            ),
            (
                "Stands in for the Head of Office when absent",
                "Замещает руководителя бюро в его отсутствие",
            ),
        ],
        {
            "MB-01": 3,
            "MB-02": 3,
            "MB-03": 4,
            "MB-04": 3,
            "MB-05": 4,
            "MB-06": 3,
            "SU-01": 3,
            "SU-02": 3,
            "SU-04": 3,
            "OP-06": 3,
        },
    ),
    (
        "programme-manager",
        "management",
        "head-of-office",
        ("Capacity Building Programme Manager", "Руководитель программ наращивания потенциала"),
        (
            "Heads the technical team and makes sure the office's capacity-building programmes "
            "meet the Members' needs.",
            "Возглавляет техническую группу и обеспечивает соответствие программ наращивания "
            "потенциала потребностям членов.",
        ),
        [
            (
                "Turns the Members' needs into the technical part of the work plan",
                "Преобразует потребности членов в техническую часть плана работы",
            ),
            (
                "Leads and coaches the capacity building, training and expert coordination staff",
                "Руководит специалистами по наращиванию потенциала, обучению и координации "
                "экспертов и наставляет их",
            ),
            (
                "Designs projects and proposals for donors with the WCO Secretariat",
                "Разрабатывает проекты и предложения для доноров совместно с Секретариатом ВТамО",
            ),
            (
                "Monitors and evaluates the programmes' results",
                "Отслеживает и оценивает результаты программ",
            ),
        ],
        {
            "MB-01": 3,
            "MB-02": 3,
            "MB-03": 3,
            "MB-04": 3,
            "MB-05": 3,
            "OP-02": 4,
            "OP-03": 4,
            "OP-05": 4,
            "OP-06": 3,
            "OP-07": 3,
        },
    ),
    (
        "finance-administration-officer",
        "support",
        "deputy-head-of-office",
        ("Finance and Administration Officer", "Специалист по финансам и администрированию"),
        (
            "Keeps the office's finances and administration in order and by the rules.",
            "Обеспечивает порядок и соблюдение правил в финансах и администрировании бюро.",
        ),
        [
            (
                "Processes payments, travel claims and invoices",
                "Проводит платежи, оформляет командировочные расходы и счета",
            ),
            (
                "Keeps the accounts and prepares financial reports",
                "Ведёт учёт и готовит финансовые отчёты",
            ),
            (
                "Organises procurement, meetings and missions",
                "Организует закупки, встречи и командировки",
            ),
            ("Keeps the office's records and registers", "Ведёт документацию и реестры бюро"),
        ],
        {
            "MB-03": 3,
            "MB-04": 2,
            "MB-05": 3,
            "MB-06": 2,
            "SU-01": 3,
            "SU-02": 3,
            "SU-03": 2,
            "SU-04": 3,
        },
    ),
    (
        "communication-officer",
        "support",
        "deputy-head-of-office",
        ("Communication Officer", "Специалист по коммуникациям"),
        (
            "Makes the office's work known to Members, partners and the public.",
            "Рассказывает о работе бюро членам, партнёрам и общественности.",
        ),
        [
            (
                "Writes news and updates the portal's public pages",
                "Пишет новости и обновляет открытые страницы портала",
            ),
            (
                "Runs the office's social media accounts",
                "Ведёт страницы бюро в социальных сетях",
            ),
            (
                "Promotes WCO tools and e-learning courses to the Members",
                "Продвигает инструменты и курсы электронного обучения ВТамО среди членов",
            ),
            (
                "Prepares communication material for events",
                "Готовит информационные материалы к мероприятиям",
            ),
        ],
        {
            "MB-03": 2,
            "MB-04": 3,
            "MB-05": 2,
            "MB-06": 2,
            "SU-03": 2,
            "SU-05": 3,
            "OP-02": 2,
        },
    ),
    (
        "it-officer",
        "support",
        "deputy-head-of-office",
        ("IT and Digital Services Officer", "Специалист по ИТ и цифровым сервисам"),
        (
            "Keeps the office's digital tools, portal and online meetings working and secure.",
            "Обеспечивает бесперебойную и безопасную работу цифровых инструментов, портала и "
            "онлайн-встреч бюро.",
        ),
        [
            (
                "Administers the office's systems, accounts and backups",
                "Администрирует системы, учётные записи и резервное копирование бюро",
            ),
            (
                "Runs online meetings, webinars and the e-learning platform",
                "Обеспечивает онлайн-встречи, вебинары и работу платформы электронного обучения",
            ),
            (
                "Supports colleagues and users in the member administrations",
                "Оказывает поддержку коллегам и пользователям в администрациях-членах",
            ),
            (
                "Protects the office's data and personal data",
                "Защищает данные бюро и персональные данные",
            ),
        ],
        {"MB-03": 2, "MB-04": 2, "MB-05": 3, "MB-06": 2, "SU-03": 4, "SU-04": 3},
    ),
    (
        "capacity-building-officer",
        "technical",
        "programme-manager",
        ("Capacity Building Officer", "Специалист по наращиванию потенциала"),
        (
            "Helps administrations of the region diagnose their needs and plan capacity-building "
            "support.",
            "Помогает администрациям региона выявлять потребности и планировать поддержку в "
            "наращивании потенциала.",
        ),
        [
            ("Collects and analyses the Members' needs", "Собирает и анализирует потребности членов"),
            (
                "Prepares and takes part in diagnostic and advisory missions",
                "Готовит диагностические и консультационные миссии и участвует в них",
            ),
            (
                "Follows up the implementation of WCO instruments",
                "Отслеживает внедрение инструментов ВТамО",
            ),
            (
                "Reports on the progress of the work plan's activities",
                "Отчитывается о ходе выполнения мероприятий плана работы",
            ),
        ],
        {
            "MB-03": 3,
            "MB-04": 3,
            "MB-05": 3,
            "MB-06": 3,
            "OP-01": 3,
            "OP-02": 3,
            "OP-03": 3,
            "OP-05": 2,
            "OP-06": 2,
        },
    ),
    (
        "training-coordinator",
        "technical",
        "programme-manager",
        ("Training and E-learning Coordinator", "Координатор очного и электронного обучения"),
        (
            "Plans and coordinates regional training, face to face and online, with the training "
            "centres and the WCO.",
            "Планирует и координирует региональное обучение — очное и онлайн — совместно с "
            "учебными центрами и ВТамО.",
        ),
        [
            (
                "Plans the regional training calendar with the Regional Training Centres",
                "Составляет региональный календарь обучения совместно с региональными учебными "
                "центрами",
            ),
            ("Designs and delivers courses and webinars", "Разрабатывает и проводит курсы и вебинары"),
            (
                "Promotes CLiKC! e-learning courses and follows their use",
                "Продвигает курсы электронного обучения CLiKC! и отслеживает их использование",
            ),
            (
                "Evaluates training and reports on its results",
                "Оценивает обучение и отчитывается о его результатах",
            ),
        ],
        {
            "MB-03": 3,
            "MB-04": 3,
            "MB-06": 3,
            "SU-03": 2,
            "OP-01": 2,
            "OP-02": 3,
            "OP-04": 4,
            "OP-06": 3,
        },
    ),
    (
        "experts-coordinator",
        "technical",
        "programme-manager",
        ("Regional Experts Coordinator", "Координатор региональных экспертов"),
        (
            "Keeps the Regional Experts Database current and matches experts to the Members' "
            "requests.",
            "Поддерживает актуальность Базы данных региональных экспертов и подбирает экспертов "
            "по запросам членов.",
        ),
        [
            (
                "Processes the focal points' nominations of experts",
                "Рассматривает кандидатуры экспертов, выдвинутые координаторами",
            ),
            ("Matches experts to missions and events", "Подбирает экспертов для миссий и мероприятий"),
            (
                "Keeps the experts' profiles and the contact points register up to date",
                "Поддерживает в актуальном состоянии профили экспертов и реестр контактных лиц",
            ),
            ("Collects feedback on the experts' work", "Собирает отзывы о работе экспертов"),
        ],
        {
            "MB-03": 3,
            "MB-04": 3,
            "MB-05": 3,
            "MB-06": 3,
            "SU-04": 3,
            "OP-02": 2,
            "OP-03": 2,
            "OP-07": 3,
        },
    ),
    (
        "research-analyst",
        "technical",
        "programme-manager",
        ("Research and Monitoring Analyst", "Аналитик по исследованиям и мониторингу"),
        (
            "Provides the data and analysis behind the office's planning, monitoring and reports.",
            "Обеспечивает данными и аналитикой планирование, мониторинг и отчётность бюро.",
        ),
        [
            (
                "Maintains the work plan's indicators and progress data",
                "Ведёт показатели плана работы и данные о ходе его выполнения",
            ),
            (
                "Runs surveys of the Members and analyses the results",
                "Проводит опросы членов и анализирует результаты",
            ),
            ("Drafts progress and evaluation reports", "Готовит отчёты о ходе работы и оценке"),
            (
                "Follows research on customs and trade in the region",
                "Следит за исследованиями в области таможенного дела и торговли в регионе",
            ),
        ],
        {
            "MB-01": 2,
            "MB-03": 3,
            "MB-04": 3,
            "MB-05": 3,
            "SU-03": 3,
            "SU-04": 3,
            "OP-01": 2,
            "OP-03": 3,
            "OP-06": 4,
        },
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
    areas, families, levels, competencies, positions = {}, {}, {}, {}, {}
    for position, (code, name, description) in enumerate(AREAS, 1):
        areas[code] = model("competencies", "FunctionalArea").objects.create(
            code=code,
            position=position,
            **_translated("name", name),
            **_translated("description", description),
        )
    for position, (code, name, description) in enumerate(FAMILIES, 1):
        families[code] = model("competencies", "CompetencyFamily").objects.create(
            code=code,
            position=position,
            **_translated("name", name),
            **_translated("description", description),
        )
    for number, name, description in LEVELS:
        levels[number] = model("competencies", "ProficiencyLevel").objects.create(
            number=number, **_translated("name", name), **_translated("description", description)
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
    for position, (code, family, name, definition, indicators) in enumerate(COMPETENCIES, 1):
        competency = model("competencies", "Competency").objects.create(
            family=families[family],
            code=code,
            position=position,
            is_draft=True,
            **_translated("name", name),
            **_translated("definition", definition),
        )
        competencies[code] = competency
        for number, pair in enumerate(indicators, 1):
            model("competencies", "LevelDescriptor").objects.create(
                competency=competency, level=levels[number], **_translated("indicators", pair)
            )
    for position, (slug, area, manager, title, purpose, duties, required) in enumerate(
        POSITIONS, 1
    ):
        positions[slug] = job = model("competencies", "JobPosition").objects.create(
            area=areas[area],
            slug=slug,
            reports_to=positions[manager] if manager else None,
            position=position,
            is_draft=True,
            **_translated("title", title),
            **_translated("purpose", purpose),
            **_translated("duties", _joined(duties)),
        )
        for code, number in required.items():
            model("competencies", "Requirement").objects.create(
                position=job, competency=competencies[code], level=levels[number]
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
