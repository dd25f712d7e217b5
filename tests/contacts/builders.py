"""Builders for contact points and training centres in tests, and a reader of their rows."""

import datetime
import re
from decimal import Decimal
from itertools import count

from contacts.models import ContactPoint, TrainingCentre

_serial = count(1)


def make_contact(administration, **fields) -> ContactPoint:
    n = next(_serial)
    name = fields.pop("name", f"Person {n}")
    fields.setdefault("role", ContactPoint.Role.CAPACITY_BUILDING)
    fields.setdefault("name_en", name)
    fields.setdefault("name_ru", f"Персона {n}")
    fields.setdefault("title_en", "Head of Unit")
    fields.setdefault("title_ru", "Начальник отдела")
    fields.setdefault("email", f"person{n}@customs.test")
    fields.setdefault("phone", "+994 12 404 00 00")
    fields.setdefault("languages", ["en", "ru"])
    fields.setdefault("verified_on", datetime.date(2026, 1, 15))
    return ContactPoint.objects.create(administration=administration, **fields)


def make_contacts(administrations, total: int) -> None:
    """`total` contact points spread over the administrations, in one insert."""
    roles = ContactPoint.Role.values
    rows = []
    for i in range(total):
        administration = administrations[i % len(administrations)]
        rows.append(
            ContactPoint(
                administration=administration,
                role=roles[i % len(roles)],
                name=f"Bulk Person {i}",
                name_en=f"Bulk Person {i}",
                name_ru=f"Массовая Персона {i}",
                title=f"Officer {i}",
                title_en=f"Officer {i}",
                title_ru=f"Сотрудник {i}",
                email=f"bulk{i}@customs.test",
                phone="+994 12 404 00 00",
                languages=["en", "ru"],
                verified_on=datetime.date(2026, 1, 1),
            )
        )
    ContactPoint.objects.bulk_create(rows, batch_size=1000)


def make_centre(administration, **fields) -> TrainingCentre:
    n = next(_serial)
    fields.setdefault("name_en", f"Training Centre {n}")
    fields.setdefault("name_ru", f"Учебный центр {n}")
    fields.setdefault("city_en", "Baku")
    fields.setdefault("city_ru", "Баку")
    fields.setdefault("latitude", Decimal("40.40926"))
    fields.setdefault("longitude", Decimal("49.86709"))
    fields.setdefault("programmes_en", "Risk management\nLeadership")
    fields.setdefault("programmes_ru", "Управление рисками\nЛидерство")
    return TrainingCentre.objects.create(administration=administration, **fields)


def contact_rows_of(html: str) -> list[str]:
    """The contact rows of a page, with the white space between tags taken out."""
    rows = re.findall(r'<tr id="contact-\d+">.*?</tr>', html, re.S)
    return [re.sub(r"\s*(<[^>]+>)\s*", r"\1", row) for row in rows]
