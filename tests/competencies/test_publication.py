"""Publication states: only endorsed positions and competencies are the office's framework; the
invented starter items are demo data, absent from a database the migrations alone built."""

import datetime
import importlib

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError

from competencies import spreadsheet, starter
from competencies.models import Competency, JobPosition, ProficiencyLevel, Status
from competencies.search import public_hits
from competencies.services import assessment_save
from tests.competencies.factories import (
    make_competency,
    make_consultation_round,
    make_position,
)

pytestmark = pytest.mark.django_db

PUBLIC_LISTS = [
    "/{lang}/competencies/",
    "/{lang}/competencies/positions/",
    "/{lang}/competencies/dictionary/",
    "/{lang}/competencies/compare/",
    "/{lang}/competencies/qualifications/",
    "/{lang}/competencies/versions/",
]
INVENTED = [
    *(text for _slug, _area, _manager, title, *_rest in starter.POSITIONS for text in title),
    *(text for _code, _family, name, *_rest in starter.COMPETENCIES for text in name),
]


def sitemap(client) -> str:
    return "".join(
        client.get(f"/sitemap-{section}.xml").content.decode()
        for section in ("competencies", "positions", "dictionary")
    )


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_a_fresh_database_shows_no_invented_item_on_any_public_page(client, lang):
    pages = {path.format(lang=lang): client.get(path.format(lang=lang)) for path in PUBLIC_LISTS}
    assert {path: page.status_code for path, page in pages.items()} == dict.fromkeys(pages, 200)
    html = "".join(page.content.decode() for page in pages.values()) + sitemap(client)
    assert [text for text in INVENTED if text in html] == []
    for slug, *_rest in starter.POSITIONS[:3]:
        assert client.get(f"/{lang}/competencies/positions/{slug}/").status_code == 404
    for code, *_rest in starter.COMPETENCIES[:3]:
        assert client.get(f"/{lang}/competencies/dictionary/{code}/").status_code == 404
    assert public_hits(query="training", language=lang, limit=10) == []
    overview = pages[f"/{lang}/competencies/"].content.decode()
    nothing = {
        "en": "Nothing in the framework is endorsed yet.",
        "ru": "В рамке компетенций пока нет одобренных элементов.",
    }[lang]
    assert nothing in overview


def test_only_endorsed_items_are_published(client, member):
    endorsed_competency = make_competency(name_en="Endorsed skill")
    hidden = {
        status: make_competency(name_en=f"Hidden skill {status}", status=status)
        for status in (Status.DRAFT, Status.CONSULTATION, Status.WITHDRAWN)
    }
    position = make_position(
        title_en="Endorsed post",
        requires={endorsed_competency: 2, hidden[Status.DRAFT]: 3},
    )
    drafts = [
        make_position(title_en=f"Hidden post {status}", status=status)
        for status in (Status.DRAFT, Status.CONSULTATION, Status.WITHDRAWN)
    ]
    html = "".join(client.get(path.format(lang="en")).content.decode() for path in PUBLIC_LISTS)
    html += client.get(position.get_absolute_url()).content.decode() + sitemap(client)
    assert "Endorsed post" in html and "Endorsed skill" in html
    assert "Hidden" not in html
    for item in [*drafts, *hidden.values()]:
        assert client.get(item.get_absolute_url()).status_code == 404
    found = {hit.title for hit in public_hits(query="hidden skill post", language="en", limit=20)}
    assert not {title for title in found if "Hidden" in title}
    assert "Endorsed by the WCO Europe Region Heads of Customs Meeting on " in (
        client.get(position.get_absolute_url()).content.decode()
    )
    # A member rates themselves against the endorsed requirements only.
    with pytest.raises(ValidationError):
        assessment_save(owner=member, position=position, ratings={hidden[Status.DRAFT].pk: 1})


def test_an_endorsed_item_names_the_date_and_the_meeting():
    competency = make_competency(status=Status.DRAFT)
    competency.status = Status.ENDORSED
    with pytest.raises(ValidationError, match="date and the meeting"):
        competency.full_clean()
    competency.endorsed_on = datetime.date(2023, 5, 17)
    competency.endorsed_at_ru = "Совещание руководителей таможенных служб"
    competency.full_clean()


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_with_nothing_endorsed_the_overview_names_the_consultation_under_way(client, lang):
    make_consultation_round(
        title_en="Draft catalogue 2026",
        title_ru="Проект каталога 2026",
        competencies=[make_competency(status=Status.DRAFT)],
        deadline=datetime.date.today() + datetime.timedelta(days=5),  # noqa: DTZ011
    )
    html = client.get(f"/{lang}/competencies/").content.decode()
    title = {"en": "Draft catalogue 2026", "ru": "Проект каталога 2026"}[lang]
    assert title in html
    assert {"en": "Consultation under way", "ru": "Идёт консультация"}[lang] in html


def test_the_migration_removes_only_the_starter_items_left_unchanged(member):
    migration = importlib.import_module("competencies.migrations.0004_starter_items_to_demo")
    positions, competencies = starter.load(status=Status.DRAFT)
    by_slug = {position.slug: position for position in positions}
    # The office edited one position; a member rated themselves against another.
    JobPosition.objects.filter(slug="it-officer").update(title_en="IT and Web Officer")
    rated = by_slug["training-coordinator"]
    assessment_save(owner=member, position=rated, ratings={})
    Competency.objects.filter(code="SU-05").update(name_en="Records and archives")
    own = make_competency(code="ZZ-01")

    migration.remove_unchanged_starter_items(apps, None)

    # The two stay, and the positions they report to, up to the head of office.
    manager_of = {slug: manager for slug, _area, manager, *_rest in starter.POSITIONS}
    expected = set()
    for slug in ("it-officer", "training-coordinator"):
        while slug:
            expected.add(slug)
            slug = manager_of[slug]
    assert set(JobPosition.objects.values_list("slug", flat=True)) == expected
    assert len(expected) < len(starter.POSITIONS)
    required = set(
        Competency.objects.filter(requirements__isnull=False).values_list("code", flat=True)
    )
    assert set(Competency.objects.values_list("code", flat=True)) == required | {"SU-05", "ZZ-01"}
    assert own.pk in set(Competency.objects.values_list("pk", flat=True))
    assert ProficiencyLevel.objects.count() == 4  # still used


def test_the_endorsed_export_leaves_out_every_other_item(staff_client):
    endorsed = make_competency()
    draft = make_competency(status=Status.DRAFT)
    make_position(requires={endorsed: 2, draft: 1})
    make_position(status=Status.CONSULTATION, requires={endorsed: 1})
    whole = spreadsheet.framework_datasets()
    published = spreadsheet.framework_datasets(endorsed_only=True)
    assert set(whole["competencies"]["status"]) == {"endorsed", "draft"}
    assert list(published["competencies"]["code"]) == [endorsed.code]
    assert set(published["descriptors"]["competency"]) == {endorsed.code}
    assert len(published["positions"]) == 1 and len(published["requirements"]) == 1
    response = staff_client.get("/admin/competencies/competency/spreadsheet/export/endorsed-xlsx/")
    assert response["Content-Disposition"].endswith('competency-framework-endorsed.xlsx"')
