"""The WCO tools and e-learning courses the office promotes, as named in the office's sources."""

from django.db import migrations

WCO = "https://www.wcoomd.org/"
CLIKC = "https://clikc.wcoomd.org/"

TOOLS = [
    {
        "slug": "framework-customs-professionalism",
        "kind": "instrument",
        "position": 1,
        "is_promoted": True,
        "url": WCO,
        "title_en": "Framework of Principles and Practices on Customs Professionalism",
        "title_ru": "Рамочные принципы и практики в области таможенного профессионализма",
        "description_en": (
            "A blueprint for designing comprehensive customs workforce development strategies "
            "and programmes: staffing, recruitment, development and learning, career paths and "
            "mobility, and performance management, in line with the specific nature of the "
            "customs profession."
        ),
        "description_ru": (
            "Основа для разработки комплексных стратегий и программ развития персонала таможни: "
            "комплектование штатов, подбор, развитие и обучение, карьера и мобильность, "
            "управление результативностью с учётом особенностей таможенной профессии."
        ),
    },
    {
        "slug": "clikc",
        "kind": "tool",
        "position": 1,
        "is_promoted": True,
        "url": CLIKC,
        "title_en": "CLiKC! learning and knowledge platform",
        "title_ru": "Платформа обучения и знаний CLiKC!",
        "description_en": (
            "The WCO's learning and knowledge community: e-learning courses for customs "
            "officers, the network of National Learning Coordinators and collections of national "
            "curricula, case studies and training management practices."
        ),
        "description_ru": (
            "Сообщество обучения и знаний ВТамО: электронные курсы для сотрудников таможни, сеть "
            "национальных координаторов по обучению, собрание национальных учебных программ, "
            "практических примеров и опыта управления обучением."
        ),
    },
    {
        "slug": "people-development-interactive-map",
        "kind": "tool",
        "position": 2,
        "is_promoted": True,
        "url": CLIKC,
        "title_en": "People Development Interactive Map",
        "title_ru": "Интерактивная карта развития персонала",
        "description_en": (
            "A database linking information from member administrations on national customs "
            "training centres and human resource management development. It complements the "
            "Framework on Customs Professionalism and helps customs training professionals "
            "exchange experience; National Learning Coordinators keep their administration's "
            "data current."
        ),
        "description_ru": (
            "База данных администраций-членов о национальных таможенных учебных центрах и "
            "развитии управления персоналом. Дополняет Рамочные принципы таможенного "
            "профессионализма и помогает специалистам по таможенному обучению обмениваться "
            "опытом; национальные координаторы по обучению поддерживают данные своей "
            "администрации в актуальном состоянии."
        ),
    },
    {
        "slug": "gender-equality-assessment-tool",
        "kind": "tool",
        "position": 3,
        "is_promoted": False,
        "url": WCO,
        "title_en": "Customs-specific Gender Equality Organizational Assessment Tool",
        "title_ru": "Инструмент оценки гендерного равенства в таможенной организации",
        "description_en": (
            "Helps a customs administration assess how far its policies, practices and "
            "activities take gender equality and diversity into account, and plan improvements."
        ),
        "description_ru": (
            "Помогает таможенной администрации оценить, насколько её политика, практика и "
            "деятельность учитывают гендерное равенство и многообразие, и спланировать улучшения."
        ),
    },
    {
        "slug": "virtual-customs-orientation-academy",
        "kind": "course",
        "position": 1,
        "is_promoted": True,
        "url": CLIKC,
        "title_en": "Virtual Customs Orientation Academy (VCOA)",
        "title_ru": "Виртуальная академия таможенной ориентации",
        "description_en": (
            "Twelve weeks of tutored online studies: build your capacities through awareness "
            "development, speak the international customs language and enhance your fundamental "
            "customs knowledge. The best graduates are showcased on the academy's alumni site."
        ),
        "description_ru": (
            "Двенадцать недель дистанционного обучения с наставником: развитие компетенций, "
            "освоение международного таможенного языка и углубление базовых таможенных знаний. "
            "Лучшие выпускники представлены на сайте выпускников академии."
        ),
    },
    {
        "slug": "post-clearance-audit",
        "kind": "course",
        "position": 2,
        "is_promoted": False,
        "url": CLIKC,
        "title_en": "Post-Clearance Audit / Controls (PCA)",
        "title_ru": "Аудит и контроль после выпуска товаров",
        "description_en": (
            "E-learning course on auditing traders' records after goods are released, part of "
            "the WCO's suite on critical customs modernization topics."
        ),
        "description_ru": (
            "Электронный курс о проверке документов и учёта участников торговли после выпуска "
            "товаров; входит в серию курсов ВТамО по ключевым темам модернизации таможни."
        ),
    },
    {
        "slug": "revised-kyoto-convention",
        "kind": "course",
        "position": 3,
        "is_promoted": False,
        "url": CLIKC,
        "title_en": "Revised Kyoto Convention (RKC)",
        "title_ru": "Пересмотренная Киотская конвенция",
        "description_en": (
            "E-learning course on the International Convention on the simplification and "
            "harmonization of Customs procedures, the blueprint for modern customs procedures."
        ),
        "description_ru": (
            "Электронный курс о Международной конвенции об упрощении и гармонизации таможенных "
            "процедур, основе современных таможенных процедур."
        ),
    },
    {
        "slug": "risk-management",
        "kind": "course",
        "position": 4,
        "is_promoted": False,
        "url": CLIKC,
        "title_en": "Risk Management (RM)",
        "title_ru": "Управление рисками",
        "description_en": (
            "E-learning course on identifying, assessing and treating customs risks so that "
            "controls focus where they matter."
        ),
        "description_ru": (
            "Электронный курс о выявлении, оценке и обработке таможенных рисков, чтобы контроль "
            "был направлен туда, где он действительно нужен."
        ),
    },
    {
        "slug": "coordinated-border-management",
        "kind": "course",
        "position": 5,
        "is_promoted": False,
        "url": CLIKC,
        "title_en": "Coordinated Border Management (CBM)",
        "title_ru": "Скоординированное управление границами",
        "description_en": (
            "E-learning course on cooperation between the agencies at the border, within a "
            "country and with neighbouring countries."
        ),
        "description_ru": (
            "Электронный курс о взаимодействии служб на границе внутри страны и с соседними "
            "государствами."
        ),
    },
    {
        "slug": "introduction-leadership-management",
        "kind": "course",
        "position": 6,
        "is_promoted": False,
        "url": CLIKC,
        "title_en": "Introduction to Leadership and Management (LMD)",
        "title_ru": "Введение в лидерство и управление",
        "description_en": (
            "E-learning course that also prepares participants for the WCO's Leadership and "
            "Management Development workshops, which now follow a blended learning format."
        ),
        "description_ru": (
            "Электронный курс, который также готовит участников к семинарам ВТамО по развитию "
            "лидерства и управления, проводимым теперь в формате смешанного обучения."
        ),
    },
]


def seed_tools(apps, schema_editor):
    Tool = apps.get_model("outreach", "Tool")
    for data in TOOLS:
        fields = dict(data, title=data["title_en"], description=data["description_en"])
        Tool.objects.update_or_create(slug=fields.pop("slug"), defaults=fields)


def remove_tools(apps, schema_editor):
    Tool = apps.get_model("outreach", "Tool")
    Tool.objects.filter(slug__in=[data["slug"] for data in TOOLS]).delete()


class Migration(migrations.Migration):
    dependencies = [("outreach", "0002_news_events_search")]

    operations = [migrations.RunPython(seed_tools, remove_tools)]
