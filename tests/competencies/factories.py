"""Builders for competency framework test data, on top of what the migrations load (the three
areas and three families): the proficiency scale, positions and competencies (endorsed unless a
test says otherwise), or the whole invented starter framework of the demo data."""

import datetime
from itertools import count

from django.utils import timezone

from competencies import starter
from competencies.models import (
    Competency,
    CompetencyFamily,
    ConsultationComment,
    ConsultationRound,
    FunctionalArea,
    JobPosition,
    LevelDescriptor,
    ProficiencyLevel,
    Requirement,
    Status,
)
from outreach.models import Tool

_serial = count(1)

# What an endorsed item carries.
ENDORSED = starter.DEMO_ENDORSEMENT


def make_scale() -> dict[int, ProficiencyLevel]:
    """The four-step proficiency scale of the demo data: {number: level}."""
    return starter.scale_load()


def level(number: int) -> ProficiencyLevel:
    return make_scale()[number]


def starter_framework(**fields) -> tuple[list[JobPosition], list[Competency]]:
    """The demo data's invented scale, 10 positions and 18 competencies, endorsed unless
    `fields` say otherwise (e.g. `status=Status.DRAFT`)."""
    return starter.load(**(fields or ENDORSED))


def _publication(fields: dict) -> None:
    if "status" not in fields:
        fields.update(ENDORSED)


def make_competency(*, family: str = "operational", descriptors: bool = True, **fields):
    n = next(_serial)
    # Zero-padded, so that codes sort as they were made (TT-099 before TT-100).
    fields.setdefault("code", f"TT-{n:03d}")
    fields.setdefault("name_en", f"Test competency {n}")
    fields.setdefault("name_ru", f"Тестовая компетенция {n}")
    fields.setdefault("definition_en", f"What competency {n} is about.")
    fields.setdefault("definition_ru", f"О чём компетенция {n}.")
    _publication(fields)
    levels = make_scale()
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
            for step in levels.values()
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
    _publication(fields)
    position = JobPosition.objects.create(area=FunctionalArea.objects.get(code=area), **fields)
    if requires:
        levels = make_scale()
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


def make_consultation_round(*, positions=(), competencies=(), **fields) -> ConsultationRound:
    """A round open today for ten more days, on these items (put into consultation, as opening a
    round does; no mail is sent)."""
    n = next(_serial)
    fields.setdefault("title_en", f"Consultation {n}")
    fields.setdefault("title_ru", f"Консультация {n}")
    fields.setdefault("opens_on", timezone.localdate() - datetime.timedelta(days=1))
    fields.setdefault("deadline", timezone.localdate() + datetime.timedelta(days=10))
    round = ConsultationRound(**fields)
    round.title = round.title_en
    round.full_clean()
    round.save()
    round.positions.set(positions)
    round.competencies.set(competencies)
    for item in [*positions, *competencies]:
        type(item).objects.filter(pk=item.pk).update(status=Status.CONSULTATION)
    return round


def make_comment(*, round, author, text="A comment.", **item) -> ConsultationComment:
    """A comment by `author` (a member) on the item (position= or competency=, maybe level=)."""
    comment = ConsultationComment(
        round=round, author=author, administration_id=author.administration_id, text=text, **item
    )
    comment.full_clean()
    comment.save()
    return comment
