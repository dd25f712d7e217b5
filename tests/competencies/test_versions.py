"""Numbered versions: endorsing makes one, a position's page says which one holds it and what
changed since the version before, earlier versions stay readable, the export names the version."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from competencies import services, spreadsheet
from competencies.models import (
    FrameworkVersion,
    JobPosition,
    Requirement,
    Status,
    VersionedPosition,
)
from core.concurrency import FIELD, row_fingerprint
from tests.competencies.factories import level, make_competency, make_position
from tests.competencies.pages import tables

pytestmark = pytest.mark.django_db

MEETING = {"endorsed_at_en": "Heads of Customs Meeting, Baku", "endorsed_at_ru": "Совещание в Баку"}


def endorse(by, *, on=datetime.date(2025, 5, 21), **items):
    return services.framework_endorse(endorsed_on=on, by=by, **MEETING, **items)


@pytest.fixture
def two_versions(staff):
    """Version 1, then version 2: a level raised, a requirement added and one removed, a
    competency reworded, a position added."""
    kept, raised, dropped, added = (make_competency(name_en=f"Skill {n}") for n in "ABCD")
    position = make_position(
        slug="analyst", status=Status.CONSULTATION, requires={kept: 2, raised: 1, dropped: 3}
    )
    competencies = [kept, raised, dropped, added]
    endorse(staff, on=datetime.date(2023, 5, 17), positions=[position])
    Requirement.objects.filter(position=position, competency=raised).update(level=level(3))
    Requirement.objects.filter(position=position, competency=dropped).delete()
    Requirement.objects.create(position=position, competency=added, level=level(2))
    kept.definition_ru = "Новое определение."
    kept.save()
    newcomer = make_position(slug="newcomer", status=Status.CONSULTATION)
    endorse(staff, positions=[newcomer])
    return position, competencies


def test_endorsing_makes_the_next_numbered_version_of_the_whole_endorsed_framework(staff):
    competency = make_competency(status=Status.CONSULTATION)
    old = make_competency()
    position = make_position(status=Status.CONSULTATION, requires={competency: 3, old: 1})
    make_position(status=Status.DRAFT, requires={old: 2})  # not endorsed: not in the version

    first = endorse(staff, positions=[position], competencies=[competency])

    position.refresh_from_db()
    assert (position.status, position.endorsed_on) == (Status.ENDORSED, datetime.date(2025, 5, 21))
    assert position.endorsed_at_ru == "Совещание в Баку"
    assert first.number == 1 and first.created_by == staff
    (copy,) = first.positions.all()
    assert copy.slug == position.slug and copy.title_ru == position.title_ru
    assert {(r.competency.code, r.level_number) for r in copy.requirements.all()} == {
        (competency.code, 3),
        (old.code, 1),
    }
    held = first.competencies.get(code=competency.code)
    assert held.descriptors.count() == 4 and held.descriptors.first().indicators_ru
    assert endorse(staff).number == 2


def test_only_staff_endorse(member):
    with pytest.raises(PermissionDenied):
        endorse(member)
    assert not FrameworkVersion.objects.exists()


@pytest.mark.parametrize("language", ["en", "ru"])
def test_a_position_page_shows_its_version_and_what_changed(client, two_versions, language):
    position, (kept, raised, dropped, added) = two_versions
    html = client.get(f"/{language}/competencies/positions/analyst/").content.decode()
    words = {
        "en": {
            "version": "Framework version 2",
            "since": "What changed since version 1",
            "added": f"Added: {added.code} {added.name_en}, level 2",
            "removed": f"Removed: {dropped.code} {dropped.name_en} (was level 3)",
            "raised": f"Level raised: {raised.code} {raised.name_en}, from 1 to 3",
            "reworded": f"Competency changed: {kept.code} {kept.name_en}",
        },
        "ru": {
            "version": "Рамка компетенций, версия 2",
            "since": "Изменения по сравнению с версией 1",
            "added": f"Добавлена: {added.code} {added.name_ru}, уровень 2",
            "removed": f"Исключена: {dropped.code} {dropped.name_ru} (был уровень 3)",
            "raised": f"Уровень повышен: {raised.code} {raised.name_ru}, с 1 до 3",
            "reworded": f"Изменена компетенция: {kept.code} {kept.name_ru}",
        },
    }[language]
    for text in words.values():
        assert text in html, text
    assert reverse("competencies:version_position", args=[1, "analyst"]) in html
    newcomer = client.get(f"/{language}/competencies/positions/newcomer/").content.decode()
    new = {"en": "The position is new in version 2.", "ru": "Должность появилась в версии 2."}
    assert new[language] in newcomer


def test_earlier_versions_stay_readable(client, two_versions):
    position, (kept, raised, dropped, added) = two_versions
    JobPosition.objects.filter(pk=position.pk).update(status=Status.WITHDRAWN)
    assert client.get("/en/competencies/positions/analyst/").status_code == 404

    page = client.get("/en/competencies/versions/1/positions/analyst/")
    assert page.status_code == 200
    (rows,) = tables(page.content.decode(), "requirements")
    levels = {row[0]: row[1] for row in rows if len(row) == 3}
    assert levels[f"{raised.code} {raised.name_en}"].startswith("1")
    assert levels[f"{dropped.code} {dropped.name_en}"].startswith("3")
    assert f"{added.code} {added.name_en}" not in levels
    assert "This is the first version of the framework." in page.content.decode()

    listing = client.get("/ru/competencies/versions/").content.decode()
    assert "Версия 2" in listing and "Версия 1" in listing and "Совещание в Баку" in listing
    (rows,) = tables(listing, "versions")
    assert [row[3:] for row in rows[1:]] == [["2", "4"], ["1", "4"]]  # positions, competencies
    second = client.get("/en/competencies/versions/2/").content.decode()
    assert "New position: Test position" in second
    assert "Position changed: Test position" in second
    assert f"Competency changed: {kept.code}" in second
    assert client.get("/en/competencies/versions/3/").status_code == 404
    assert client.get("/en/competencies/versions/2/positions/no-such/").status_code == 404


def test_a_new_version_refreshes_the_cached_pages(client, staff):
    make_position(slug="cached", status=Status.CONSULTATION)
    assert "Version 1" not in client.get("/en/competencies/versions/").content.decode()
    endorse(staff, positions=JobPosition.objects.filter(slug="cached"))
    assert "Version 1" in client.get("/en/competencies/versions/").content.decode()
    assert (
        "Framework version 1" in client.get("/en/competencies/positions/cached/").content.decode()
    )


def test_the_version_pages_run_a_fixed_number_of_queries(
    client, staff, django_assert_max_num_queries
):
    competencies = [make_competency() for _ in range(12)]
    for n in range(5):
        make_position(
            slug=f"big-{n}",
            requires={c: 1 + (n + i) % 4 for i, c in enumerate(competencies[n : n + 6])},
        )
    endorse(staff)
    Requirement.objects.filter(position__slug="big-3").update(level=level(4))
    endorse(staff)
    budgets = {
        "/{lang}/competencies/versions/": 2,
        "/{lang}/competencies/versions/2/": 5,
        "/{lang}/competencies/versions/2/positions/big-3/": 4,
        "/{lang}/competencies/positions/big-3/": 7,
    }
    for path, budget in budgets.items():
        for lang in ("en", "ru"):
            with django_assert_max_num_queries(budget):
                assert client.get(path.format(lang=lang)).status_code == 200


def test_the_export_carries_the_version(staff):
    make_position(status=Status.CONSULTATION, slug="exported")
    assert spreadsheet.framework_datasets()["version"].height == 0  # nothing endorsed yet
    endorse(staff, positions=JobPosition.objects.filter(slug="exported"))
    endorse(staff)
    sheet = spreadsheet.framework_datasets(endorsed_only=True)["version"]
    assert sheet.dict == [
        {
            "version": "2",
            "endorsed_on": "2025-05-21",
            "endorsed_at_en": MEETING["endorsed_at_en"],
            "endorsed_at_ru": MEETING["endorsed_at_ru"],
        }
    ]
    # The sheet travels with the file, and an import passes over it.
    datasets = spreadsheet.read_xlsx(spreadsheet.framework_xlsx())
    assert datasets["version"]["version"] == ["2"]
    report = spreadsheet.framework_import(datasets=datasets, user=staff, dry_run=True)
    assert not report.has_errors
    assert FrameworkVersion.objects.count() == 2


def test_staff_endorse_at_a_meeting_in_the_admin(staff_client):
    draft = make_position(status=Status.DRAFT, slug="draft-one")
    consulted = make_position(status=Status.CONSULTATION, slug="consulted")
    add = "/admin/competencies/frameworkversion/add/"
    form = staff_client.get(add).content.decode()
    assert f'value="{consulted.pk}" selected' in form and f'value="{draft.pk}" selected' not in form

    refused = staff_client.post(add, {"endorsed_on": "2026-05-20", "positions": [consulted.pk]})
    assert refused.status_code == 200 and not FrameworkVersion.objects.exists()

    response = staff_client.post(
        add,
        {
            "endorsed_on": "2026-05-20",
            "endorsed_at_en": "Heads of Customs Meeting",
            "endorsed_at_ru": "Совещание руководителей",
            "positions": [consulted.pk],
        },
    )
    assert response.status_code == 302
    (version,) = FrameworkVersion.objects.all()
    assert list(version.positions.values_list("slug", flat=True)) == ["consulted"]
    view = staff_client.get(f"/admin/competencies/frameworkversion/{version.pk}/change/")
    assert view.status_code == 200
    assert staff_client.get("/admin/competencies/frameworkversion/").status_code == 200


def test_the_change_form_does_not_endorse_outside_a_meeting(staff_client):
    draft = make_position(status=Status.DRAFT)
    form = {
        "area": draft.area_id,
        "slug": draft.slug,
        "title_en": draft.title_en,
        "purpose_en": draft.purpose_en,
        "status": "endorsed",
        "position": 0,
        "requirements-TOTAL_FORMS": 0,
        "requirements-INITIAL_FORMS": 0,
        FIELD: row_fingerprint(JobPosition, draft.pk),
    }
    response = staff_client.post(f"/admin/competencies/jobposition/{draft.pk}/change/", form)
    assert response.status_code == 200
    assert "Framework versions" in response.content.decode()
    draft.refresh_from_db()
    assert draft.status == Status.DRAFT
    assert not VersionedPosition.objects.exists()
