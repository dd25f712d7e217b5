"""The seeds' e-learning courses linked to the competencies they build: one mapping
(`competencies.course_links`) applied by migration 0006 where those competencies exist (not on a
fresh production database, which has none) and by the demo data; and, for each gap of a
member's self-assessment, the linked courses and the experts who hold the competency at the
required level."""

import importlib
import sys

import pytest
from django.apps import apps

from accounts import demo as accounts_demo
from competencies import demo as competencies_demo
from competencies.course_links import COURSE_COMPETENCIES, course_links_apply
from competencies.models import Competency, SelfAssessment
from competencies.starter import COMPETENCIES
from experts import demo as experts_demo
from experts.models import ExpertCompetency, Nomination
from outreach.models import Tool
from tests.competencies.factories import starter_framework

pytestmark = pytest.mark.django_db

LINKS = Competency.learning_resources.through


def linked() -> set[tuple[str, str]]:
    return set(LINKS.objects.values_list("tool__slug", "competency__code"))


def mapped() -> set[tuple[str, str]]:
    return {(slug, code) for slug, codes in COURSE_COMPETENCIES.items() for code in codes}


def test_the_mapping_names_the_seeded_courses_and_starter_competencies():
    courses = set(Tool.objects.filter(kind=Tool.Kind.COURSE).values_list("slug", flat=True))
    assert set(COURSE_COMPETENCIES) <= courses
    assert len(COURSE_COMPETENCIES) == 5
    starter_codes = {code for code, *_rest in COMPETENCIES}
    assert {code for _slug, code in mapped()} <= starter_codes


def test_a_fresh_database_has_the_courses_and_no_link():
    # The test database is migrated as a fresh production one: no competency, so no link.
    assert not Competency.objects.exists() and not LINKS.objects.exists()
    assert Tool.objects.filter(slug="risk-management").exists()


def test_the_migration_links_the_courses_where_the_starter_competencies_are():
    starter_framework()
    office_link = (Tool.objects.get(slug="clikc"), Competency.objects.get(code="OP-04"))
    office_link[1].learning_resources.add(office_link[0])
    migration = importlib.import_module("competencies.migrations.0006_course_links")
    migration.link_courses(apps, None)
    assert linked() == mapped() | {("clikc", "OP-04")}  # the office's own link stays
    assert ("risk-management", "OP-02") in linked()
    # Applied again (the demo after the migration), nothing is added twice.
    assert course_links_apply(tool_model=Tool, competency_model=Competency) == 0


def test_the_demo_links_the_courses_and_shows_help_for_each_gap(client):
    accounts_demo.load(stdout=sys.stdout)
    competencies_demo.load(stdout=sys.stdout)
    experts_demo.load(stdout=sys.stdout)
    assert linked() == mapped()  # no tool handed out in turn any more
    assert ExpertCompetency.objects.count() > 40
    assert Nomination.objects.get().competencies.count() == 2
    assessment = SelfAssessment.objects.get(owner__email="member@customs.test")
    client.force_login(assessment.owner)
    html = client.get(f"/ru/competencies/self-assessment/{assessment.pk}/").content.decode()
    assert "Помощь по каждому разрыву" in html
    help = html[html.index("Помощь по каждому разрыву") :]
    kyoto = Tool.objects.get(slug="revised-kyoto-convention")
    assert kyoto.title_ru in help
    assert "Эксперты с уровнем 3 и выше:" in help
    assert "/ru/members/experts/" in help  # the experts' pages, for members
