"""Staff edit the framework in the admin, with inline descriptors and requirements and history."""

import pytest
from reversion.models import Version

from competencies.models import Competency, JobPosition
from core.concurrency import FIELD, row_fingerprint
from tests.competencies.factories import starter_framework

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def starter():
    """The demo data's starter framework, endorsed: a fresh database has none."""
    starter_framework()


CHANGELISTS = [
    "functionalarea",
    "jobposition",
    "competencyfamily",
    "competency",
    "proficiencylevel",
    "qualificationlevel",
    "topicalcluster",
]


@pytest.mark.parametrize("model", CHANGELISTS)
def test_every_changelist_and_add_page_opens(staff_client, model):
    page = staff_client.get(f"/admin/competencies/{model}/")
    assert page.status_code == 200
    assert "/admin/competencies/competency/spreadsheet/" in page.content.decode()
    assert staff_client.get(f"/admin/competencies/{model}/add/").status_code == 200
    assert staff_client.get(f"/admin/competencies/{model}/?q=management").status_code == 200


def test_a_position_is_edited_with_its_requirements_inline(staff_client):
    position = JobPosition.objects.get(slug="it-officer")
    html = staff_client.get(f"/admin/competencies/jobposition/{position.pk}/change/").content
    html = html.decode()
    assert 'name="requirements-TOTAL_FORMS" value="6"' in html
    assert 'name="title_ru"' in html and 'name="title_en"' in html


def test_a_competency_is_edited_with_its_level_descriptors_inline(staff_client):
    competency = Competency.objects.get(code="SU-03")
    html = staff_client.get(f"/admin/competencies/competency/{competency.pk}/change/").content
    html = html.decode()
    assert 'name="descriptors-TOTAL_FORMS" value="4"' in html
    assert 'name="descriptors-0-indicators_ru"' in html


def test_self_assessments_are_not_in_the_admin(staff_client):
    assert staff_client.get("/admin/competencies/selfassessment/").status_code == 404


def test_reverting_an_edit_brings_back_both_languages(staff_client):
    competency = Competency.objects.get(code="MB-04")
    url = f"/admin/competencies/competency/{competency.pk}/change/"
    form = {
        "family": competency.family_id,
        "code": "MB-04",
        "name_en": "Communication",
        "name_ru": "Коммуникация",
        "definition_en": competency.definition_en,
        "definition_ru": competency.definition_ru,
        "status": "draft",
        "position": competency.position,
        "descriptors-TOTAL_FORMS": 0,
        "descriptors-INITIAL_FORMS": 0,
    }

    def opened():
        """The form as the admin opens it: with the fingerprint of the row at that moment."""
        return {**form, FIELD: row_fingerprint(Competency, competency.pk)}

    assert staff_client.post(url, opened()).status_code == 302  # first version in the history
    assert staff_client.post(url, {**opened(), "name_ru": "Общение"}).status_code == 302
    competency.refresh_from_db()
    assert competency.name_ru == "Общение"
    first = Version.objects.get_for_object(competency).order_by("pk").first()
    first.revision.revert()
    competency.refresh_from_db()
    assert (competency.name_en, competency.name_ru) == ("Communication", "Коммуникация")
