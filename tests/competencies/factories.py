"""Builders for competency framework test data, on top of the framework the migrations load
(three areas, three families, levels 1-4)."""

from itertools import count

from competencies.models import (
    Competency,
    CompetencyFamily,
    FunctionalArea,
    JobPosition,
    LevelDescriptor,
    ProficiencyLevel,
    Requirement,
)
from outreach.models import Tool

_serial = count(1)


def level(number: int) -> ProficiencyLevel:
    return ProficiencyLevel.objects.get(number=number)


def make_competency(*, family: str = "operational", descriptors: bool = True, **fields):
    n = next(_serial)
    fields.setdefault("code", f"TT-{n}")
    fields.setdefault("name_en", f"Test competency {n}")
    fields.setdefault("name_ru", f"Тестовая компетенция {n}")
    fields.setdefault("definition_en", f"What competency {n} is about.")
    fields.setdefault("definition_ru", f"О чём компетенция {n}.")
    competency = Competency.objects.create(
        family=CompetencyFamily.objects.get(code=family), **fields
    )
    if descriptors:
        LevelDescriptor.objects.bulk_create(
            LevelDescriptor(
                competency=competency,
                level=step,
                indicators_en=f"Shows {competency.code} at level {step.number}.\nSecond line.",
                indicators_ru=f"Проявляет {competency.code}: уровень {step.number}.\nЕщё строка.",
            )
            for step in ProficiencyLevel.objects.all()
        )
    return competency


def make_position(*, area: str = "technical", requires: dict | None = None, **fields):
    """A position; `requires` maps competencies to the level number required."""
    n = next(_serial)
    fields.setdefault("slug", f"test-position-{n}")
    fields.setdefault("title_en", f"Test position {n}")
    fields.setdefault("title_ru", f"Тестовая должность {n}")
    fields.setdefault("purpose_en", f"Why position {n} exists.")
    fields.setdefault("purpose_ru", f"Зачем нужна должность {n}.")
    fields.setdefault("duties_en", "First duty\nSecond duty")
    fields.setdefault("duties_ru", "Первая обязанность\nВторая обязанность")
    position = JobPosition.objects.create(area=FunctionalArea.objects.get(code=area), **fields)
    if requires:
        levels = {step.number: step for step in ProficiencyLevel.objects.all()}
        Requirement.objects.bulk_create(
            Requirement(position=position, competency=competency, level=levels[number])
            for competency, number in requires.items()
        )
    return position


def make_tool(**fields) -> Tool:
    n = next(_serial)
    fields.setdefault("kind", Tool.Kind.COURSE)
    fields.setdefault("slug", f"test-tool-{n}")
    fields.setdefault("title_en", f"Test course {n}")
    fields.setdefault("title_ru", f"Тестовый курс {n}")
    fields.setdefault("url", f"https://clikc.example.org/course-{n}")
    return Tool.objects.create(**fields)
