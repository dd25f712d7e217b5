"""Test data builders: plain functions with sensible defaults, overridable by keyword."""

from itertools import count, product
from string import ascii_uppercase

from accounts.models import User
from administrations.models import Administration

PASSWORD = "correct-horse-battery-staple"  # noqa: S105
_serial = count(1)


def _free_country_code() -> str:
    used = set(Administration.objects.values_list("code", flat=True))
    return next(
        code for code in map("".join, product(ascii_uppercase, repeat=2)) if code not in used
    )


def make_administration(**fields) -> Administration:
    n = next(_serial)
    fields.setdefault("code", _free_country_code())
    fields.setdefault("name_en", f"Testland {n}")
    fields.setdefault("name_ru", f"Тестландия {n}")
    return Administration.objects.create(**fields)


def make_user(*, email: str | None = None, password: str = PASSWORD, **fields) -> User:
    return User.objects.create_user(email or f"user{next(_serial)}@example.org", password, **fields)
