import pytest
from django.db import connection

from core.sitesearch import public_search, search_query
from outreach.models import Event, NewsItem, Status, Tool
from outreach.search import public_hits
from tests.outreach.factories import make_event, make_many_news, make_news

pytestmark = pytest.mark.django_db


@pytest.fixture
def content():
    make_news(
        slug="risk-course",
        title_en="New course on risk management",
        title_ru="Новый курс по управлению рисками",
        summary_en="Customs officers learn to assess risks.",
        summary_ru="Сотрудники таможни учатся оценивать риски.",
    )
    make_news(
        slug="risk-draft",
        title_en="Draft about risks",
        title_ru="Черновик о рисках",
        status=Status.DRAFT,
    )
    make_event(
        slug="risk-webinar",
        title_en="Webinar on risk profiles",
        title_ru="Вебинар о профилях риска",
    )


def test_a_russian_word_form_finds_the_news_item_on_the_russian_page(content):
    hits = public_hits(query="рисков", language="ru", limit=10)
    news = [hit for hit in hits if hit.kind == "Новости"]
    assert [hit.title for hit in news] == ["Новый курс по управлению рисками"]
    assert news[0].url == "/ru/news/risk-course/"
    assert news[0].summary == "Сотрудники таможни учатся оценивать риски."


def test_english_stemming_on_the_english_page(content):
    hits = public_hits(query="managing risks", language="en", limit=10)
    assert [(h.kind, h.title) for h in hits] == [
        ("News", "New course on risk management"),
        ("Tools and e-learning", "Risk Management (RM)"),
    ]


def test_search_finds_events_and_tools(content):
    hits = public_hits(query="риска", language="ru", limit=10)
    assert ("Мероприятия", "Вебинар о профилях риска", "/ru/events/risk-webinar/") in [
        (h.kind, h.title, h.url) for h in hits
    ]
    tools = public_hits(query="Kyoto", language="en", limit=10)
    assert [(h.kind, h.url) for h in tools] == [
        ("Tools and e-learning", "/en/tools/#tool-revised-kyoto-convention")
    ]
    # The Russian page finds the tool by its Russian name.
    assert [h.title for h in public_hits(query="Киотской", language="ru", limit=10)] == [
        "Пересмотренная Киотская конвенция"
    ]


def test_an_untranslated_item_is_found_by_its_english_words_on_the_russian_page():
    make_news(slug="english-only", title_en="Fellowship programme alumni")
    hits = public_hits(query="fellowship", language="ru", limit=10)
    assert [h.url for h in hits] == ["/ru/news/english-only/"]


def test_drafts_are_never_found(content):
    for language, word in (("en", "draft"), ("ru", "черновик")):
        assert public_hits(query=word, language=language, limit=10) == []


def test_blank_query_finds_nothing(content):
    assert public_hits(query="  ", language="en", limit=10) == []


def test_site_search_groups_outreach_hits(content):
    groups = dict(public_search("risk", language="en"))
    assert [h.title for h in groups["News"]] == ["New course on risk management"]
    assert [h.title for h in groups["Events"]] == ["Webinar on risk profiles"]


def test_search_runs_fixed_queries_on_many_rows(django_assert_max_num_queries):
    make_many_news(2000)
    with django_assert_max_num_queries(3):
        hits = public_hits(query="новость", language="ru", limit=10)
    assert len(hits) == 10


@pytest.mark.parametrize(
    ("model", "language", "index"),
    [
        (NewsItem, "ru", "news_search_ru_idx"),
        (NewsItem, "en", "news_search_en_idx"),
        (Event, "ru", "event_search_ru_idx"),
        (Tool, "en", "tool_search_en_idx"),
    ],
)
def test_searches_are_answered_from_the_gin_index(model, language, index):
    """The query's vector expression is the index's own, so PostgreSQL can use the index."""
    with connection.cursor() as cursor:
        # Only the index can then answer: no sequential scan, nor a full scan of another index.
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_indexscan = off")
    plan = model.objects.search(search_query("курс", language), language=language).explain()
    assert index in plan
