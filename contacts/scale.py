"""Benchmark scale: 60 administrations (the region's 52 and some more)."""

from contacts.models import Administration

TARGET = 60


def load(*, stdout) -> None:
    existing = Administration.objects.count()
    Administration.objects.bulk_create(
        Administration(
            code=f"X{chr(65 + n)}",
            name=f"Benchland {n}",
            name_en=f"Benchland {n}",
            name_ru=f"Бенчландия {n}",
        )
        for n in range(max(0, TARGET - existing))
    )
