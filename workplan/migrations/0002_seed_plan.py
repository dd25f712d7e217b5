"""The office's real Work Plan (7 goals, 27 activities) in English and Russian.

Source: the Work Plan page of the ROCB Europe web site (shared/seeds/000_9f9081a433f72490.txt).
Its "Summary progress" column becomes the progress entries of the reporting period 2020, the
year its statuses refer to ("Initiated in early 2020", "To be completed in 2020/2021 period").
Indicators that count something ("Number of ...") get the unit they count; the source gives no
baseline or target, so those stay empty until the office sets them.

Typing slips of the source are corrected in English ("were upload" -> "were uploaded",
"forensuring" -> "ensuring"); nothing else is changed.
"""

import datetime

from django.db import migrations

STAKEHOLDERS = [
    # slug, English, Russian
    ("member-administrations", "Member Administrations", "Администрации-члены"),
    ("wco", "WCO", "ВТамО"),
    (
        "other-international-organizations",
        "Other International Organizations",
        "Другие международные организации",
    ),
    ("private-sector", "Private Sector", "Частный сектор"),
    ("host-administration", "Host Administration", "Принимающая администрация"),
]

MA, WCO, OIO, PS, HOST = (slug for slug, _en, _ru in STAKEHOLDERS)

PLAN = {
    "title_en": "ROCB Europe Work Plan",
    "title_ru": "План работы РБНП Европа",
    "introduction_en": (
        "The Work Plan is constructed in a way to achieving the strategic goals on the basis of "
        "results-based management approach."
    ),
    "introduction_ru": (
        "План работы построен так, чтобы обеспечить достижение стратегических целей на основе "
        "подхода управления, ориентированного на результаты."
    ),
    "start_year": 2020,
}

PERIOD = {
    "name_en": "2020",
    "name_ru": "2020",
    "starts_on": datetime.date(2020, 1, 1),
    "ends_on": datetime.date(2020, 12, 31),
}

# Units of the indicators that count something: (English, Russian).
ACTIVITIES_UNIT = ("activities", "мероприятия")
ACTIONS_UNIT = ("activities or actions", "мероприятия или меры")

# Each goal: number, title, expected impact (English, Russian), then its activities. Each
# activity: sequence, title, stakeholders, expected output, (status, status detail), indicator,
# unit, intended outcome, summary progress (a list of points); texts as (English, Russian).
GOALS = [
    (
        1,
        (
            "Promote the work on Customs Capacity Building and WCO instruments",
            "Продвигать работу по наращиванию таможенного потенциала и инструменты ВТамО",
        ),
        (
            "Enhanced support for customs capacity of Member Administrations and increased "
            "benefit from and better use of WCO instruments.",
            "Усиление поддержки таможенного потенциала администраций-членов, большая отдача "
            "от инструментов ВТамО и более эффективное их использование.",
        ),
        [
            (
                1,
                (
                    "Maintain and promote sustainable mechanism for collection of capacity "
                    "building needs of Member Administrations",
                    "Поддерживать и развивать устойчивый механизм сбора потребностей "
                    "администраций-членов в наращивании потенциала",
                ),
                [MA, WCO],
                (
                    "Collecting and examining the needs and forwarding to the WCO Secretariat "
                    "with proposals",
                    "Сбор и анализ потребностей и их направление в Секретариат ВТамО вместе "
                    "с предложениями",
                ),
                ("ongoing", None),
                (
                    "Number of needs collected and analysed",
                    "Количество собранных и проанализированных потребностей",
                ),
                ("needs", "потребности"),
                (
                    "Orchestrated approach with the WCO Secretariat for customs capacity "
                    "building assistance",
                    "Согласованный с Секретариатом ВТамО подход к оказанию помощи в наращивании "
                    "таможенного потенциала",
                ),
                [
                    (
                        "Requests for Capacity Building Delivery Needs were collected from the "
                        "Members.",
                        "Собраны запросы членов о потребностях в мероприятиях по наращиванию "
                        "потенциала.",
                    ),
                    (
                        "Needs analysed and forwarded to the WCO Secretariat with suggestions.",
                        "Потребности проанализированы и направлены в Секретариат ВТамО вместе "
                        "с предложениями.",
                    ),
                ],
            ),
            (
                2,
                (
                    "Support WCO Capacity Building efforts in compliance with the WCO Annual "
                    "Delivery Plan",
                    "Поддерживать усилия ВТамО по наращиванию потенциала в соответствии "
                    "с Годовым планом реализации мероприятий ВТамО",
                ),
                [MA, WCO],
                (
                    "Complementing activities of WCO in the region in the scope of WCO Annual "
                    "Delivery Plan",
                    "Мероприятия, дополняющие деятельность ВТамО в регионе в рамках Годового "
                    "плана реализации мероприятий ВТамО",
                ),
                ("ongoing", None),
                ("Number of activities", "Количество мероприятий"),
                ACTIVITIES_UNIT,
                (
                    "Optimized and expanded servicing for fulfilling capacity building needs of "
                    "Member Administrations",
                    "Оптимизированная и расширенная поддержка в удовлетворении потребностей "
                    "администраций-членов в наращивании потенциала",
                ),
                [
                    (
                        "Planning was made with the WCO Secretariat for the Capacity Building "
                        "Delivery.",
                        "Совместно с Секретариатом ВТамО проведено планирование мероприятий "
                        "по наращиванию потенциала.",
                    ),
                    (
                        "Events that would be sponsored and/or coordinated by the ROCB Europe "
                        "were defined.",
                        "Определены мероприятия, которые РБНП Европа будет финансировать "
                        "и (или) координировать.",
                    ),
                ],
            ),
            (
                3,
                (
                    "Initiate, design and implement work for promotion of WCO tools and "
                    "training materials",
                    "Инициировать, разрабатывать и осуществлять работу по продвижению "
                    "инструментов и учебных материалов ВТамО",
                ),
                [MA, WCO, OIO, PS],
                (
                    "Actions on introducing and publicizing promos on WCO instruments",
                    "Действия по представлению инструментов ВТамО и распространению "
                    "информационных материалов о них",
                ),
                ("ongoing", None),
                ("Improvement in advertising", "Улучшение информационного продвижения"),
                None,
                (
                    "Widened audience and increased frequency for promotion of WCO tools and "
                    "training materials",
                    "Более широкая аудитория и более частое продвижение инструментов и учебных "
                    "материалов ВТамО",
                ),
                [
                    (
                        "News, instruments and developments from the WCO have been promoted "
                        "through ROCB Europe web site as well as social media channels.",
                        "Новости, инструменты и разработки ВТамО продвигались через веб-сайт "
                        "РБНП Европа и каналы в социальных сетях.",
                    ),
                    (
                        "Promotion of WCO tools and training materials were also made during "
                        "relevant meetings.",
                        "Инструменты и учебные материалы ВТамО также продвигались в ходе "
                        "соответствующих встреч.",
                    ),
                ],
            ),
            (
                4,
                (
                    "Track WCO developments and align the work of the ROCB Europe accordingly",
                    "Отслеживать изменения в ВТамО и выстраивать работу РБНП Европа "
                    "в соответствии с ними",
                ),
                [MA, WCO],
                (
                    "Keeping abreast of WCO state of affairs and trajectory",
                    "Осведомлённость о текущем положении дел в ВТамО и направлениях её развития",
                ),
                ("ongoing", None),
                (
                    "Number of activities or actions taken",
                    "Количество проведённых мероприятий или принятых мер",
                ),
                ACTIONS_UNIT,
                (
                    "Staying informed and up to date of WCO developments and accommodated Office "
                    "work in the same direction",
                    "Постоянная осведомлённость о последних изменениях в ВТамО и работа Бюро, "
                    "согласованная с ними",
                ),
                [
                    (
                        "WCO developments and initiatives were followed and taken into "
                        "consideration for future work of the Office.",
                        "Изменения и инициативы ВТамО отслеживались и учитывались при "
                        "планировании дальнейшей работы Бюро.",
                    ),
                ],
            ),
        ],
    ),
    (
        2,
        (
            "Foster customs reform and modernization process of Member Administrations",
            "Содействовать таможенной реформе и модернизации в администрациях-членах",
        ),
        (
            "Increased customs capacity of Member Administrations.",
            "Повышение таможенного потенциала администраций-членов.",
        ),
        [
            (
                1,
                (
                    "Upon request, support Member Administrations’ efforts in Customs Capacity "
                    "Building",
                    "По запросу поддерживать усилия администраций-членов по наращиванию "
                    "таможенного потенциала",
                ),
                [MA, WCO, OIO],
                (
                    "Provide technical assistance, training and experience sharing activities",
                    "Оказание технической помощи, обучение и мероприятия по обмену опытом",
                ),
                ("ongoing", None),
                ("Number of activities", "Количество мероприятий"),
                ACTIVITIES_UNIT,
                (
                    "Elevated level of Capacity Building at Member Administrations",
                    "Более высокий уровень наращивания потенциала в администрациях-членах",
                ),
                [
                    (
                        "No requests were received outside the scope of WCO Needs Analysis and "
                        "Capacity Building Delivery yet. See 1.1 and 1.2 above.",
                        "Запросов вне рамок анализа потребностей и мероприятий ВТамО по "
                        "наращиванию потенциала пока не поступало. См. пункты 1.1 и 1.2 выше.",
                    ),
                ],
            ),
            (
                2,
                (
                    "Upon request, assist Member Administrations with a view to promoting WCO "
                    "e-learning platforms",
                    "По запросу помогать администрациям-членам в продвижении платформ "
                    "электронного обучения ВТамО",
                ),
                [MA, WCO],
                (
                    "Actions on introducing and better familiarizing WCO e-learning platforms for "
                    "Member Administrations",
                    "Действия по представлению платформ электронного обучения ВТамО "
                    "администрациям-членам и более глубокому ознакомлению с ними",
                ),
                ("ongoing", None),
                (
                    "Consultations with the Member Administrations",
                    "Консультации с администрациями-членами",
                ),
                None,
                (
                    "Heightened use and awareness of WCO e-learning platforms",
                    "Более активное использование платформ электронного обучения ВТамО "
                    "и лучшая осведомлённость о них",
                ),
                [
                    (
                        "Relevant questions about the WCO e-learning platforms were received and "
                        "answered during events.",
                        "В ходе мероприятий поступали вопросы о платформах электронного обучения "
                        "ВТамО, на которые были даны ответы.",
                    ),
                ],
            ),
            (
                3,
                (
                    "Motivate developed Member Administrations to provide contribution in "
                    "regional Capacity Building activities",
                    "Побуждать развитые администрации-члены вносить вклад в региональные "
                    "мероприятия по наращиванию потенциала",
                ),
                [MA],
                (
                    "Reach out to developed Member Administrations for more cooperation on "
                    "Capacity Building",
                    "Обращение к развитым администрациям-членам для расширения сотрудничества "
                    "в области наращивания потенциала",
                ),
                ("ongoing", None),
                ("Actions taken", "Принятые меры"),
                None,
                (
                    "Increased involvement of developed Administrations in regional capacity "
                    "building processes",
                    "Более активное участие развитых администраций в региональных процессах "
                    "наращивания потенциала",
                ),
                [],
            ),
            (
                4,
                (
                    "Provide informative and training materials for Member Administrations",
                    "Предоставлять администрациям-членам информационные и учебные материалы",
                ),
                [MA, WCO],
                (
                    "Prepare, design and publish materials",
                    "Подготовка, оформление и публикация материалов",
                ),
                ("to_be_initiated", None),
                ("Publication of materials", "Публикация материалов"),
                None,
                (
                    "Expanded availability of resources for empowering customs knowledge",
                    "Более широкий доступ к ресурсам для углубления таможенных знаний",
                ),
                [
                    (
                        "WCO materials on customs training and customs knowledge were uploaded "
                        "to the web site.",
                        "Материалы ВТамО по таможенному обучению и таможенным знаниям размещены "
                        "на веб-сайте.",
                    ),
                ],
            ),
            (
                5,
                (
                    "Publish the materials translated into Russian on the ROCB Europe web site",
                    "Публиковать материалы, переведённые на русский язык, на веб-сайте "
                    "РБНП Европа",
                ),
                [MA, WCO],
                (
                    "Enable necessary technical structure and place translated materials on the "
                    "web site members only section",
                    "Создание необходимой технической основы и размещение переведённых "
                    "материалов в разделе веб-сайта, доступном только членам",
                ),
                ("to_be_completed", ("in the 2020/2021 period", "в период 2020–2021 годов")),
                ("Publication of materials", "Публикация материалов"),
                None,
                (
                    "Broadened coverage of customs personnel for benefiting from informative "
                    "sources",
                    "Более широкий круг таможенных сотрудников, пользующихся информационными "
                    "ресурсами",
                ),
                [
                    (
                        "Translated WCO materials into Russian on customs training and customs "
                        "knowledge were uploaded to the web site.",
                        "Переведённые на русский язык материалы ВТамО по таможенному обучению "
                        "и таможенным знаниям размещены на веб-сайте.",
                    ),
                ],
            ),
            (
                6,
                (
                    "Maintain the Regional Experts Database (RED)",
                    "Вести Региональную базу данных экспертов",
                ),
                [MA, WCO],
                (
                    "Request expert nominations and conduct regular updates for the database",
                    "Запрос кандидатур экспертов и регулярное обновление базы данных",
                ),
                ("ongoing", None),
                (
                    "Availability and recency of the database",
                    "Доступность и актуальность базы данных",
                ),
                None,
                (
                    "Sustained and up to date resource of expertise for providing technical "
                    "assistance",
                    "Постоянно поддерживаемый и актуальный источник экспертных знаний для "
                    "оказания технической помощи",
                ),
                [
                    (
                        "The Database was updated with the nominations received from the "
                        "Members.",
                        "База данных обновлена с учётом кандидатур, выдвинутых членами.",
                    ),
                ],
            ),
        ],
    ),
    (
        3,
        (
            "Strengthen regional cooperation among Member Administrations",
            "Укреплять региональное сотрудничество между администрациями-членами",
        ),
        (
            "Increased regional cooperation among the Member Administrations.",
            "Более тесное региональное сотрудничество между администрациями-членами.",
        ),
        [
            (
                1,
                (
                    "Collect and disseminate information on current trends or best practices in "
                    "the region",
                    "Собирать и распространять информацию о текущих тенденциях и передовой "
                    "практике в регионе",
                ),
                [MA, WCO, OIO],
                (
                    "Design and develop materials upon collecting best practices or examining "
                    "the course of customs and trade",
                    "Разработка материалов на основе собранной передовой практики или изучения "
                    "тенденций в таможенном деле и торговле",
                ),
                ("to_be_initiated", None),
                ("Providing informative documents", "Подготовка информационных документов"),
                None,
                (
                    "Improvement in knowledge among Member Administrations",
                    "Повышение уровня знаний в администрациях-членах",
                ),
                [],
            ),
            (
                2,
                (
                    "Provide Members with an effective platform for communication using "
                    "innovative technology",
                    "Предоставить членам эффективную платформу для общения на основе "
                    "инновационных технологий",
                ),
                [MA, WCO],
                (
                    "Provide means for effective communication using technical possibilities",
                    "Обеспечение средств эффективной коммуникации с использованием технических "
                    "возможностей",
                ),
                ("to_be_initiated", None),
                ("Availability of communication platform", "Наличие коммуникационной платформы"),
                None,
                (
                    "Enhancement of communication means among Member Administrations",
                    "Совершенствование средств коммуникации между администрациями-членами",
                ),
                [],
            ),
            (
                3,
                (
                    "Organize events for cooperation and information sharing",
                    "Организовывать мероприятия для сотрудничества и обмена информацией",
                ),
                [MA, WCO, OIO],
                (
                    "Plan and execute events aimed at gathering Member Administrations on certain "
                    "topics",
                    "Планирование и проведение мероприятий, объединяющих администрации-члены "
                    "для обсуждения определённых тем",
                ),
                ("ongoing", None),
                ("Number of activities", "Количество мероприятий"),
                ACTIVITIES_UNIT,
                (
                    "Ensured collaboration and information sharing among the Member "
                    "Administrations",
                    "Обеспеченное взаимодействие и обмен информацией между "
                    "администрациями-членами",
                ),
                [],
            ),
            (
                4,
                (
                    "Request Member Administrations to second executive staff to the ROCB Europe",
                    "Обращаться к администрациям-членам с просьбой откомандировать руководящих "
                    "сотрудников в РБНП Европа",
                ),
                [MA],
                (
                    "Urge Member Administrations to support the ROCB Europe with their human "
                    "capital",
                    "Призыв к администрациям-членам поддержать РБНП Европа своими кадровыми "
                    "ресурсами",
                ),
                ("ongoing", None),
                ("Requests made", "Направленные запросы"),
                None,
                (
                    "Strengthened capability of the Office thereby better cooperation among "
                    "Member Administrations",
                    "Более широкие возможности Бюро и, как следствие, более тесное "
                    "сотрудничество между администрациями-членами",
                ),
                [],
            ),
            (
                5,
                (
                    "Maintain and update the National Contact Points database",
                    "Вести и обновлять базу данных национальных контактных лиц",
                ),
                [MA, WCO],
                (
                    "Request Member Administrations for nominations and updates of Contact Points",
                    "Запрос у администраций-членов кандидатур контактных лиц и обновлённых "
                    "сведений о них",
                ),
                ("ongoing", None),
                (
                    "Availability and recency of the database",
                    "Доступность и актуальность базы данных",
                ),
                None,
                (
                    "Sustained and up to date contact information of Member Administrations",
                    "Постоянно поддерживаемая и актуальная контактная информация "
                    "администраций-членов",
                ),
                [],
            ),
        ],
    ),
    (
        4,
        (
            "Enhance collaboration with stakeholders, development partners and donors",
            "Развивать взаимодействие с заинтересованными сторонами, партнёрами по развитию "
            "и донорами",
        ),
        (
            "Increased audience, reinforced promotion of customs capacity building activities "
            "and the Office.",
            "Более широкая аудитория, более активное продвижение мероприятий по наращиванию "
            "таможенного потенциала и самого Бюро.",
        ),
        [
            (
                1,
                (
                    "Build or strengthen partnerships that enable cooperation, "
                    "information-sharing and mutual understanding",
                    "Создавать или укреплять партнёрства, способствующие сотрудничеству, "
                    "обмену информацией и взаимопониманию",
                ),
                [MA, WCO, OIO, PS],
                (
                    "Actions for establishing connections with potential partners and/or "
                    "boosting collaborative work with existing partners",
                    "Действия по установлению связей с потенциальными партнёрами и (или) "
                    "активизации совместной работы с существующими партнёрами",
                ),
                ("ongoing", None),
                (
                    "Improvement with respect to engagements and collaborative work",
                    "Рост вовлечённости партнёров и объёма совместной работы",
                ),
                None,
                (
                    "Wider cooperation possibilities and more effective collaboration",
                    "Более широкие возможности для сотрудничества и более эффективное "
                    "взаимодействие",
                ),
                [],
            ),
            (
                2,
                (
                    "Promote and/or carry out coordinated or joint activities with partners",
                    "Содействовать проведению скоординированных или совместных с партнёрами "
                    "мероприятий и (или) проводить их",
                ),
                [MA, WCO, OIO, PS],
                (
                    "Supporting, planning, coordinating and executing activities",
                    "Поддержка, планирование, координация и проведение мероприятий",
                ),
                ("ongoing", None),
                (
                    "Number of activities supported or executed",
                    "Количество поддержанных или проведённых мероприятий",
                ),
                ACTIVITIES_UNIT,
                (
                    "Strengthened collaboration and reinforced customs capacity building "
                    "servicing",
                    "Более тесное взаимодействие и более действенная поддержка в наращивании "
                    "таможенного потенциала",
                ),
                [],
            ),
            (
                3,
                (
                    "Function as a bridge in the WCO Europe Region for improved coordination and "
                    "information sharing",
                    "Выступать связующим звеном в Европейском регионе ВТамО для лучшей "
                    "координации и обмена информацией",
                ),
                [MA, WCO],
                (
                    "Supplement and facilitate the work of the WCO in the Region and assist "
                    "Member Administrations in obtaining information thereof",
                    "Дополнение и облегчение работы ВТамО в регионе, помощь администрациям-членам "
                    "в получении информации о ней",
                ),
                ("ongoing", None),
                (
                    "Frequency in flow of information provided and coordination ensured",
                    "Регулярность предоставления информации и обеспечения координации",
                ),
                None,
                (
                    "Increased interoperability and informational status in the region",
                    "Более высокая согласованность действий и информированность в регионе",
                ),
                [],
            ),
            (
                4,
                (
                    "Coordinate activities of the Regional Training Centers and further "
                    "strengthen cooperation among regional structures",
                    "Координировать деятельность региональных учебных центров и далее укреплять "
                    "сотрудничество между региональными структурами",
                ),
                [MA],
                (
                    "Urge Regional Training Centers (RTCs) to work in cooperation with the ROCB "
                    "Europe and provide them with guidance",
                    "Призыв к региональным учебным центрам (РУЦ) работать в сотрудничестве "
                    "с РБНП Европа и предоставление им методических указаний",
                ),
                ("ongoing", None),
                (
                    "Monitoring activities of RTCs and identifying and designing work for "
                    "further advancement",
                    "Мониторинг деятельности РУЦ, определение и планирование работы по их "
                    "дальнейшему развитию",
                ),
                None,
                (
                    "Enhanced effectiveness on Capacity Building in the region",
                    "Более высокая эффективность наращивания потенциала в регионе",
                ),
                [],
            ),
        ],
    ),
    (
        5,
        (
            "Strengthen office management and improve institutional functionality",
            "Укреплять управление Бюро и совершенствовать его институциональную деятельность",
        ),
        (
            "Increased effectiveness and competency of the Office.",
            "Более высокая эффективность и компетентность Бюро.",
        ),
        [
            (
                1,
                (
                    "Ensure proper conditions for the Office and its staff",
                    "Обеспечивать надлежащие условия для Бюро и его сотрудников",
                ),
                [HOST, MA],
                (
                    "Take necessary measures for Office setting to sustain the environment for "
                    "proper working conditions",
                    "Принятие необходимых мер по обустройству Бюро для поддержания надлежащих "
                    "условий работы",
                ),
                ("ongoing", None),
                (
                    "Maintenance and improvement with respect to Office environment",
                    "Поддержание и улучшение условий работы в Бюро",
                ),
                None,
                (
                    "Effective functioning of the Office and the staff",
                    "Эффективная работа Бюро и его сотрудников",
                ),
                [],
            ),
            (
                2,
                (
                    "Update the Strategic Framework as well as Work Plan on the basis of feedback "
                    "from the Member Administrations and maintain a reporting mechanism",
                    "Обновлять Стратегическую основу и План работы с учётом отзывов "
                    "администраций-членов и поддерживать механизм отчётности",
                ),
                [MA],
                (
                    "Review and optimize guidance documents in a way to best serve the regional "
                    "needs and priorities",
                    "Пересмотр и оптимизация руководящих документов, чтобы они наилучшим образом "
                    "отвечали потребностям и приоритетам региона",
                ),
                ("ongoing", None),
                (
                    "Regularly updated guidance documents and report of activities submitted to "
                    "the Member Administrations",
                    "Регулярно обновляемые руководящие документы и отчёт о деятельности, "
                    "представляемый администрациям-членам",
                ),
                None,
                (
                    "Adaptive work on the basis of adopted principles and informed Member "
                    "Administrations of the progress",
                    "Гибкая работа на основе принятых принципов и информированность "
                    "администраций-членов о ходе её выполнения",
                ),
                [],
            ),
            (
                3,
                (
                    "Provide bilingual availability for correspondence and documents published "
                    "by the Office",
                    "Обеспечивать ведение переписки и публикацию документов Бюро на двух языках",
                ),
                [MA],
                (
                    "Provide Russian language versions of documents produced by the Office as "
                    "much as possible",
                    "Подготовка, по мере возможности, русскоязычных версий документов, "
                    "выпускаемых Бюро",
                ),
                ("initiated", ("in early 2020", "в начале 2020 года")),
                ("Availability of bilingual documents", "Наличие документов на двух языках"),
                None,
                (
                    "Increased outreach of the Office and convenience provided for "
                    "Russian-speaking Member Administrations",
                    "Более широкий охват аудитории Бюро и удобство для русскоязычных "
                    "администраций-членов",
                ),
                [],
            ),
            (
                4,
                (
                    "Digitalize correspondence and documents of the Office for electronic "
                    "archiving",
                    "Перевести переписку и документы Бюро в цифровую форму для электронного "
                    "архивирования",
                ),
                [],  # "Not applicable" in the source
                (
                    "Establish digital archive for storage of official materials produced by the "
                    "Office in internal server",
                    "Создание на внутреннем сервере цифрового архива для хранения официальных "
                    "материалов, подготовленных Бюро",
                ),
                ("to_be_initiated", None),
                ("Building a digital archive", "Создание цифрового архива"),
                None,
                (
                    "Ease of access and long-term stable usefulness of documents",
                    "Удобный доступ к документам и их долгосрочная польза",
                ),
                [],
            ),
        ],
    ),
    (
        6,
        (
            "Secure adequate funding and financial sustainability",
            "Обеспечить достаточное финансирование и финансовую устойчивость",
        ),
        (
            "Improved functionality of the ROCB Europe in providing customs capacity activities.",
            "Более широкие возможности РБНП Европа в проведении мероприятий по наращиванию "
            "таможенного потенциала.",
        ),
        [
            (
                1,
                (
                    "Engage in ensuring stable and adequate funding",
                    "Добиваться стабильного и достаточного финансирования",
                ),
                [MA],
                (
                    "Inform Member Administrations of the course of financial situation and "
                    "annual contributions",
                    "Информирование администраций-членов о финансовом положении и ежегодных "
                    "взносах",
                ),
                ("ongoing", None),
                (
                    "Endeavor for stable funding and informing Member Administrations thereof",
                    "Усилия по обеспечению стабильного финансирования и информирование о них "
                    "администраций-членов",
                ),
                None,
                (
                    "Pre-determined and anticipated amount of annual contributions and "
                    "activities taken commensurate to the funding",
                    "Заранее определённый и прогнозируемый объём ежегодных взносов "
                    "и мероприятия, соразмерные финансированию",
                ),
                [],
            ),
            (
                2,
                (
                    "Maintain accountability and transparency on budgetary aspects",
                    "Обеспечивать подотчётность и прозрачность в бюджетных вопросах",
                ),
                [MA],
                (
                    "Retain trackable figures of income and spending",
                    "Ведение прослеживаемого учёта доходов и расходов",
                ),
                ("ongoing", None),
                (
                    "Submitting budget report to Member Administrations",
                    "Представление отчёта об исполнении бюджета администрациям-членам",
                ),
                None,
                (
                    "Use of financial resources for attaining the goals of the Office in an "
                    "accountable, transparent and sustainable way",
                    "Подотчётное, прозрачное и устойчивое использование финансовых ресурсов "
                    "для достижения целей Бюро",
                ),
                [],
            ),
        ],
    ),
    (
        7,
        (
            "Address a broad audience and raise awareness on customs capacity building and "
            "development",
            "Охватывать широкую аудиторию и повышать осведомлённость о наращивании таможенного "
            "потенциала и развитии",
        ),
        (
            "Increased audience as well as awareness in customs and trade community.",
            "Более широкая аудитория и более высокая осведомлённость таможенного и торгового "
            "сообщества.",
        ),
        [
            (
                1,
                (
                    "Ensure improved technical infrastructure and optimization for stable and "
                    "user-friendly web site",
                    "Совершенствовать техническую инфраструктуру и оптимизировать веб-сайт, "
                    "чтобы он работал стабильно и был удобен для пользователей",
                ),
                [MA, WCO, OIO, PS],
                (
                    "Consistent, readily accessible and user-centric web site",
                    "Стабильный, легкодоступный и ориентированный на пользователя веб-сайт",
                ),
                ("ongoing", None),
                (
                    "Maintain a properly working effective web site and number of visits",
                    "Исправная и эффективная работа веб-сайта; количество посещений",
                ),
                ("visits", "посещения"),
                (
                    "Better and more use of ROCB Europe web site with added benefits for visitors",
                    "Более активное и эффективное использование веб-сайта РБНП Европа "
                    "и дополнительные возможности для посетителей",
                ),
                [],
            ),
            (
                2,
                (
                    "Use means of outreach and promotion materials",
                    "Использовать средства информационно-разъяснительной работы и рекламные "
                    "материалы",
                ),
                [MA, WCO, OIO, PS],
                (
                    "Implement public engagement efforts and reach out to customs and trade "
                    "community by effective communication and representation",
                    "Работа по вовлечению общественности и взаимодействие с таможенным "
                    "и торговым сообществом посредством эффективной коммуникации "
                    "и представительства",
                ),
                ("ongoing", None),
                (
                    "Number of activities or actions taken on outreach",
                    "Количество мероприятий или мер в рамках информационно-разъяснительной "
                    "работы",
                ),
                ACTIONS_UNIT,
                (
                    "Upheld customs capacity building related promotion and widened audience",
                    "Неизменное продвижение темы наращивания таможенного потенциала и более "
                    "широкая аудитория",
                ),
                [("In progress", "Выполняется")],
            ),
        ],
    ),
]


def _translated(name, pair):
    """The base column (English, as modeltranslation keeps it) and both language columns."""
    english, russian = pair if pair else ("", "")
    return {name: english, f"{name}_en": english, f"{name}_ru": russian}


def load(apps, schema_editor):
    Plan = apps.get_model("workplan", "Plan")
    Goal = apps.get_model("workplan", "Goal")
    Activity = apps.get_model("workplan", "Activity")
    Stakeholder = apps.get_model("workplan", "Stakeholder")
    ReportingPeriod = apps.get_model("workplan", "ReportingPeriod")
    ProgressEntry = apps.get_model("workplan", "ProgressEntry")

    stakeholders = {}
    for position, (slug, english, russian) in enumerate(STAKEHOLDERS, 1):
        stakeholders[slug] = Stakeholder.objects.create(
            slug=slug, position=position, **_translated("name", (english, russian))
        )
    plan = Plan.objects.create(
        is_current=True,
        start_year=PLAN["start_year"],
        **_translated("title", (PLAN["title_en"], PLAN["title_ru"])),
        **_translated("introduction", (PLAN["introduction_en"], PLAN["introduction_ru"])),
    )
    period = ReportingPeriod.objects.create(
        starts_on=PERIOD["starts_on"],
        ends_on=PERIOD["ends_on"],
        **_translated("name", (PERIOD["name_en"], PERIOD["name_ru"])),
    )
    for number, title, impact, activities in GOALS:
        goal = Goal.objects.create(
            plan=plan,
            number=number,
            **_translated("title", title),
            **_translated("expected_impact", impact),
        )
        for (
            sequence,
            activity_title,
            activity_stakeholders,
            output,
            (status, status_note),
            indicator,
            unit,
            outcome,
            progress,
        ) in activities:
            activity = Activity.objects.create(
                goal=goal,
                sequence=sequence,
                status=status,
                **_translated("title", activity_title),
                **_translated("expected_output", output),
                **_translated("status_note", status_note),
                **_translated("indicator", indicator),
                **_translated("unit", unit),
                **_translated("intended_outcome", outcome),
            )
            activity.stakeholders.set([stakeholders[slug] for slug in activity_stakeholders])
            if progress:
                ProgressEntry.objects.create(
                    activity=activity,
                    period=period,
                    reported_on=PERIOD["ends_on"],
                    **_translated(
                        "summary",
                        (
                            "\n".join(english for english, _russian in progress),
                            "\n".join(russian for _english, russian in progress),
                        ),
                    ),
                )


def unload(apps, schema_editor):
    apps.get_model("workplan", "ProgressEntry").objects.all().delete()
    apps.get_model("workplan", "ReportingPeriod").objects.all().delete()
    apps.get_model("workplan", "Plan").objects.all().delete()
    apps.get_model("workplan", "Stakeholder").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("workplan", "0001_initial")]

    operations = [migrations.RunPython(load, unload)]
