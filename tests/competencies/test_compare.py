"""Comparing two positions: required levels side by side and the gaps between them."""

import pytest

from competencies.selectors import position_comparison
from tests.competencies.factories import make_competency, make_position, starter_framework
from tests.competencies.pages import tables
from tests.pages import latin_words

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def starter():
    """The demo data's starter framework, endorsed: a fresh database has none."""
    starter_framework()


@pytest.fixture
def path():
    """An officer's position and the manager's one they aim for."""
    shared, grows, new, dropped = (make_competency() for _ in range(4))
    officer = make_position(requires={shared: 3, grows: 2, dropped: 2})
    manager = make_position(requires={shared: 3, grows: 4, new: 3})
    return officer, manager, {"shared": shared, "grows": grows, "new": new, "dropped": dropped}


def test_the_comparison_computes_the_gap_of_every_competency(path):
    officer, manager, competency = path
    comparison = position_comparison(current_slug=officer.slug, target_slug=manager.slug)
    gaps = {row.competency.code: row.gap for row in comparison.rows}
    assert gaps == {
        competency["shared"].code: 0,  # same level in both
        competency["grows"].code: 2,  # 2 -> 4
        competency["new"].code: 3,  # not required now, 3 in the target
        competency["dropped"].code: 0,  # only the current position needs it
    }
    assert [row.competency for row in comparison.to_develop] == [
        competency["grows"],
        competency["new"],
    ]
    assert comparison.levels_to_gain == 5
    # The other way round, nothing is to develop but what the officer's position adds.
    back = position_comparison(current_slug=manager.slug, target_slug=officer.slug)
    assert {row.competency.code: row.gap for row in back.to_develop} == {
        competency["dropped"].code: 2
    }


def test_the_page_shows_both_levels_side_by_side_and_the_gaps(client, path):
    officer, manager, competency = path
    response = client.get(
        "/en/competencies/compare/", {"current": officer.slug, "target": manager.slug}
    )
    html = response.content.decode()
    (table,) = tables(html, "comparison")
    assert table[0] == ["Competency", officer.title_en, manager.title_en, "Gap"]
    rows = {row[0]: row[1:] for row in table[1:] if len(row) == 4}
    name = {key: f"{value.code} {value.name_en}" for key, value in competency.items()}
    assert rows[name["shared"]] == ["3 · Practitioner", "3 · Practitioner", "met"]
    assert rows[name["grows"]] == ["2 · Working", "4 · Expert", "+2 levels to gain"]
    assert rows[name["new"]] == ["not required", "3 · Practitioner", "+3 levels to gain"]
    assert rows[name["dropped"]] == ["2 · Working", "not required", "not needed"]
    assert "2 competencies to develop, 5 levels to gain in all." in " ".join(html.split())


def test_the_page_in_russian(client, path):
    officer, manager, _competency = path
    response = client.get(
        "/ru/competencies/compare/", {"current": officer.slug, "target": manager.slug}
    )
    html = response.content.decode()
    gaps = [row[3] for row in tables(html, "comparison")[0][1:] if len(row) == 4]
    assert gaps == ["выполнено", "+2 уровня к освоению", "+3 уровня к освоению", "не нужно"]
    assert "2 компетенции для развития, всего нужно освоить 5 уровней." in " ".join(html.split())
    assert latin_words(html, {"TT-"}) == []


def test_the_seed_career_path_from_officer_to_manager(client):
    html = client.get(
        "/en/competencies/compare/",
        {"current": "capacity-building-officer", "target": "programme-manager"},
    ).content.decode()
    rows = {row[0]: row[3] for row in tables(html, "comparison")[0][1:] if len(row) == 4}
    assert rows["OP-05 Project management"] == "+2 levels to gain"
    assert rows["OP-01 Customs procedures and regimes"] == "not needed"


@pytest.mark.parametrize(
    "params",
    [
        {"current": "no-such-position", "target": "it-officer"},
        {"current": "it-officer"},
        {"current": ["it-officer", "x"], "target": "<script>"},
        {"current": "it-officer", "target": "it-officer"},
    ],
)
def test_wrong_choices_show_the_form_again_with_errors(client, params):
    response = client.get("/en/competencies/compare/", params)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'class="comparison"' not in html
    assert "errorlist" in html or "Choose two different positions." in html


def test_a_position_offers_to_compare_itself_with_another(client):
    html = client.get("/en/competencies/positions/it-officer/").content.decode()
    assert '<input type="hidden" name="current" value="it-officer">' in html
    assert '<select name="target"' in html
