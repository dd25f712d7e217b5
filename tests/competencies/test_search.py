"""Site search over positions and competencies, in the page's language."""

import pytest
from django.db import connection

from competencies.search import public_hits
from tests.competencies.factories import make_position, starter_framework

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def starter():
    """The demo data's starter framework, endorsed: a fresh database has none."""
    starter_framework()


def test_english_words_find_positions_and_competencies_stemmed():
    hits = public_hits(query="trainings", language="en", limit=5)
    kinds = {hit.kind for hit in hits}
    assert kinds == {"Job positions", "Competencies"}
    titles = [hit.title for hit in hits]
    assert "Training and E-learning Coordinator" in titles
    assert "OP-04 Training design and delivery" in titles
    position = next(hit for hit in hits if hit.title == "Training and E-learning Coordinator")
    assert position.url == "/en/competencies/positions/training-coordinator/"
    assert position.summary.startswith("Plans and coordinates regional training")


def test_russian_words_find_russian_text_with_russian_urls_and_labels():
    hits = public_hits(query="обучения", language="ru", limit=5)
    titles = [hit.title for hit in hits]
    assert "Координатор очного и электронного обучения" in titles
    assert "OP-04 Разработка и проведение обучения" in titles
    assert {hit.kind for hit in hits} == {"Должности", "Компетенции"}
    assert all(hit.url.startswith("/ru/competencies/") for hit in hits)


def test_a_russian_search_also_finds_text_not_translated_yet():
    make_position(title_en="Customs laboratory chemist", title_ru="", purpose_ru="")
    (hit,) = public_hits(query="chemist", language="ru", limit=5)
    assert hit.title == "Customs laboratory chemist"


def test_titles_rank_above_text_and_the_limit_holds():
    hits = public_hits(query="monitoring", language="en", limit=1)
    assert [hit.title for hit in hits] == [
        "Research and Monitoring Analyst",
        "OP-06 Monitoring and evaluation",
    ]


def test_empty_and_odd_queries_do_not_fail():
    assert public_hits(query="  ", language="en", limit=5) == []
    assert public_hits(query='"unclosed -(& |', language="en", limit=5) == []


def test_the_search_uses_the_gin_indexes():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexname FROM pg_indexes WHERE tablename IN "
            "('competencies_jobposition', 'competencies_competency') AND indexdef LIKE '%gin%'"
        )
        assert len(cursor.fetchall()) == 4
