"""The members' materials and the public documents pages, in both languages."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from library.models import Document
from tests.factories import make_administration, make_user
from tests.library.factories import make_category, make_document, make_many_documents
from tests.pages import latin_words

pytestmark = pytest.mark.django_db

MATERIALS = "/{language}/members/materials/"
ALLOWED = {"DOCX", "Leyla"}  # a file type named on the page (like PDF), the member's name


def page(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200, url
    return response.content.decode()


@pytest.mark.parametrize("language", ["en", "ru"])
@pytest.mark.parametrize("detail", [False, True])
def test_materials_are_for_members_and_staff_only(
    client, member, staff, outsider, category, language, detail
):
    url = MATERIALS.format(language=language)
    if detail:
        url += f"{make_document(category=category).pk}/"
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"] == f"/{language}/accounts/login/?next={url}"
    for user, status in [
        (outsider, 403),
        (make_user(administration=make_administration(is_member=False)), 403),
        (member, 200),
        (staff, 200),
    ]:
        client.force_login(user)
        assert client.get(url).status_code == status, user


def test_materials_pages_are_never_stored(member_client):
    document = make_document()
    for url in ("/en/members/materials/", f"/en/members/materials/{document.pk}/"):
        assert "no-store" in member_client.get(url)["Cache-Control"]


def test_members_see_public_and_members_documents_not_the_staff_archive(member_client, category):
    make_document(category=category, title_en="Open report", visibility="public")
    make_document(category=category, title_en="Members handbook", visibility="members")
    make_document(category=category, title_en="Office register", visibility="staff")
    html = page(member_client, "/en/members/materials/")
    assert "Open report" in html and "Members handbook" in html
    assert "Office register" not in html
    assert "2 documents" in html


def test_the_russian_page_is_in_russian_and_offers_the_english_file_where_there_is_no_russian(
    member_client, category
):
    make_document(
        category=category,
        title_en="Risk management guide",
        description_en="How to profile consignments.",
        languages=("en",),
    )
    html = page(member_client, "/ru/members/materials/")
    assert "Этот документ ещё не переведён на русский язык" in html
    assert 'lang="en">Risk management guide</span>' in html
    assert "/download/en/" in html and "/download/ru/" not in html
    assert latin_words(html, allowed=ALLOWED) == []


def test_the_english_page_says_when_only_the_russian_file_exists(member_client, category):
    make_document(
        category=category,
        title_en="Regional study",
        title_ru="Региональное исследование",
        languages=("ru",),
    )
    html = page(member_client, "/en/members/materials/")
    assert "There is no English version of this document" in html
    assert "/download/ru/" in html and "/download/en/" not in html


def test_a_document_with_both_files_has_no_notice_and_lists_the_page_language_first(
    member_client, category
):
    make_document(category=category, title_en="Guide", title_ru="Руководство")
    html = page(member_client, "/ru/members/materials/")
    assert 'class="notice"' not in html
    assert html.index("/download/ru/") < html.index("/download/en/")
    assert "Версия на русском языке" in html and "Версия на английском языке" in html


def test_search_finds_russian_word_forms_on_the_russian_page(member_client, category):
    make_document(category=category, title_en="Customs valuation", title_ru="Таможенная оценка")
    make_document(category=category, title_en="Risk management", title_ru="Управление рисками")
    html = page(member_client, "/ru/members/materials/", q="оценке")
    assert "Таможенная оценка" in html
    assert "Управление рисками" not in html
    assert "1 документ" in html


def test_search_in_english_stems_too(member_client, category):
    make_document(category=category, title_en="Post-clearance audits")
    make_document(category=category, title_en="Risk management")
    html = page(member_client, "/en/members/materials/", q="audit")
    assert "Post-clearance audits" in html and "Risk management" not in html


def test_the_russian_page_finds_english_words_of_untranslated_documents(member_client, category):
    make_document(
        category=category, title_en="Revised Kyoto Convention handbook", languages=("en",)
    )
    html = page(member_client, "/ru/members/materials/", q="Kyoto")
    assert "Revised Kyoto Convention handbook" in html


def test_category_filter(member_client, category):
    other = make_category(slug="reports", name_en="Reports", name_ru="Отчёты")
    make_document(category=category, title_en="Trainer handbook")
    make_document(category=other, title_en="Annual report")
    html = page(member_client, "/en/members/materials/", category="reports")
    assert "Annual report" in html and "Trainer handbook" not in html


@pytest.mark.parametrize(
    "params",
    [
        {"category": "no-such-category"},
        {"q": "x" * 5000},
        {"q": "nul\x00byte"},
        {"q": "'\"&|!():*<>\\ -- ; DROP TABLE"},
        {"page": "abc"},
        {"unknown": "1"},
    ],
)
def test_odd_queries_never_fail(member_client, category, params):
    make_document(category=category, title_en="Trainer handbook")
    response = member_client.get("/en/members/materials/", params)
    assert response.status_code in (200, 404)
    assert b"<script" not in response.content.split(b"</header>")[1]


def test_an_invalid_filter_says_why_and_lists_nothing(member_client, category):
    make_document(category=category, title_en="Trainer handbook")
    html = page(member_client, "/en/members/materials/", category="no-such-category")
    assert "Select a valid choice" in html
    assert "Trainer handbook" not in html


def test_pages_of_twenty_keep_the_filters(member_client, category):
    make_many_documents(45, category=category, visibility="members")
    html = page(member_client, "/en/members/materials/", q="customs", category="training")
    assert "45 documents" in html and "Page 1 of 3" in html
    assert "?q=customs&amp;category=training&amp;page=2" in html
    assert html.count('<li class="document">') == 20


def test_detail_page_in_both_languages(member_client, category):
    document = make_document(
        category=category,
        title_en="Customs valuation",
        title_ru="Таможенная оценка",
        description_en="A guide.",
        description_ru="Руководство.",
    )
    english = page(member_client, f"/en/members/materials/{document.pk}/")
    assert "<h1>Customs valuation</h1>" in english and "Training materials" in english
    russian = page(member_client, f"/ru/members/materials/{document.pk}/")
    assert "<h1>Таможенная оценка</h1>" in russian and "Учебные материалы" in russian
    assert latin_words(russian, allowed=ALLOWED) == []


def main(html: str) -> str:
    """The page's own part (the header holds the logout form's token, new on each visit)."""
    return html[html.index("<main") : html.index("</main>")]


def count_queries(client, url, **params) -> int:
    """Queries of a page rendered afresh (listed documents found in the fragment cache need no
    prefetch of their files, so a warm page runs fewer)."""
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url, params).status_code == 200
    return len(queries)


@pytest.mark.parametrize("language", ["en", "ru"])
@pytest.mark.parametrize("params", [{}, {"q": "customs"}, {"category": "training"}])
def test_materials_run_a_fixed_number_of_queries(
    member_client, category, language, params, django_assert_max_num_queries
):
    url = MATERIALS.format(language=language)
    make_many_documents(5, category=category, visibility="members")
    few = count_queries(member_client, url, **params)
    make_many_documents(1000, category=category, visibility="members")
    make_many_documents(200, category=category, visibility="staff")
    with django_assert_max_num_queries(10):
        html = page(member_client, url, **params)
    assert "1005" in html
    assert count_queries(member_client, url, **params) == few


def test_the_filter_form_is_rendered_once_until_the_library_changes(member_client, category):
    url = MATERIALS.format(language="en")
    page(member_client, url)
    with CaptureQueriesContext(connection) as queries:
        html = page(member_client, url)
    assert not [query for query in queries if 'FROM "library_category"' in query["sql"]]
    assert html.count("<option") == 2  # "All categories" and the one category
    make_category(slug="tariff", name_en="Tariff classification")
    html = page(member_client, url)
    assert "Tariff classification" in html and html.count("<option") == 3
    # Another query string, another form: the chosen category stays chosen.
    assert '<option value="tariff" selected>' in page(member_client, url, category="tariff")


@pytest.mark.parametrize("params", [{}, {"category": "training"}, {"page": "2"}])
def test_a_page_of_results_seen_before_reads_no_document(member_client, category, params):
    """Unless a text was searched: that one is never stored (tests/core/test_personal_data)."""
    make_many_documents(30, category=category, visibility="members")
    url = MATERIALS.format(language="en")
    first = page(member_client, url, **params)
    with CaptureQueriesContext(connection) as queries:
        again = page(member_client, url, **params)
    assert not [query for query in queries if "library_document" in query["sql"]]
    assert main(again) == main(first) and "Customs document" in main(again)


def test_the_results_change_at_once_with_the_library(member_client, category):
    make_many_documents(3, category=category, visibility="members")
    url = MATERIALS.format(language="en")
    assert "3 documents" in page(member_client, url)
    make_document(category=category, title_en="Risk profiling handbook")
    html = page(member_client, url)
    assert "4 documents" in html and "Risk profiling handbook" in html
    assert "Risk profiling handbook" in page(member_client, url, q="profiling")


@pytest.mark.parametrize("language", ["en", "ru"])
def test_public_documents_pages(client, category, language):
    public = make_document(
        category=category, title_en="Work Plan", title_ru="План работы", visibility="public"
    )
    members = make_document(category=category, title_en="Members handbook", visibility="members")
    html = page(client, f"/{language}/documents/")
    assert {"en": "Work Plan", "ru": "План работы"}[language] in html
    assert "Members handbook" not in html
    assert client.get(f"/{language}/documents/{public.pk}/").status_code == 200
    assert client.get(f"/{language}/documents/{members.pk}/").status_code == 404
    if language == "ru":
        assert latin_words(html, allowed=ALLOWED) == []


def test_public_documents_list_runs_fixed_queries_and_is_cached(
    client, category, django_assert_max_num_queries, django_assert_num_queries
):
    make_many_documents(1000, category=category, visibility="public")
    with django_assert_max_num_queries(5):
        page(client, "/ru/documents/", q="оценка")
    with django_assert_num_queries(0):
        page(client, "/ru/documents/", q="оценка")


def test_an_edit_shows_on_the_cached_public_page_at_once(client, category):
    document = make_document(category=category, title_en="Work Plan 2025", visibility="public")
    assert "Work Plan 2025" in page(client, "/en/documents/")
    document.title_en = "Work Plan 2026"
    document.save()
    html = page(client, "/en/documents/")
    assert "Work Plan 2026" in html and "Work Plan 2025" not in html
    document.visibility = Document.Visibility.MEMBERS
    document.save()
    assert "Work Plan 2026" not in page(client, "/en/documents/")


@pytest.mark.parametrize(
    ("language", "name"), [("en", "Translated materials"), ("ru", "Переведённые материалы")]
)
def test_the_members_home_links_to_the_materials(member_client, language, name):
    html = page(member_client, f"/{language}/members/")
    assert f'<a href="/{language}/members/materials/">{name}</a>' in html


def test_a_page_past_the_end_shows_the_last_page(member_client, category):
    make_many_documents(25, category=category, visibility="members")
    html = page(member_client, MATERIALS.format(language="en"), page=2)
    assert "Page 2 of 2" in html and html.count('class="document"') == 5
    html = page(member_client, MATERIALS.format(language="en"), page=9)
    assert "Page 2 of 2" in html and html.count('class="document"') == 5
