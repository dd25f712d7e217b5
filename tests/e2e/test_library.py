"""Browser tests of the translated materials, the public documents and the site search."""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import axe_violations
from tests.library.factories import make_category, make_document

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

LANGUAGES = ["en", "ru"]
SEARCH_LABEL = {"en": "Search the site", "ru": "Слова для поиска по сайту"}


@pytest.fixture
def documents(db):
    category = make_category(
        slug="training", name_en="Training materials", name_ru="Учебные материалы"
    )
    return {
        "both": make_document(
            category=category,
            title_en="Customs valuation guide",
            title_ru="Руководство по таможенной оценке",
            description_en="How customs value imported goods.",
            description_ru="Как таможня оценивает ввозимые товары.",
            visibility="members",
        ),
        "english": make_document(
            category=category,
            title_en="Revised Kyoto Convention handbook",
            description_en="For trainers.",
            visibility="members",
            languages=("en",),
        ),
        "public": make_document(
            category=category,
            title_en="Regional study on customs valuation",
            title_ru="Региональное исследование по таможенной оценке",
            visibility="public",
        ),
    }


@pytest.mark.parametrize("language", LANGUAGES)
def test_materials_list_and_detail(page, check_page, login, member, documents, language):
    login(page, member, language)
    check_page(page, f"/{language}/members/materials/")
    expect(page.locator("h1")).to_have_count(1)
    expect(page.locator("li.document")).to_have_count(3)
    if language == "ru":
        notice = page.locator("li.document", has_text="Revised Kyoto").locator(".notice")
        expect(notice).to_contain_text("не переведён на русский язык")
    check_page(page, f"/{language}/members/materials/{documents['english'].pk}/")
    english = {"en": "English version", "ru": "Версия на английском языке"}[language]
    expect(page.get_by_role("link", name=english)).to_be_visible()


@pytest.mark.parametrize("language", LANGUAGES)
def test_materials_search_and_download(page, check_page, login, member, documents, language):
    login(page, member, language)
    check_page(page, f"/{language}/members/materials/")
    words = {"en": "valuations", "ru": "оценка"}[language]
    page.get_by_role("main").get_by_role("searchbox").fill(words)
    page.locator(".document-filters button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"\?.+"))
    results = page.locator("li.document")
    expect(results).to_have_count(2)  # the members' guide and the public study
    assert axe_violations(page) == []
    with page.expect_download() as download:
        results.first.get_by_role(
            "link", name={"en": "English version", "ru": "Версия на английском языке"}[language]
        ).click()
    assert download.value.suggested_filename.endswith(".pdf")


@pytest.mark.parametrize("language", LANGUAGES)
def test_site_search_from_the_header(page, check_page, documents, language):
    check_page(page, f"/{language}/")
    field = page.get_by_role("banner").get_by_role("searchbox", name=SEARCH_LABEL[language])
    field.fill({"en": "valuation", "ru": "таможенной оценки"}[language])
    field.press("Enter")
    expect(page).to_have_url(re.compile(rf"/{language}/search/\?q="))
    expect(page.get_by_role("status")).to_have_text(re.compile(r"\d"))  # the count is announced
    assert axe_violations(page) == []
    # Other apps' public content may match too; among documents only the public study shows,
    # never the members' guide.
    hits = page.locator(f'.search-results a[href^="/{language}/documents/"]')
    expect(hits).to_have_count(1)
    hits.first.click()
    expect(page).to_have_url(re.compile(rf"/{language}/documents/{documents['public'].pk}/$"))
    assert axe_violations(page) == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_search_page_without_a_query_and_without_results(page, check_page, language):
    check_page(page, f"/{language}/search/")
    expect(page.locator("h1")).to_have_count(1)
    check_page(page, f"/{language}/search/?q=zzzzqqq")
    none = {"en": "0 results", "ru": "0 результатов"}[language]
    expect(page.get_by_role("status")).to_contain_text(none)


@pytest.mark.parametrize("language", LANGUAGES)
def test_public_documents(page, check_page, documents, language):
    check_page(page, f"/{language}/documents/")
    expect(page.locator("li.document")).to_have_count(1)
    check_page(page, f"/{language}/documents/{documents['public'].pk}/")
