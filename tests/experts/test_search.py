import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from administrations.models import Administration
from experts.filters import administration_choices, search_query
from experts.models import Expert, ExpertiseArea, language_choices
from tests.experts.factories import make_expert, make_experts
from tests.factories import make_user
from tests.pages import latin_words

pytestmark = pytest.mark.django_db


def found(response) -> list[str]:
    """The addresses of the experts found, in order (the page reads its rows as values)."""
    emails = dict(Expert.objects.values_list("pk", "email"))
    return [emails[row["id"]] for row in response.context["experts"]]


@pytest.fixture
def experts(azerbaijan, georgia):
    return {
        "auditor": make_expert(
            administration=azerbaijan,
            given_names_en="Elvin",
            family_name_en="Aliyev",
            given_names_ru="Эльвин",
            family_name_ru="Алиев",
            position_en="Senior post-clearance auditor",
            position_ru="Старший аудитор",
            email="elvin@customs.az",
            areas=["post-clearance-audit"],
            languages=[("en", 4), ("ru", 3)],
            accreditation="expert",
        ),
        "risk": make_expert(
            administration=georgia,
            given_names_en="Tamar",
            family_name_en="Lomidze",
            position_en="Head of division",
            position_ru="Начальник отдела анализа",
            email="tamar@customs.ge",
            areas=["risk-management", "integrity"],
            languages=[("ka", 4), ("en", 2)],
        ),
        "trainer": make_expert(
            administration=georgia,
            given_names_en="Giorgi",
            family_name_en="Kapanadze",
            position_en="Trainer in customs valuation",
            email="giorgi@customs.ge",
            areas=["valuation"],
            languages=[("ru", 4)],
        ),
    }


def test_search_page_lists_every_expert_by_family_name(member_client, experts):
    response = member_client.get("/en/members/experts/")
    assert response.status_code == 200
    assert found(response) == ["elvin@customs.az", "giorgi@customs.ge", "tamar@customs.ge"]
    assert "no-store" in response["Cache-Control"]
    assert "3 experts found" in response.content.decode()


def test_english_words_match_their_stem(member_client, experts):
    response = member_client.get("/en/members/experts/", {"q": "auditing"})
    assert found(response) == ["elvin@customs.az"]
    response = member_client.get("/en/members/experts/", {"q": "risks"})
    assert found(response) == ["tamar@customs.ge"]


def test_russian_query_matches_a_russian_stem(member_client, experts):
    # "рисков" (genitive plural) matches the area "Управление рисками" (instrumental plural).
    response = member_client.get("/ru/members/experts/", {"q": "рисков"})
    assert found(response) == ["tamar@customs.ge"]
    # ... and the stems of a Russian position: "аудиторы" finds "Старший аудитор".
    response = member_client.get("/ru/members/experts/", {"q": "аудиторы"})
    assert found(response) == ["elvin@customs.az"]


def test_russian_words_match_on_the_english_page_too(member_client, experts):
    response = member_client.get("/en/members/experts/", {"q": "стоимости"})
    assert found(response) == ["giorgi@customs.ge"]


def test_the_beginning_of_a_name_finds_the_expert_in_either_script(member_client, experts):
    assert found(member_client.get("/en/members/experts/", {"q": "Ali"})) == ["elvin@customs.az"]
    assert found(member_client.get("/ru/members/experts/", {"q": "Алие"})) == ["elvin@customs.az"]
    # Beginnings match names only: "Trai" does not find the "Trainer in customs valuation".
    assert found(member_client.get("/en/members/experts/", {"q": "Trai"})) == []


def test_a_name_match_ranks_before_a_text_match(member_client, azerbaijan, experts):
    make_expert(
        administration=azerbaijan,
        family_name_en="Valuation",
        given_names_en="Ann",
        email="ann@customs.az",
        position_en="Clerk",
    )
    response = member_client.get("/en/members/experts/", {"q": "valuation"})
    assert found(response) == ["ann@customs.az", "giorgi@customs.ge"]


def test_text_and_filters_combine(member_client, experts, azerbaijan, georgia):
    get = member_client.get
    area = experts["risk"].areas.get(slug="integrity").pk
    assert found(get("/en/members/experts/", {"area": area})) == ["tamar@customs.ge"]
    assert found(get("/en/members/experts/", {"administration": georgia.pk, "q": "valuation"})) == [
        "giorgi@customs.ge"
    ]
    assert found(get("/en/members/experts/", {"accreditation": "expert"})) == ["elvin@customs.az"]
    # Language and a minimum level: English at "Fluent" (3) or better.
    assert found(get("/en/members/experts/", {"language": "en", "level": "3"})) == [
        "elvin@customs.az"
    ]
    assert found(get("/en/members/experts/", {"language": "en"})) == [
        "elvin@customs.az",
        "tamar@customs.ge",
    ]
    assert found(get("/en/members/experts/", {"language": "ru", "q": "trainer"})) == [
        "giorgi@customs.ge"
    ]
    assert (
        found(get("/en/members/experts/", {"language": "ka", "administration": azerbaijan.pk}))
        == []
    )


def test_sorting_by_administration_and_by_confirmation(member_client, experts):
    Expert.objects.filter(email="giorgi@customs.ge").update(confirmed_on="2020-01-01")
    by_administration = found(member_client.get("/en/members/experts/", {"sort": "administration"}))
    assert by_administration == ["elvin@customs.az", "giorgi@customs.ge", "tamar@customs.ge"]
    by_date = found(member_client.get("/en/members/experts/", {"sort": "confirmed"}))
    assert by_date[-1] == "giorgi@customs.ge"


def test_russian_page_sorts_by_the_cyrillic_name(member_client, azerbaijan):
    make_expert(administration=azerbaijan, family_name_en="Zeynalov", family_name_ru="Абасов")
    make_expert(administration=azerbaijan, family_name_en="Babayev", family_name_ru="Бабаев")
    response = member_client.get("/ru/members/experts/")
    assert [e["family_name_ru"] for e in response.context["experts"]] == ["Абасов", "Бабаев"]


def test_invalid_parameters_do_not_break_the_page(member_client, experts):
    response = member_client.get(
        "/en/members/experts/",
        {
            "area": "x",
            "level": "9",
            "administration": "0",
            "sort": "bogus",
            "page": "zz",
            "q": "&|!",
        },
    )
    assert response.status_code == 200
    assert len(found(response)) == 3


def test_search_query_keeps_tsquery_syntax_out_of_the_name_prefixes():
    assert search_query("  ") is None
    assert search_query("-") is None
    query = search_query("a:* | b & !c")
    with connection.cursor() as cursor:
        cursor.execute("SELECT %s::text", [str(query)])  # composable: no syntax error raised
    assert Expert.objects.filter(search_vector=query).count() == 0


def test_results_are_paginated(member_client, azerbaijan):
    make_experts(45, administrations=[azerbaijan])
    response = member_client.get("/en/members/experts/", {"page": 3})
    assert len(found(response)) == 5
    html = response.content.decode()
    assert "Page 3 of 3" in html
    assert 'href="?page=2"' in html


@pytest.mark.parametrize("language", ["en", "ru"])
def test_search_runs_a_fixed_number_of_queries(
    client, azerbaijan, georgia, language, django_assert_max_num_queries
):
    make_experts(250, administrations=[azerbaijan, georgia], areas=["risk-management", "origin"])
    client.force_login(make_user(administration=azerbaijan))
    # The user (the session comes from the cache); the count and the page of experts, and the
    # page's areas and languages (one query); the area, administration, competency and level
    # choices of the filter form (read to render it, when its cached fragment is cold).
    with django_assert_max_num_queries(8):
        response = client.get(
            f"/{language}/members/experts/", {"page": 7, "sort": "administration"}
        )
    assert len(found(response)) == 20
    # Every filter at once adds the check of the chosen area (the administrations are read once
    # for the check and the menu); ranked by the text, the count comes with the page; the
    # office's synonyms are read once, then cached.
    params = {
        "q": "рисков" if language == "ru" else "risk",
        "language": "ru",
        "level": "2",
        "administration": azerbaijan.pk,
        "area": ExpertiseArea.objects.get(slug="origin").pk,
    }
    with django_assert_max_num_queries(9):
        response = client.get(f"/{language}/members/experts/", params)
    assert len(found(response)) == 20
    assert response.context["paginator"].count == 125


def test_the_search_can_use_the_gin_index(experts):
    query = Expert.objects.filter(search_vector=search_query("risk")).values("pk").query
    sql, params = query.sql_with_params()
    with connection.cursor() as cursor:
        # Only the index can then answer: no sequential scan, nor a full scan of another index.
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_indexscan = off")
        cursor.execute(f"EXPLAIN {sql}", params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "experts_expert_search_gin" in plan


def test_russian_page_is_in_russian(member_client, experts):
    html = member_client.get("/ru/members/experts/").content.decode()
    assert "Региональная база данных экспертов" in html
    names = {"Elvin", "Aliyev", "Tamar", "Lomidze", "Giorgi", "Kapanadze"}
    assert latin_words(html, allowed=names | {"Leyla", "Mammadova"}) == []


def test_a_ranked_search_counts_its_matches_with_the_page(member_client, azerbaijan):
    make_experts(45, administrations=[azerbaijan])
    with CaptureQueriesContext(connection) as queries:
        response = member_client.get("/en/members/experts/", {"q": "customs", "page": 3})
    assert len(found(response)) == 5 and response.context["paginator"].count == 45
    assert not [query for query in queries if "COUNT(*) AS" in query["sql"]]
    # In name order an index gives the page, so the count is its own (cheap) query.
    with CaptureQueriesContext(connection) as queries:
        response = member_client.get("/en/members/experts/", {"page": 3})
    assert len(found(response)) == 5
    assert [query for query in queries if "COUNT(*) AS" in query["sql"]]


def test_the_language_menu_is_sorted_by_name_in_each_page_language():
    def names(language):
        with translation.override(language):
            return [str(name) for _code, name in language_choices()]

    english, russian = names("en"), names("ru")
    assert english == sorted(english) and english[:2] == ["Albanian", "Arabic"]
    assert russian == sorted(russian) and russian != english
    assert names("en") == english  # each language keeps its own order


def test_the_administration_menu_names_them_in_the_page_language(azerbaijan, georgia):
    Administration.objects.filter(pk=georgia.pk).update(name_ru="")
    with translation.override("ru"):
        names = dict(administration_choices())
    assert names[azerbaijan.pk] == azerbaijan.name_ru != azerbaijan.name_en
    assert names[georgia.pk] == georgia.name_en  # no Russian name: the English one, as shown
    with translation.override("en"):
        assert dict(administration_choices())[azerbaijan.pk] == azerbaijan.name_en


def test_an_administration_that_becomes_a_member_can_be_chosen_at_once(
    member_client, experts, georgia
):
    Administration.objects.filter(pk=georgia.pk).update(is_member=False)
    chosen = {"administration": georgia.pk, "sort": "name"}
    # Not a member: the choice is refused (and ignored), every expert is found.
    response = member_client.get("/en/members/experts/", chosen)
    assert "administration" in response.context["filter_form"].errors
    assert len(found(response)) == 3
    Administration.objects.filter(pk=georgia.pk).update(is_member=True)
    response = member_client.get("/en/members/experts/", chosen)
    assert set(found(response)) == {"tamar@customs.ge", "giorgi@customs.ge"}
