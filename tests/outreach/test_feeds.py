"""The news feeds are well-formed RSS 2.0 and Atom 1.0 with the elements each format requires."""

import xml.etree.ElementTree as ET  # noqa: S405 - parses the portal's own feeds in tests
from email.utils import parsedate_to_datetime

import pytest

from outreach.models import Status
from tests.outreach.factories import make_many_news, make_news

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def news():
    make_news(
        slug="russian-and-english",
        title_en="Roundtable on customs professionalism",
        title_ru="Круглый стол по таможенному профессионализму",
        summary_en="People development tools presented.",
        summary_ru="Представлены инструменты развития персонала.",
    )
    make_news(slug="a-draft", title_en="Draft item", status=Status.DRAFT)


def parse(response):
    assert response.status_code == 200
    return ET.fromstring(response.content)  # noqa: S314 - our own feed


@pytest.mark.parametrize("language", ["en", "ru"])
def test_rss_feed_is_valid_rss_2(client, news, language):
    response = client.get(f"/{language}/news/feed/")
    assert response["Content-Type"].startswith("application/rss+xml")
    rss = parse(response)
    assert rss.tag == "rss" and rss.get("version") == "2.0"
    channel = rss.find("channel")
    for required in ("title", "link", "description"):
        assert channel.findtext(required), required
    assert channel.findtext("link") == f"http://testserver/{language}/news/"
    assert channel.findtext("language") == language
    items = channel.findall("item")
    assert len(items) == 1  # the draft is left out
    [item] = items
    assert item.findtext("link") == f"http://testserver/{language}/news/russian-and-english/"
    assert item.findtext("guid")
    parsedate_to_datetime(item.findtext("pubDate"))  # RFC 822 date
    expected = {
        "en": ("Roundtable on customs professionalism", "People development tools presented."),
        "ru": (
            "Круглый стол по таможенному профессионализму",
            "Представлены инструменты развития персонала.",
        ),
    }[language]
    assert (item.findtext("title"), item.findtext("description")) == expected
    if language == "ru":
        assert channel.findtext("title") == "Новости РБНП Европа"


@pytest.mark.parametrize("language", ["en", "ru"])
def test_atom_feed_is_valid_atom_1(client, news, language):
    response = client.get(f"/{language}/news/feed/atom/")
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = parse(response)
    assert feed.tag == f"{ATOM}feed"
    assert feed.get("{http://www.w3.org/XML/1998/namespace}lang") == language
    for required in ("id", "title", "updated"):
        assert feed.findtext(f"{ATOM}{required}"), required
    assert feed.find(f"{ATOM}author/{ATOM}name") is not None
    self_link = feed.find(f"{ATOM}link[@rel='self']")
    assert self_link.get("href") == f"http://testserver/{language}/news/feed/atom/"
    entries = feed.findall(f"{ATOM}entry")
    assert len(entries) == 1
    for required in ("id", "title", "updated"):
        assert entries[0].findtext(f"{ATOM}{required}"), required
    assert entries[0].find(f"{ATOM}link[@rel='alternate']").get("href") == (
        f"http://testserver/{language}/news/russian-and-english/"
    )


def test_feeds_run_fixed_queries_on_many_rows(client, django_assert_max_num_queries):
    make_many_news(2000)
    for path in ("/en/news/feed/", "/ru/news/feed/atom/"):
        with django_assert_max_num_queries(1):
            items = parse(client.get(path))
        assert len(items.findall(".//item") or items.findall(f"{ATOM}entry")) == 20


XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


@pytest.mark.parametrize(("path", "entry"), [("news/feed/", "item"), ("news/feed/atom/", "entry")])
def test_an_entry_without_russian_text_is_marked_english_in_the_russian_feed(
    client, news, path, entry
):
    make_news(slug="english-only", title_en="Fellowship alumni site")
    russian = {
        link_of(element): element.get(XML_LANG)
        for element in parse(client.get(f"/ru/{path}")).iter(tag_of(entry))
    }
    assert russian == {
        "http://testserver/ru/news/english-only/": "en",
        "http://testserver/ru/news/russian-and-english/": None,  # the feed's own language
    }
    english = parse(client.get(f"/en/{path}")).iter(tag_of(entry))
    assert [element.get(XML_LANG) for element in english] == [None, None]


def tag_of(entry: str) -> str:
    return f"{ATOM}entry" if entry == "entry" else "item"


def link_of(element) -> str:
    return element.findtext("link") or element.find(f"{ATOM}link[@rel='alternate']").get("href")
