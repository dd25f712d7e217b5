"""The site search page: every app's public hits, grouped by kind, in both languages."""

import sys
import types

import pytest
from django.apps import apps

from core import sitesearch
from core.sitesearch import Hit
from tests.library.factories import make_category, make_document, make_many_documents
from tests.pages import latin_words

pytestmark = pytest.mark.django_db


@pytest.fixture
def category(db):
    return make_category(slug="reports", name_en="Reports", name_ru="Отчёты")


@pytest.fixture(autouse=True)
def only_the_library_searches(monkeypatch):
    """These tests count hits: the other apps' providers (whose seeded content would match
    too) are left out; each app tests its own provider."""
    installed = [apps.get_app_config("library")]
    monkeypatch.setattr(
        sitesearch, "apps", types.SimpleNamespace(get_app_configs=lambda: installed)
    )
    return installed


@pytest.fixture
def fake_provider(monkeypatch, only_the_library_searches):
    """An extra installed app with a search module, as the other apps provide."""
    module = types.ModuleType("fake_search_app.search")
    calls = []

    def public_hits(*, query, language, limit):
        calls.append((query, language, limit))
        return [Hit(kind="Fake kind", title="Fake hit", url="/fake/", summary="From the fake app")]

    module.public_hits = public_hits
    package = types.ModuleType("fake_search_app")
    package.__path__ = []
    package.search = module
    monkeypatch.setitem(sys.modules, "fake_search_app", package)
    monkeypatch.setitem(sys.modules, "fake_search_app.search", module)
    module.__spec__ = types.SimpleNamespace(name="fake_search_app.search")
    only_the_library_searches.append(types.SimpleNamespace(name="fake_search_app"))
    return calls


def test_every_app_with_a_search_module_is_asked(category, fake_provider):
    make_document(category=category, visibility="public", title_en="Regional study")
    groups = dict(sitesearch.public_search("study", language="en", limit=7))
    assert [hit.title for hit in groups["Documents"]] == ["Regional study"]
    assert [hit.title for hit in groups["Fake kind"]] == ["Fake hit"]
    assert fake_provider == [("study", "en", 7)]


def test_results_are_grouped_by_kind_with_their_count(client, category, fake_provider):
    make_document(category=category, visibility="public", title_en="Regional study")
    html = client.get("/en/search/", {"q": "study"}).content.decode()
    assert "2 results for “study”" in html
    documents = html.index('<h2 id="search-group-1">Documents <span class="meta">(1)</span></h2>')
    fake = html.index('<h2 id="search-group-2">Fake kind <span class="meta">(1)</span></h2>')
    assert documents < html.index("Regional study") < fake < html.index('href="/fake/"')
    assert 'role="status"' in html and 'role="search"' in html


@pytest.mark.parametrize(
    ("language", "query", "title"),
    [("en", "studies", "Regional study"), ("ru", "исследованию", "Региональное исследование")],
)
def test_search_finds_word_forms_in_the_page_language(client, category, language, query, title):
    make_document(
        category=category,
        visibility="public",
        title_en="Regional study",
        title_ru="Региональное исследование",
    )
    response = client.get(f"/{language}/search/", {"q": query})
    html = response.content.decode()
    assert response.status_code == 200
    assert title in html
    if language == "ru":
        assert "1 результат по запросу «исследованию»" in html
        assert latin_words(html) == []


def test_members_and_staff_documents_are_never_found(client, member_client, category):
    for visibility in ("members", "staff"):
        make_document(category=category, visibility=visibility, title_en=f"Secret {visibility}")
    for some_client in (client, member_client):
        html = some_client.get("/en/search/", {"q": "secret"}).content.decode()
        assert "Secret" not in html.split("</header>")[1]
        assert "0 results" in html


def test_an_english_fallback_is_marked_as_english(client, category):
    make_document(
        category=category, visibility="public", title_en="Kyoto handbook", languages=("en",)
    )
    html = client.get("/ru/search/", {"q": "Kyoto"}).content.decode()
    assert 'lang="en">Kyoto handbook</a>' in html
    assert "(на английском)" in html


@pytest.mark.parametrize("language", ["en", "ru"])
def test_an_empty_query_explains_what_to_do(client, language, django_assert_max_num_queries):
    for params in ({}, {"q": ""}, {"q": "   "}):
        with django_assert_max_num_queries(0):
            response = client.get(f"/{language}/search/", params)
        html = response.content.decode()
        assert response.status_code == 200
        assert 'role="status"' not in html
        assert {"en": "Type one or more words", "ru": "Введите одно или несколько слов"}[
            language
        ] in html


@pytest.mark.parametrize(
    "query",
    [
        "x" * 10_000,
        "nul\x00byte",
        "'\"&|!():*<>\\ -- ; DROP TABLE library_document",
        "<script>alert(1)</script>",
        "!!! ((( ::: &&&",
        "-",
        '"',
        "the a of",  # only stop words
    ],
)
def test_long_or_hostile_queries_never_fail(client, category, query):
    make_document(category=category, visibility="public", title_en="Regional study")
    response = client.get("/en/search/", {"q": query})
    assert response.status_code == 200
    assert b"<script>alert" not in response.content


def test_a_too_long_query_is_refused_with_a_reason(client):
    html = client.get("/en/search/", {"q": "x" * 201}).content.decode()
    assert "Ensure this value has at most 200 characters" in html


@pytest.mark.parametrize("language", ["en", "ru"])
def test_search_runs_a_fixed_number_of_queries(
    client, category, language, django_assert_max_num_queries
):
    make_many_documents(1000, category=category, visibility="public")
    with django_assert_max_num_queries(10):
        response = client.get(f"/{language}/search/", {"q": "customs"})
    assert response.content.decode().count('<li>\n      <a href="/') == 20


def test_the_page_is_cached_for_anonymous_visitors_and_refreshed_by_edits(
    client, category, django_assert_num_queries
):
    document = make_document(category=category, visibility="public", title_en="Regional study")
    assert "Regional study" in client.get("/en/search/", {"q": "study"}).content.decode()
    with django_assert_num_queries(0):
        client.get("/en/search/", {"q": "study"})
    document.title_en = "Regional survey"
    document.save()
    html = client.get("/en/search/", {"q": "study"}).content.decode()
    assert "Regional study" not in html and "0 results" in html
    assert "Regional survey" in client.get("/en/search/", {"q": "survey"}).content.decode()


def test_the_header_offers_a_labelled_search_form(client):
    html = client.get("/en/").content.decode()
    assert 'action="/en/search/"' in html
    assert '<label for="site-search-q"' in html and 'id="site-search-q" name="q"' in html
