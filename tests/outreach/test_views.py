import datetime
import re

import icalendar
import pytest
from django.conf import settings
from django.utils import timezone

from outreach.models import Status, Tool
from tests.outreach.factories import (
    make_event,
    make_many_events,
    make_many_news,
    make_news,
)
from tests.pages import latin_words

pytestmark = pytest.mark.django_db

LANGUAGES = ["en", "ru"]
# Names of WCO products and abbreviations that stay Latin in Russian content.
CONTENT_LATIN = {"VCOA", "PCA", "RKC", "CBM", "LMD"}


def html_of(response) -> str:
    assert response.status_code == 200
    return response.content.decode()


def title_of(html: str) -> str:
    return re.search(r"<title>(.*?)</title>", html, re.S).group(1).strip()


def description_of(html: str) -> str:
    return re.search(r'<meta name="description" content="([^"]*)"', html).group(1)


@pytest.fixture
def news_item():
    return make_news(
        slug="risk-course",
        title_en="New course on risk management",
        title_ru="Новый курс по управлению рисками",
        summary_en="A course for customs officers.",
        summary_ru="Курс для сотрудников таможни.",
        body_en="<p>Learn <strong>risk</strong> analysis.</p>",
        body_ru="<p>Изучите <strong>анализ</strong> рисков.</p>",
    )


@pytest.fixture
def draft():
    return make_news(slug="secret-draft", title_en="Unfinished draft", status=Status.DRAFT)


# News


@pytest.mark.parametrize("language", LANGUAGES)
def test_news_list_shows_published_news_not_drafts(client, news_item, draft, language):
    html = html_of(client.get(f"/{language}/news/"))
    title = {"en": "New course on risk management", "ru": "Новый курс по управлению рисками"}
    assert title[language] in html
    assert "Unfinished draft" not in html
    assert html.count("<h1") == 1
    assert title_of(html).startswith({"en": "News", "ru": "Новости"}[language])
    assert description_of(html)
    assert f'href="/{language}/news/feed/"' in html
    assert 'type="application/atom+xml"' in html
    if language == "ru":
        assert latin_words(html) == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_news_item_page_with_open_graph_tags(client, news_item, language):
    html = html_of(client.get(f"/{language}/news/risk-course/"))
    title = {"en": "New course on risk management", "ru": "Новый курс по управлению рисками"}
    assert f"<h1>{title[language]}</h1>" in html
    assert title_of(html).startswith(title[language])
    summary = {"en": "A course for customs officers.", "ru": "Курс для сотрудников таможни."}
    assert description_of(html) == summary[language]
    assert f'<meta property="og:title" content="{title[language]}">' in html
    assert f'<meta property="og:description" content="{summary[language]}">' in html
    assert '<meta property="og:type" content="article">' in html
    url = f"{settings.SITE_URL}/{language}/news/risk-course/"  # never the request's host
    assert f'<meta property="og:url" content="{url}">' in html
    assert f'<link rel="canonical" href="{url}">' in html
    locale = {"en": "en_GB", "ru": "ru_RU"}[language]
    assert f'<meta property="og:locale" content="{locale}">' in html
    assert "<strong>" in html  # the sanitised rich text renders as HTML
    if language == "ru":
        assert "<p>Изучите <strong>анализ</strong> рисков.</p>" in html
        assert latin_words(html) == []


def test_a_news_item_without_russian_text_is_marked_english(client):
    make_news(slug="only-english", title_en="Only in English", body_en="<p>English body</p>")
    html = html_of(client.get("/ru/news/only-english/"))
    assert '<span lang="en">Only in English</span>' in html
    assert '<div class="rich-text" lang="en"><p>English body</p></div>' in html
    # The page's <title> and meta description cannot carry lang="en": only the content's words.
    english_content = {"Only", "English", "Summary", "news", "item"}
    assert latin_words(html, english_content) == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_draft_is_not_found(client, draft, language):
    assert client.get(f"/{language}/news/secret-draft/").status_code == 404


def test_script_in_the_body_never_reaches_the_page(client):
    make_news(slug="xss", body_en='<p>Hi</p><script>alert("x")</script><p onclick="x()">B</p>')
    html = html_of(client.get("/en/news/xss/"))
    assert "alert(" not in html
    assert "onclick" not in html


def test_news_pagination(client):
    make_many_news(25)
    first = html_of(client.get("/en/news/"))
    assert "Bulk news 0" in first and "Bulk news 10" not in first
    assert 'rel="next" href="?page=2"' in first
    third = html_of(client.get("/en/news/?page=3"))
    assert "Bulk news 24" in third
    assert "page 3" in title_of(third)
    assert client.get("/en/news/?page=9").status_code == 404
    assert client.get("/en/news/?page=x").status_code == 404


@pytest.mark.parametrize("language", LANGUAGES)
def test_news_pages_run_fixed_queries_on_many_rows(client, django_assert_max_num_queries, language):
    make_many_news(2000)
    with django_assert_max_num_queries(2):
        html_of(client.get(f"/{language}/news/"))
    with django_assert_max_num_queries(2):
        html_of(client.get(f"/{language}/news/?page=150"))
    with django_assert_max_num_queries(1):
        html_of(client.get(f"/{language}/news/bulk-1999/"))


# Events


@pytest.mark.parametrize("language", LANGUAGES)
def test_events_page_shows_upcoming_and_past_events(client, language):
    today = timezone.localdate()
    make_event(
        slug="next",
        title_en="Coming workshop",
        title_ru="Предстоящий семинар",
        place_ru="Баку, Азербайджан",
    )
    make_event(
        slug="running",
        title_en="Running course",
        title_ru="Идущий курс",
        place_ru="Онлайн",
        starts_on=today - datetime.timedelta(days=3),
        ends_on=today,
    )
    make_event(
        slug="before",
        title_en="Last year's meeting",
        title_ru="Прошлогоднее совещание",
        place_ru="Брюссель, Бельгия",
        starts_on=today - datetime.timedelta(days=400),
        ends_on=today - datetime.timedelta(days=399),
    )
    make_event(slug="hidden", title_en="Hidden event", status=Status.DRAFT)
    html = html_of(client.get(f"/{language}/events/"))
    upcoming, past = html.split({"en": "Past events", "ru": "Прошедшие мероприятия"}[language])
    names = {
        "en": ("Coming workshop", "Running course", "Last year&#x27;s meeting"),
        "ru": ("Предстоящий семинар", "Идущий курс", "Прошлогоднее совещание"),
    }[language]
    assert names[0] in upcoming and names[1] in upcoming
    assert names[2] in past and names[2] not in upcoming
    assert "Hidden event" not in html
    assert f'href="/{language}/events/next/"' in html
    if language == "ru":
        assert latin_words(html) == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_event_page_and_calendar_file(client, language):
    event = make_event(
        slug="regional-meeting",
        title_en="Regional meeting",
        title_ru="Региональное совещание",
        place_ru="Баку, Азербайджан",
        description_en="Heads of training meet.",
        description_ru="Встреча руководителей обучения.",
        starts_on=datetime.date(2030, 5, 12),
        ends_on=datetime.date(2030, 5, 14),
        url="https://example.org/register",
    )
    html = html_of(client.get(f"/{language}/events/regional-meeting/"))
    assert html.count("<h1") == 1
    assert f'href="/{language}/events/regional-meeting/calendar.ics"' in html
    if language == "ru":
        assert "<h1>Региональное совещание</h1>" in html
        assert latin_words(html) == []

    response = client.get(f"/{language}/events/regional-meeting/calendar.ics")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert 'filename="regional-meeting.ics"' in response["Content-Disposition"]
    calendar = icalendar.Calendar.from_ical(response.content)
    [entry] = calendar.walk("VEVENT")
    assert entry.decoded("dtstart") == datetime.date(2030, 5, 12)
    assert entry.decoded("dtend") == datetime.date(2030, 5, 15)  # exclusive end
    assert str(entry["summary"]) == event.title_en if language == "en" else event.title_ru
    assert str(entry["location"]) == {"en": "Baku, Azerbaijan", "ru": "Баку, Азербайджан"}[language]
    assert str(entry["uid"]) == f"event-{event.pk}@rocb-europe.org"
    assert str(entry["url"]) == "https://example.org/register"


def test_a_draft_event_has_no_page_and_no_calendar_file(client):
    make_event(slug="draft-event", status=Status.DRAFT)
    assert client.get("/en/events/draft-event/").status_code == 404
    assert client.get("/en/events/draft-event/calendar.ics").status_code == 404


@pytest.mark.parametrize("language", LANGUAGES)
def test_events_page_runs_fixed_queries_on_many_rows(
    client, django_assert_max_num_queries, language
):
    make_many_events(1000, past=True)
    make_many_events(1000, past=False)
    with django_assert_max_num_queries(3):
        html = html_of(client.get(f"/{language}/events/"))
    assert html.count('class="card event-card"') == 50 + 20
    with django_assert_max_num_queries(3):
        html_of(client.get(f"/{language}/events/?page=40"))


# Tools


@pytest.mark.parametrize("language", LANGUAGES)
def test_tools_page_groups_the_seeded_tools_by_kind(
    client, django_assert_max_num_queries, language
):
    with django_assert_max_num_queries(1):
        html = html_of(client.get(f"/{language}/tools/"))
    headings = {
        "en": ["WCO instruments", "Tools", "E-learning courses"],
        "ru": ["Правовые инструменты ВТамО", "Инструменты", "Курсы электронного обучения"],
    }[language]
    positions = [html.index(f'">{heading}</h2>') for heading in headings]
    assert positions == sorted(positions)
    names = {
        "en": [
            "CLiKC!",
            "Virtual Customs Orientation Academy",
            "People Development Interactive Map",
        ],
        "ru": ["CLiKC!", "Виртуальная академия таможенной ориентации", "Интерактивная карта"],
    }[language]
    for name in names:
        assert name in html
    assert 'id="tool-risk-management"' in html
    if language == "ru":
        assert latin_words(html, CONTENT_LATIN) == []


def test_tools_page_runs_fixed_queries_on_many_rows(client, django_assert_max_num_queries):
    Tool.objects.bulk_create(
        Tool(kind=Tool.Kind.COURSE, slug=f"course-{i}", title_en=f"Course {i}") for i in range(500)
    )
    with django_assert_max_num_queries(1):
        html_of(client.get("/ru/tools/"))


# Home and navigation


@pytest.mark.parametrize("language", LANGUAGES)
def test_home_shows_latest_news_next_events_and_promoted_tools(
    client, news_item, draft, django_assert_max_num_queries, language
):
    make_many_news(50)
    make_event(slug="next", title_en="Coming workshop", title_ru="Предстоящий семинар")
    # The whole home page: 3 queries for these sections, 4 for the work plan at a glance.
    with django_assert_max_num_queries(7):
        html = html_of(client.get(f"/{language}/"))
    assert {"en": "New course on risk management", "ru": "Новый курс по управлению рисками"}[
        language
    ] in html
    assert "Unfinished draft" not in html
    assert {"en": "Coming workshop", "ru": "Предстоящий семинар"}[language] in html
    assert "CLiKC!" in html
    assert "Revised Kyoto Convention" not in html  # not promoted
    assert html.count('<li class="card">') == 3 + 4  # 3 news, 4 promoted tools
    if language == "ru":
        assert latin_words(html, CONTENT_LATIN) == []


@pytest.mark.parametrize(
    ("path", "label"),
    [("/en/news/", "News"), ("/en/events/", "Events"), ("/en/tools/", "Tools and e-learning")],
)
def test_navigation_marks_the_current_section(client, path, label):
    html = html_of(client.get(path))
    assert f'<a href="{path}" aria-current="page">{label}</a>' in html


def test_unprefixed_news_redirects_by_language(client):
    response = client.get("/news/", headers={"accept-language": "ru"})
    assert response.status_code == 302
    assert response["Location"] == "/ru/news/"
