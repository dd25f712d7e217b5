"""The library's part of the site search: public documents only."""

import pytest

from library.search import public_hits
from tests.library.factories import make_category, make_document, make_many_documents

pytestmark = pytest.mark.django_db


@pytest.fixture
def documents(category):
    return {
        visibility: make_document(
            category=category,
            visibility=visibility,
            title_en=f"Customs valuation {visibility}",
            title_ru=f"Таможенная оценка {visibility}",
            description_en="How customs value imported goods.",
            description_ru="Как таможня оценивает ввозимые товары.",
        )
        for visibility in ("public", "members", "staff")
    }


@pytest.mark.parametrize(
    ("language", "query", "title"),
    [
        ("en", "valuing customs", "Customs valuation public"),
        ("ru", "таможенной оценки", "Таможенная оценка public"),
    ],
)
def test_only_public_documents_are_found(documents, language, query, title):
    hits = public_hits(query=query, language=language, limit=10)
    assert [hit.title for hit in hits] == [title]
    hit = hits[0]
    assert hit.url == f"/{language}/documents/{documents['public'].pk}/"
    assert hit.kind == {"en": "Documents", "ru": "Документы"}[language]
    assert hit.lang == ""


def test_an_untranslated_document_is_offered_in_english_marked_as_such(category):
    make_document(
        category=category,
        visibility="public",
        title_en="Revised Kyoto Convention handbook",
        description_en="For trainers.",
        languages=("en",),
    )
    [hit] = public_hits(query="Kyoto", language="ru", limit=10)
    assert (hit.title, hit.summary, hit.lang) == (
        "Revised Kyoto Convention handbook",
        "For trainers.",
        "en",
    )


def test_best_matches_come_first_and_the_limit_holds(category, django_assert_num_queries):
    make_many_documents(300, category=category, visibility="public")
    make_document(category=make_category(), visibility="public", title_en="Valuation")
    with django_assert_num_queries(1):
        hits = public_hits(query="valuation", language="en", limit=5)
    assert len(hits) == 5
    assert hits[0].title == "Valuation"  # in the title, where the others have it in the text
    assert hits[0].rank > hits[1].rank
