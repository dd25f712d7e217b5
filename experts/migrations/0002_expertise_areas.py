"""The areas of expertise: the usual WCO capacity-building fields and those of the office's
source documents (competency-based HR management, e-learning, the qualifications framework's
clusters, the work plan's needs analysis). Staff add more in the admin."""

from django.db import migrations

AREAS = [
    # code, English, Russian
    ("risk-management", "Risk management", "Управление рисками"),
    ("post-clearance-audit", "Post-clearance audit", "Пост-таможенный аудит"),
    (
        "revised-kyoto-convention",
        "Revised Kyoto Convention",
        "Пересмотренная Киотская конвенция",
    ),
    (
        "coordinated-border-management",
        "Coordinated border management",
        "Скоординированное управление границами",
    ),
    (
        "hs-classification",
        "HS classification",
        "Классификация товаров по Гармонизированной системе",
    ),
    ("valuation", "Customs valuation", "Таможенная стоимость"),
    ("origin", "Rules of origin", "Правила происхождения товаров"),
    (
        "aeo",
        "Authorized Economic Operator (AEO)",
        "Уполномоченный экономический оператор (УЭО)",
    ),
    ("integrity", "Integrity", "Добросовестность"),
    ("hr-management-training", "HR management and training", "Управление персоналом и обучение"),
    (
        "leadership",
        "Leadership and management development",
        "Развитие лидерских и управленческих навыков",
    ),
    (
        "customs-procedures",
        "Customs procedures and regimes",
        "Таможенные процедуры и режимы",
    ),
    (
        "competency-based-hrm",
        "Competency-based HR management",
        "Управление персоналом на основе компетенций",
    ),
    ("e-learning", "E-learning and blended learning", "Электронное и смешанное обучение"),
    (
        "training-needs-analysis",
        "Training needs analysis and training management",
        "Анализ потребностей в обучении и организация обучения",
    ),
    (
        "career-development",
        "Career development and talent management",
        "Развитие карьеры и управление талантами",
    ),
    ("performance-management", "Performance management", "Управление эффективностью работы"),
    ("change-management", "Change management", "Управление изменениями"),
    (
        "strategic-planning",
        "Strategic planning and organizational development",
        "Стратегическое планирование и организационное развитие",
    ),
    (
        "capacity-building-needs",
        "Capacity building needs assessment",
        "Оценка потребностей в наращивании потенциала",
    ),
    ("gender-equality", "Gender equality and diversity", "Гендерное равенство и многообразие"),
    (
        "enforcement-wildlife",
        "Enforcement and illegal wildlife trade (CITES)",
        "Правоохранительная деятельность и незаконная торговля дикой фауной и флорой (СИТЕС)",
    ),
]


def load(apps, schema_editor):
    ExpertiseArea = apps.get_model("experts", "ExpertiseArea")
    for slug, name_en, name_ru in AREAS:
        ExpertiseArea.objects.update_or_create(
            slug=slug, defaults={"name": name_en, "name_en": name_en, "name_ru": name_ru}
        )


def unload(apps, schema_editor):
    ExpertiseArea = apps.get_model("experts", "ExpertiseArea")
    ExpertiseArea.objects.filter(slug__in=[row[0] for row in AREAS]).delete()


class Migration(migrations.Migration):
    dependencies = [("experts", "0001_initial")]

    operations = [migrations.RunPython(load, unload)]
