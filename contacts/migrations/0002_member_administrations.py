"""The member administrations of the WCO Europe region, in English and Russian.

The office keeps the list current in the admin; `is_rtc` marks administrations known to host a
WCO Regional Training Centre.
"""

from django.db import migrations

ADMINISTRATIONS = [
    # code, English, Russian, hosts an RTC
    ("AL", "Albania", "Албания", False),
    ("AD", "Andorra", "Андорра", False),
    ("AM", "Armenia", "Армения", False),
    ("AT", "Austria", "Австрия", False),
    ("AZ", "Azerbaijan", "Азербайджан", True),
    ("BY", "Belarus", "Беларусь", False),
    ("BE", "Belgium", "Бельгия", False),
    ("BA", "Bosnia and Herzegovina", "Босния и Герцеговина", False),
    ("BG", "Bulgaria", "Болгария", False),
    ("HR", "Croatia", "Хорватия", False),
    ("CY", "Cyprus", "Кипр", False),
    ("CZ", "Czech Republic", "Чешская Республика", False),
    ("DK", "Denmark", "Дания", False),
    ("EE", "Estonia", "Эстония", False),
    ("EU", "European Union", "Европейский союз", False),
    ("FI", "Finland", "Финляндия", False),
    ("FR", "France", "Франция", False),
    ("GE", "Georgia", "Грузия", False),
    ("DE", "Germany", "Германия", False),
    ("GR", "Greece", "Греция", False),
    ("HU", "Hungary", "Венгрия", False),
    ("IS", "Iceland", "Исландия", False),
    ("IE", "Ireland", "Ирландия", False),
    ("IL", "Israel", "Израиль", False),
    ("IT", "Italy", "Италия", False),
    ("KZ", "Kazakhstan", "Казахстан", True),
    ("KG", "Kyrgyzstan", "Кыргызстан", False),
    ("LV", "Latvia", "Латвия", False),
    ("LT", "Lithuania", "Литва", False),
    ("LU", "Luxembourg", "Люксембург", False),
    ("MT", "Malta", "Мальта", False),
    ("MD", "Moldova", "Молдова", False),
    ("ME", "Montenegro", "Черногория", False),
    ("NL", "Netherlands", "Нидерланды", False),
    ("MK", "North Macedonia", "Северная Македония", False),
    ("NO", "Norway", "Норвегия", False),
    ("PL", "Poland", "Польша", False),
    ("PT", "Portugal", "Португалия", False),
    ("RO", "Romania", "Румыния", False),
    ("RU", "Russian Federation", "Российская Федерация", True),
    ("RS", "Serbia", "Сербия", False),
    ("SK", "Slovakia", "Словакия", False),
    ("SI", "Slovenia", "Словения", False),
    ("ES", "Spain", "Испания", False),
    ("SE", "Sweden", "Швеция", False),
    ("CH", "Switzerland", "Швейцария", False),
    ("TJ", "Tajikistan", "Таджикистан", False),
    ("TR", "Türkiye", "Турция", False),
    ("TM", "Turkmenistan", "Туркменистан", False),
    ("UA", "Ukraine", "Украина", True),
    ("GB", "United Kingdom", "Соединённое Королевство", False),
    ("UZ", "Uzbekistan", "Узбекистан", False),
]


def load(apps, schema_editor):
    Administration = apps.get_model("contacts", "Administration")
    for code, name_en, name_ru, is_rtc in ADMINISTRATIONS:
        Administration.objects.update_or_create(
            code=code,
            defaults={
                "name": name_en,
                "name_en": name_en,
                "name_ru": name_ru,
                "is_member": True,
                "is_rtc": is_rtc,
            },
        )


def unload(apps, schema_editor):
    Administration = apps.get_model("contacts", "Administration")
    Administration.objects.filter(code__in=[row[0] for row in ADMINISTRATIONS]).delete()


class Migration(migrations.Migration):
    dependencies = [("contacts", "0001_initial")]

    operations = [migrations.RunPython(load, unload)]
