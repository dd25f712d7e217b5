"""Site search over the activities, in both languages."""

import pytest
from django.db import connection

from core.sitesearch import public_search, search_query
from workplan.models import Activity, activity_search_vector
from workplan.search import public_hits

pytestmark = pytest.mark.django_db


def test_english_words_find_activities_by_their_stem(plan):
    hits = public_hits(query="collecting needs", language="en", limit=5)
    assert hits[0].title.startswith("Activity 1.1: Maintain and promote sustainable mechanism")
    assert hits[0].url == "/en/workplan/activities/1.1/"
    assert hits[0].kind == "Work Plan"


def test_russian_words_find_activities_and_hits_are_in_the_page_language(plan):
    hits = public_hits(query="база данных экспертов", language="ru", limit=5)
    assert [hit.url for hit in hits][:1] == ["/ru/workplan/activities/2.6/"]
    assert hits[0].title == "Вид деятельности 2.6: Вести Региональную базу данных экспертов"
    assert hits[0].kind == "План работы"
    # An English word on the Russian page still finds the activity, shown in Russian.
    english = public_hits(query="database", language="ru", limit=5)
    assert {hit.url for hit in english} == {
        "/ru/workplan/activities/2.6/",
        "/ru/workplan/activities/3.5/",
    }


def test_nothing_is_found_for_nothing(plan):
    assert public_hits(query="  ", language="en", limit=5) == []
    assert public_hits(query="zeppelin", language="en", limit=5) == []


def test_the_site_search_gathers_the_work_plan(plan):
    groups = dict(public_search("webinar OR e-learning", language="en"))
    assert any(hit.url.endswith("/2.2/") for hit in groups["Work Plan"])


@pytest.mark.parametrize("language", ["en", "ru"])
def test_the_search_uses_the_gin_index(plan, language):
    word = {"en": "database", "ru": "базы"}[language]
    queryset = Activity.objects.annotate(vector=activity_search_vector(language)).filter(
        vector=search_query(word, language)
    )
    with connection.cursor() as cursor:
        # Only the index can then answer: no sequential scan, nor a full scan of another index.
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_indexscan = off")
        plan_text = queryset.explain()
    assert f"workplan_activity_search_{language}" in plan_text
