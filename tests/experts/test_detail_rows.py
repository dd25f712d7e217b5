"""An expert's page read in one statement (experts.detail_rows): the same rows, fields and order
as Django's select_related and prefetches gave, in both languages, nothing left for the page to
load, and no record that is not listed."""

import datetime

import pytest
from django.utils import timezone, translation

from competencies.models import Status
from experts import selectors
from experts.models import Expert
from needs.models import Mission
from tests.competencies.factories import make_competency
from tests.experts.factories import make_expert
from tests.needs.factories import make_need

pytestmark = pytest.mark.django_db


@pytest.fixture
def expert(azerbaijan, georgia, focal_point, other_focal_point):
    expert = make_expert(
        administration=azerbaijan,
        given_names_en="Elvin",
        family_name_en="Aliyev",
        given_names_ru="Эльвин",
        family_name_ru="Алиев",
        position_en="Senior auditor",  # no Russian: it falls back
        phone="+994 12 000 00 00",
        experience_en="Audits.",
        experience_ru="Аудиты.",
        areas=["valuation", "risk-management", "origin", "aeo"],
        languages=[("en", 3), ("az", 4), ("ru", 3), ("fr", 1)],
        competencies=[
            (make_competency(family="operational", position=2), 3),
            (make_competency(family="managerial", position=5), 1),
            (make_competency(family="operational", position=1), 4),
            (make_competency(status=Status.DRAFT), 2),  # not the framework's: not listed
        ],
        confirmed_on="2020-01-01",
    )
    needs = [make_need(submitted_by=focal_point), make_need(submitted_by=other_focal_point)]
    today = timezone.localdate()
    for n, (need, days_ago) in enumerate([(needs[0], 90), (needs[1], 10), (needs[0], 10)]):
        Mission.objects.create(
            need=need,
            expert=expert,
            administration=need.administration,
            provider=azerbaijan,
            start_date=today - datetime.timedelta(days=days_ago),
            end_date=today - datetime.timedelta(days=days_ago - n - 1),
        )
    return expert


def shown(expert, areas, languages, competencies, missions):
    """What the page shows of the record and each of its lists, in the active language."""
    return [
        (expert.pk, expert.full_name, expert.position, expert.position_en, expert.position_ru)
        + (expert.email, expert.phone, expert.get_accreditation_display(), bool(expert.cv))
        + (expert.cv_name, expert.confirmed_on, expert.is_stale(), expert.experience)
        + (expert.administration_id, str(expert.administration), expert.administration.slug),
        [(area.pk, area.name, area.name_en, area.name_ru) for area in areas],
        [(skill.pk, str(skill)) for skill in languages],
        [
            (held.pk, held.competency.code, held.competency.name, held.competency.name_ru)
            + (held.competency.get_absolute_url(), str(held.level))
            for held in competencies
        ],
        [
            (mission.pk, str(mission.administration), mission.start_date, mission.end_date)
            for mission in missions
        ],
    ]


def through_the_orm(pk):
    expert = Expert.objects.select_related("administration").get(pk=pk)
    competencies = (
        expert.competencies.filter(competency__status=Status.ENDORSED)
        .select_related("competency", "level")
        .order_by("competency__family__position", "competency__position", "competency__code")
    )
    missions = expert.missions.select_related("administration").order_by("-start_date", "-pk")
    return expert, expert.areas.all(), expert.languages.all(), competencies, missions


@pytest.mark.parametrize("language", ["en", "ru"])
def test_the_rows_are_those_the_orm_read_in_its_order(expert, language, django_assert_num_queries):
    with translation.override(language):
        expected = shown(*through_the_orm(expert.pk))
        with django_assert_num_queries(1):
            read = selectors.expert_detail(pk=expert.pk)
        with django_assert_num_queries(0):  # every column the page reads was read
            rows = shown(read.expert, read.areas, read.languages, read.competencies, read.missions)
    assert rows == expected
    assert [len(kind) for kind in rows[1:]] == [4, 4, 3, 3]


def test_a_record_withdrawn_or_erased_is_not_read(expert):
    Expert.objects.filter(pk=expert.pk).update(withdrawn_at=timezone.now())
    with pytest.raises(Expert.DoesNotExist):
        selectors.expert_detail(pk=expert.pk)
    Expert.objects.filter(pk=expert.pk).update(withdrawn_at=None, erased_on=timezone.localdate())
    with pytest.raises(Expert.DoesNotExist):
        selectors.expert_detail(pk=expert.pk)
    with pytest.raises(Expert.DoesNotExist):
        selectors.expert_detail(pk=expert.pk + 1000)
