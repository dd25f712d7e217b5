"""Demo contact points and training centres for development (`manage.py demo_data`).

The people are invented (addresses on .test). The training centres are DEMO DATA: cities and
roles follow public sources and the office's seed newsletter (Romania's Moodle platform, the
one it set up for Moldova), but names, coordinates and programmes must be confirmed by each
administration's focal point before the list is published.
"""

import datetime
from decimal import Decimal

from django.utils import timezone

from administrations.models import Administration
from contacts.models import ContactPoint, TrainingCentre

CENTRES = [
    # country, English name, Russian name, English city, Russian city, lat, lon, WCO RTC,
    # programmes (English lines, Russian lines), e-learning platform
    (
        "AZ", "Training Centre of the State Customs Committee (WCO RTC Baku)",
        "Учебный центр Государственного таможенного комитета (РУЦ ВТамО, Баку)",
        "Baku", "Баку", "40.40926", "49.86709", True,
        ("Basic customs training\nRisk management\nLeadership and management development",
         "Начальная таможенная подготовка\nУправление рисками\nРазвитие лидерства и управления"),
        "",
    ),
    (
        "RU", "Russian Customs Academy", "Российская таможенная академия",
        "Lyubertsy", "Люберцы", "55.67719", "37.89322", True,
        ("Higher customs education\nContinuing professional development",
         "Высшее таможенное образование\nПовышение квалификации"),
        "",
    ),
    (
        "UA", "University of Customs and Finance", "Университет таможенного дела и финансов",
        "Dnipro", "Днепр", "48.46472", "35.04618", True,
        ("Customs and finance degrees\nTraining of trainers",
         "Образование в области таможенного дела и финансов\nПодготовка тренеров"),
        "Moodle",
    ),
    (
        "KZ", "Customs training centre of the State Revenue Committee",
        "Таможенный учебный центр Комитета государственных доходов",
        "Almaty", "Алматы", "43.23814", "76.94557", True,
        ("Post-clearance audit\nCoordinated border management",
         "Постаудит\nСогласованное управление границами"),
        "Moodle",
    ),
    (
        "RO", "Training centre of the Romanian Customs Authority",
        "Учебный центр Таможенной администрации Румынии",
        "Bucharest", "Бухарест", "44.42677", "26.10254", False,
        ("Blended learning with the CLiKC! courses\nTraining needs analysis\nCascade training",
         "Смешанное обучение с курсами CLiKC!\nАнализ потребностей в обучении\nКаскадное обучение"),
        "Moodle",
    ),
    (
        "MD", "Customs Service training centre", "Учебный центр Таможенной службы",
        "Chișinău", "Кишинёв", "47.01056", "28.86381", False,
        ("E-learning for all customs officers",
         "Электронное обучение для всех сотрудников таможни"),
        "Moodle",
    ),
    (
        "GE", "Revenue Service Training Centre", "Учебный центр Службы доходов",
        "Tbilisi", "Тбилиси", "41.71513", "44.82710", False,
        ("Customs procedures\nIntegrity", "Таможенные процедуры\nДобропорядочность"),
        "",
    ),
]  # fmt: skip

PEOPLE = [
    # country, role, English name, Russian name, English title, Russian title, email, phone,
    # languages, months since verified (None: never)
    ("AZ", "head", "Kamran Huseynov", "Камран Гусейнов", "Chairman", "Председатель",
     "chairman@customs.az.test", "+994 12 404 00 00", ["az", "en", "ru"], 2),
    ("AZ", "capacity_building", "Aytan Guliyeva", "Айтан Гулиева",
     "Head of International Cooperation", "Начальник отдела международного сотрудничества",
     "cooperation@customs.az.test", "+994 12 404 00 01", ["az", "en", "ru"], 2),
    ("AZ", "learning", "Elvin Mammadov", "Эльвин Мамедов", "Training Centre Director",
     "Директор учебного центра", "training@customs.az.test", "+994 12 404 00 02",
     ["az", "ru"], 14),
    ("GE", "capacity_building", "Nino Kapanadze", "Нино Капанадзе", "Head of Unit",
     "Руководитель подразделения", "nino.kapanadze@rs.ge.test", "+995 32 226 11 11",
     ["ka", "en"], None),
    ("GE", "hr", "Giorgi Beridze", "Георгий Беридзе", "HR Manager", "Менеджер по персоналу",
     "hr@rs.ge.test", "+995 32 226 11 12", ["ka", "ru", "en"], 20),
    ("KZ", "learning", "Aigerim Nurlanovna", "Айгерим Нурлановна", "Chief Expert",
     "Главный эксперт", "learning@kgd.kz.test", "+7 717 271 00 00", ["kk", "ru"], 5),
    ("RO", "learning", "Ioana Popescu", "Иоана Попеску", "Training Coordinator",
     "Координатор обучения", "training@customs.ro.test", "+40 21 315 58 58",
     ["ro", "en", "fr"], 1),
]  # fmt: skip


def load(*, stdout) -> None:
    administrations = {a.code: a for a in Administration.objects.all()}
    for code, name_en, name_ru, city_en, city_ru, lat, lon, rtc, programmes, platform in CENTRES:
        TrainingCentre.objects.create(
            administration=administrations[code],
            name_en=name_en,
            name_ru=name_ru,
            city_en=city_en,
            city_ru=city_ru,
            latitude=Decimal(lat),
            longitude=Decimal(lon),
            is_wco_rtc=rtc,
            programmes_en=programmes[0],
            programmes_ru=programmes[1],
            elearning_platform=platform,
        )
    today = timezone.localdate()
    for (code, role, name_en, name_ru, title_en, title_ru, email, phone, languages,
         months) in PEOPLE:  # fmt: skip
        contact = ContactPoint(
            administration=administrations[code],
            role=role,
            name_en=name_en,
            name_ru=name_ru,
            title_en=title_en,
            title_ru=title_ru,
            email=email,
            phone=phone,
            languages=languages,
            verified_on=None if months is None else today - datetime.timedelta(days=30 * months),
        )
        contact.full_clean()
        contact.save()
    stdout.write(
        f"Demo contact points: {len(PEOPLE)}; training centres (demo data): {len(CENTRES)}."
    )
