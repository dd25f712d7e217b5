"""The public pages of the framework: overview, catalogue, job descriptions, dictionary."""

import pytest
from django.conf import settings

from competencies.models import (
    Competency,
    CompetencyFamily,
    FunctionalArea,
    JobPosition,
    LevelDescriptor,
    ProficiencyLevel,
)
from tests.competencies.factories import (
    make_competency,
    make_position,
    make_tool,
    starter_framework,
)
from tests.competencies.pages import tables
from tests.pages import latin_words

pytestmark = pytest.mark.django_db


@pytest.fixture
def fresh_database():
    """Asked for by the tests that see the database as the migrations leave it."""


@pytest.fixture(autouse=True)
def starter(request):
    """The demo data's starter framework, endorsed (a fresh database has none), except for the
    tests that ask for a fresh database."""
    if "fresh_database" not in request.fixturenames:
        starter_framework()


LANGUAGES = ["en", "ru"]
# Competency codes (MB-01) are identifiers, like ISO codes: they stay as they are in Russian.
CODES = {"MB-", "SU-", "OP-", "TT-"}
PUBLIC_PAGES = [
    "competencies/",
    "competencies/positions/",
    "competencies/positions/head-of-office/",
    "competencies/dictionary/",
    "competencies/dictionary/OP-04/",
    "competencies/qualifications/",
    "competencies/compare/",
    "competencies/compare/?current=it-officer&target=head-of-office",
    "competencies/versions/",
]


@pytest.mark.parametrize("path", PUBLIC_PAGES)
@pytest.mark.parametrize("language", LANGUAGES)
def test_public_pages_answer_in_both_languages(client, path, language):
    response = client.get(f"/{language}/{path}")
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{language}">' in html
    assert html.count("<h1") == 1
    assert 'style="' not in html
    if language == "ru":
        assert latin_words(html, CODES) == []


def test_the_framework_has_the_seeds_areas_and_families_and_nothing_invented(fresh_database):
    assert list(FunctionalArea.objects.values_list("name_en", flat=True)) == [
        "Management",
        "Support",
        "Technical",
    ]
    assert list(CompetencyFamily.objects.values_list("name_en", flat=True)) == [
        "Managerial and behavioural competencies",
        "Support competencies",
        "Operational competencies",
    ]
    # The seeds give no scale, position or competency: those of the demo data are invented.
    assert not ProficiencyLevel.objects.exists()
    assert not JobPosition.objects.exists()
    assert not Competency.objects.exists()


def test_the_demo_starter_catalogue_and_dictionary_are_complete():
    assert list(ProficiencyLevel.objects.values_list("number", "name_en")) == [
        (1, "Awareness"),
        (2, "Working"),
        (3, "Practitioner"),
        (4, "Expert"),
    ]
    assert JobPosition.objects.count() == 10
    assert Competency.objects.count() == 18
    # Every competency is described at every level, in both languages.
    assert LevelDescriptor.objects.count() == 18 * 4
    assert not LevelDescriptor.objects.filter(indicators_ru="").exists()
    # Every position requires something, and every competency is required somewhere.
    assert not JobPosition.objects.filter(requirements=None).exists()
    assert not Competency.objects.filter(requirements=None).exists()


def test_the_catalogue_lists_positions_by_functional_area(client):
    html = client.get("/en/competencies/positions/").content.decode()
    management, support, technical = tables(html)
    assert [row[0] for row in management[1:]] == [
        "Head of Office",
        "Deputy Head of Office",
        "Capacity Building Programme Manager",
    ]
    assert management[2][1] == "Head of Office"  # the deputy reports to the head
    assert len(support) == 4 and len(technical) == 5


def test_a_job_description_lists_its_required_competencies_with_levels(client):
    response = client.get("/en/competencies/positions/training-coordinator/")
    html = response.content.decode()
    (table,) = tables(html, "requirements")
    header, *rows = table
    assert header == ["Competency", "Required level", "Behavioural indicators"]
    groups = [row[0] for row in rows if len(row) == 1]
    assert groups == [
        "Managerial and behavioural competencies",
        "Support competencies",
        "Operational competencies",
    ]
    required = {row[0]: row[1] for row in rows if len(row) == 3}
    assert required == {
        "MB-03 Planning and organising": "3 · Practitioner",
        "MB-04 Communication": "3 · Practitioner",
        "MB-06 Teamwork and cooperation": "3 · Practitioner",
        "SU-03 Information technology": "2 · Working",
        "OP-01 Customs procedures and regimes": "2 · Working",
        "OP-02 WCO instruments and tools": "3 · Practitioner",
        "OP-04 Training design and delivery": "4 · Expert",
        "OP-06 Monitoring and evaluation": "3 · Practitioner",
    }
    # Each with the behaviour expected at the required level, and only that level.
    indicators = {row[0]: row[2] for row in rows if len(row) == 3}
    assert indicators["OP-04 Training design and delivery"] == (
        "Designs the region's training programmes with the training centres. "
        "Evaluates the impact of training on administrations' performance."
    )
    assert "Delivers prepared training sessions" not in html
    assert "Plans the regional training calendar with the Regional Training Centres" in html
    assert "Reports to" in html and "Capacity Building Programme Manager" in html


def test_a_job_description_in_russian(client):
    html = client.get("/ru/competencies/positions/training-coordinator/").content.decode()
    (table,) = tables(html, "requirements")
    assert table[0] == ["Компетенция", "Требуемый уровень", "Поведенческие индикаторы"]
    assert table[-2][:2] == ["OP-04 Разработка и проведение обучения", "4 · Экспертный уровень"]
    assert "Координатор очного и электронного обучения" in html
    assert "Составляет региональный календарь обучения" in html


def test_a_job_description_prints_as_a_clean_document(client):
    html = client.get("/en/competencies/positions/it-officer/").content.decode()
    # Navigation, forms and the page's other parts are marked to stay off paper.
    assert 'class="framework-nav no-print"' in html
    assert '<aside class="no-print"' in html
    assert 'class="job-description"' in html
    css = (settings.BASE_DIR / "static/css/site.css").read_text(encoding="utf-8")
    assert any(
        ".job-description { font-size: 9pt" in block for block in css.split("@media print")[1:]
    )


def test_an_untranslated_position_shows_the_english_text_marked(client):
    position = make_position(title_ru="", duties_ru="")
    html = client.get(f"/ru/competencies/positions/{position.slug}/").content.decode()
    assert f'<span lang="en">{position.title_en}</span>' in html
    assert '<ul lang="en">' in html
    # The job description itself marks every English text (a <title> or <option> cannot).
    article = html[html.index("<article") : html.index("</article>")]
    assert latin_words(article, CODES) == []


def test_a_competency_page_shows_every_level_and_the_positions_requiring_it(client):
    html = client.get("/en/competencies/dictionary/OP-06/").content.decode()
    (levels,) = tables(html, "levels")
    assert [row[0] for row in levels[1:]] == [
        "1 · Awareness",
        "2 · Working",
        "3 · Practitioner",
        "4 · Expert",
    ]
    assert levels[4][1].startswith("Sets the office's monitoring and evaluation framework.")
    for title in ("Research and Monitoring Analyst", "Deputy Head of Office"):
        assert title in html


def test_a_competency_page_lists_its_learning_resources(client):
    course = make_tool(title_en="Performance measurement", url="https://clikc.example.org/pm")
    Competency.objects.get(code="OP-06").learning_resources.add(course)
    html = client.get("/en/competencies/dictionary/OP-06/").content.decode()
    assert "Learning resources" in html
    assert (
        '<a href="https://clikc.example.org/pm" rel="noopener">Performance measurement</a>' in html
    )


@pytest.mark.parametrize("path", ["positions/no-such-position/", "dictionary/XX-99/"])
def test_unknown_positions_and_competencies_answer_404(client, path):
    assert client.get(f"/en/competencies/{path}").status_code == 404


def test_public_pages_are_cached_for_anonymous_visitors(client, django_assert_num_queries):
    client.get("/en/competencies/dictionary/")
    with django_assert_num_queries(0):
        assert client.get("/en/competencies/dictionary/").status_code == 200


@pytest.fixture
def big_framework():
    """A framework many times the starter one: 150 competencies, 60 positions."""
    competencies = [
        make_competency(family=("managerial", "support", "operational")[n % 3]) for n in range(150)
    ]
    tool = make_tool()
    for competency in competencies[:40]:
        competency.learning_resources.add(tool)
    for n in range(60):
        make_position(
            area=("management", "support", "technical")[n % 3],
            requires={
                competency: 1 + (n + i) % 4 for i, competency in enumerate(competencies[n : n + 12])
            },
        )
    return competencies


# The most queries each page may run, however big the framework.
QUERY_BUDGET = {
    "competencies/": 4,
    "competencies/positions/": 2,
    "competencies/positions/{last}/": 6,  # and the version that holds it (none here)
    "competencies/dictionary/": 2,
    "competencies/dictionary/{code}/": 5,
    "competencies/compare/?current={first}&target={last}": 3,
    "competencies/qualifications/": 2,
}


def test_pages_run_a_fixed_number_of_queries_on_a_big_framework(
    fresh_database, client, big_framework, django_assert_max_num_queries
):
    positions = JobPosition.objects.filter(slug__startswith="test-position-").order_by("pk")
    names = {"first": positions.first().slug, "last": positions.last().slug}
    for path, budget in QUERY_BUDGET.items():
        for language in LANGUAGES:
            url = f"/{language}/" + path.format(code=big_framework[5].code, **names)
            with django_assert_max_num_queries(budget):
                response = client.get(url)
            assert response.status_code == 200, url
    last = client.get(f"/en/competencies/positions/{names['last']}/").content.decode()
    assert len(tables(last, "requirements")[0]) == 1 + 3 + 12  # header, families, requirements
