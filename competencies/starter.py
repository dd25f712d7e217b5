"""The invented starter framework: a four-step proficiency scale, 10 of the office's 23 positions
and 18 of its 80 competencies, in the shape of the office's tools, in English and Russian.

None of it comes from the seeds, which name only the three functional areas and the three
competency families (seed 001) and give the qualifications framework and its clusters (seed 004):
it is demo data. `demo.py` loads it for development (`make run`), the tests' factories build it
where a test needs a whole framework, and migration `0004_starter_items_to_demo` compares
against it to remove the items it finds unchanged from a database that migration 0002 once
filled with them. Keep it as migration 0002 created it.
"""

import datetime

from competencies.models import (
    Competency,
    CompetencyFamily,
    FunctionalArea,
    JobPosition,
    LevelDescriptor,
    ProficiencyLevel,
    Requirement,
)

# What the demo data's endorsed items say of their endorsement (an invented one, like the items).
DEMO_ENDORSEMENT = {
    "status": "endorsed",
    "endorsed_on": datetime.date(2023, 5, 17),
    "endorsed_at_en": "the WCO Europe Region Heads of Customs Meeting",
    "endorsed_at_ru": "совещание руководителей таможенных служб Европейского региона ВТамО",
}

# The proficiency scale: number, name (en, ru), description (en, ru).
LEVELS = [
    (
        1,
        ("Awareness", "Базовые представления"),
        (
            "Knows the main ideas and terms and where to find guidance; applies them with support.",
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
                "Проводит подготовленные учебные занятия и вебинары.\nСобирает отзывы участников.",
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
            (
                "Collects and analyses the Members' needs",
                "Собирает и анализирует потребности членов",
            ),
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
            (
                "Designs and delivers courses and webinars",
                "Разрабатывает и проводит курсы и вебинары",
            ),
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
            (
                "Matches experts to missions and events",
                "Подбирает экспертов для миссий и мероприятий",
            ),
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
    english, russian = pair
    return {f"{name}_en": english, f"{name}_ru": russian}


def joined(items):
    """A list of (en, ru) pairs as the (en, ru) texts of a one-item-a-line field."""
    return ("\n".join(en for en, _ru in items), "\n".join(ru for _en, ru in items))


def scale_load() -> dict[int, ProficiencyLevel]:
    """The four-step proficiency scale (levels already there are kept)."""
    levels = {}
    for number, name, description in LEVELS:
        levels[number], _created = ProficiencyLevel.objects.get_or_create(
            number=number,
            defaults={**_translated("name", name), **_translated("description", description)},
        )
    return levels


def load(**fields) -> tuple[list[JobPosition], list[Competency]]:
    """The starter scale, dictionary and catalogue, `fields` (e.g. a publication status) set on
    every position and competency; returns the positions and the competencies made."""
    levels = scale_load()
    families = {family.code: family for family in CompetencyFamily.objects.all()}
    areas = {area.code: area for area in FunctionalArea.objects.all()}
    # Trusted data, written in bulk: demo data and tests load it often.
    made = Competency.objects.bulk_create(
        Competency(
            family=families[family],
            code=code,
            position=order,
            **_translated("name", name),
            **_translated("definition", definition),
            **fields,
        )
        for order, (code, family, name, definition, _indicators) in enumerate(COMPETENCIES, 1)
    )
    competencies = {competency.code: competency for competency in made}
    LevelDescriptor.objects.bulk_create(
        LevelDescriptor(
            competency=competencies[code], level=levels[number], **_translated("indicators", pair)
        )
        for code, _family, _name, _definition, indicators in COMPETENCIES
        for number, pair in enumerate(indicators, 1)
    )
    positions = {}
    for order, (slug, area, manager, title, purpose, duties, _required) in enumerate(POSITIONS, 1):
        position = JobPosition(
            area=areas[area],
            slug=slug,
            reports_to=positions[manager] if manager else None,
            position=order,
            **_translated("title", title),
            **_translated("purpose", purpose),
            **_translated("duties", joined(duties)),
            **fields,
        )
        position.save()  # one by one: a position may report to the one made before it
        positions[slug] = position
    Requirement.objects.bulk_create(
        Requirement(position=positions[slug], competency=competencies[code], level=levels[number])
        for slug, _area, _manager, _title, _purpose, _duties, required in POSITIONS
        for code, number in required.items()
    )
    return list(positions.values()), list(competencies.values())
