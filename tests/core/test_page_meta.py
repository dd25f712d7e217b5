"""Public pages can be found and shared: every one is in the sitemap in both languages with its
hreflang alternates, and says in its <head> what it is (canonical address, description, Open
Graph tags), on the portal's own address whatever Host a request names."""

import datetime
import re
from collections import defaultdict
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.urls import resolve
from django.utils import translation

from competencies.services import framework_endorse
from library.models import Document
from tests.competencies.factories import starter_framework
from tests.factories import make_user
from tests.library.factories import make_document
from tests.outreach.factories import make_event, make_many_news, make_news
from tests.outreach.test_sitemaps import sitemap_urls
from tests.test_access_matrix import PUBLIC

pytestmark = pytest.mark.django_db

# Public URLs that are not pages to be found, and why; the account pages (accounts:*) neither.
NOT_PAGES = {
    "healthz": "the load balancer's health check",
    "sitemap": "the sitemap itself",
    "sitemap_section": "the sitemap itself",
    "robots_txt": "for crawlers",
    "search": "results of a visitor's query",
    "competencies:compare": "two positions a visitor chooses",
    "outreach:news_feed": "a feed, linked from the news pages",
    "outreach:news_atom_feed": "a feed, linked from the news pages",
    "outreach:event_calendar": "an event's calendar file, linked from its page",
    "outreach:events_calendar": "the calendar of events, linked from the events page",
    "outreach:seat_offer": "a signed link from a mail",
    "workplan:export_csv": "the Work Plan as a file, linked from its page",
    "workplan:export_xlsx": "the Work Plan as a file, linked from its page",
    "workplan:logframe_csv": "the logframe as a file, linked from its page",
    "workplan:logframe_xlsx": "the logframe as a file, linked from its page",
    "workplan_iati": "the plan as IATI open data, linked from the Work Plan page",
    "workplan:report_pdf": "a progress report as a file, linked from its page",
    "library:document_download": "a document's file, linked from its page",
    "outreach:meeting_document": "a meeting document's file, linked from its event's page",
    "administrations:account_request": "an account page (under /accounts/, kept out by robots.txt)",
    "administrations:account_request_sent": "an account page (under /accounts/)",
    "administrations:invitation": "a one-time link from a mail",
    "experts:record": "an expert's own record, by a signed link from a mail",
    "experts:record_withdrawn": "where an expert's withdrawal ends",
    "needs:evaluate": "a mission's evaluation form, by a one-time link from a mail",
    "outreach:event_evaluate": "an event's evaluation form, by a one-time link from a mail",
}
PAGES = {name for name in PUBLIC if name not in NOT_PAGES and not name.startswith("accounts:")}
OG_LOCALES = {"en": "en_GB", "ru": "ru_RU"}


@pytest.fixture
def content():
    make_news(slug="with-russian", title_en="Roundtable", title_ru="Круглый стол")
    make_news(slug="english-only", title_en="Fellowship alumni site")
    make_event(slug="workshop", title_en="Workshop", title_ru="Семинар")
    make_document(visibility=Document.Visibility.PUBLIC, title_en="Study", title_ru="Исследование")
    make_document(visibility=Document.Visibility.MEMBERS, title_en="For members only")
    starter_framework()  # endorsed positions and competencies (the seeds have none)
    framework_endorse(  # version 1 of the framework, with its pages
        endorsed_on=datetime.date(2023, 5, 17),
        endorsed_at_en="Heads of Customs Meeting",
        by=make_user(email="endorser@rocb.test", is_staff=True),
    )


@pytest.fixture
def pages(client, content) -> dict[tuple[str, str], list[str]]:
    """The sitemap's paths by (URL name, language)."""
    listed = defaultdict(list)
    for url, alternates in sitemap_urls(client).items():
        path = urlsplit(url).path
        language, _, rest = path.removeprefix("/").partition("/")
        assert alternates == {
            "en": f"http://testserver/en/{rest}",
            "ru": f"http://testserver/ru/{rest}",
            "x-default": f"http://testserver/{rest}",
        }, url
        with translation.override(language):
            listed[resolve(path).view_name, language].append(path)
    return listed


def test_every_public_page_is_in_the_sitemap_in_both_languages(pages):
    assert {"workplan:plan", "competencies:qualifications", "contacts:training_centres"} <= PAGES
    missing = {(name, code) for name in PAGES for code in ("en", "ru")} - set(pages)
    assert missing == set()
    assert {name for name, _language in pages} <= PAGES  # nothing else: no members page


def test_the_sitemap_lists_every_object_page(pages):
    assert len(pages["workplan:activity", "ru"]) == 27  # the seeded plan's activities
    assert "/en/news/english-only/" in pages["outreach:news_detail", "en"]
    assert "/en/events/workshop/" in pages["outreach:event_detail", "en"]
    assert len(pages["library:document_detail", "en"]) == 1  # the public one only
    assert "/ru/competencies/dictionary/OP-04/" in pages["competencies:competency_detail", "ru"]
    positions = pages["competencies:position_detail", "en"]
    assert "/en/competencies/positions/head-of-office/" in positions


class Head(HTMLParser):
    """The <title>, meta tags and links of a page's <head>."""

    def __init__(self, html: str):
        super().__init__()
        self.title = ""
        self.meta: dict[str, list[str]] = defaultdict(list)
        self.links: dict[str, list[str]] = defaultdict(list)
        self._in_title = False
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "title":
            self._in_title = True
        elif tag == "meta" and "content" in attrs:
            self.meta[attrs.get("property") or attrs.get("name")].append(attrs["content"])
        elif tag == "link":
            self.links[attrs["rel"]].append(attrs["href"])

    def handle_endtag(self, tag):
        self._in_title = self._in_title and tag != "title"

    def handle_data(self, data):
        if self._in_title:
            self.title += data


def head_of(client, path: str, **headers) -> Head:
    response = client.get(path, headers=headers)
    assert response.status_code == 200, path
    return Head(response.content.decode())


@pytest.mark.parametrize("language", ["en", "ru"])
def test_every_public_page_type_has_a_canonical_link_a_description_and_open_graph_tags(
    client, pages, language
):
    for name in sorted(PAGES):
        path = pages[name, language][0]
        head = head_of(client, path)
        url = settings.SITE_URL + path
        assert head.links["canonical"] == [url], path
        assert head.meta["og:url"] == [url], path
        [description] = head.meta["description"]
        assert description.strip(), path
        assert head.meta["og:description"] == [description], path
        assert head.meta["og:title"] == [head.title.rsplit(" | ", 1)[0]], path
        assert head.meta["og:type"] == ["article" if name == "outreach:news_detail" else "website"]
        assert head.meta["og:site_name"] == [{"en": "ROCB Europe", "ru": "РБНП Европа"}[language]]
        assert head.meta["og:locale"] == [OG_LOCALES[language]], path
        other = "ru" if language == "en" else "en"
        assert head.meta["og:locale:alternate"] == [OG_LOCALES[other]], path


def test_a_russian_title_that_falls_back_to_english_is_marked(client, content):
    head = head_of(client, "/ru/news/english-only/")
    assert head.title.startswith("Fellowship alumni site (на английском) | ")
    assert head.meta["og:title"] == ["Fellowship alumni site (на английском)"]
    translated = head_of(client, "/ru/news/with-russian/")
    assert translated.meta["og:title"] == ["Круглый стол"]
    assert head_of(client, "/en/news/english-only/").meta["og:title"] == ["Fellowship alumni site"]


def test_the_canonical_address_is_the_portals_own_whatever_the_host(client, settings):
    settings.ALLOWED_HOSTS = ["testserver", "portal-alias.example.org"]
    head = head_of(client, "/en/workplan/", host="portal-alias.example.org")
    assert head.links["canonical"] == [f"{settings.SITE_URL}/en/workplan/"]
    assert "portal-alias" not in " ".join(v for values in head.meta.values() for v in values)


def test_the_canonical_address_leaves_out_filters_and_keeps_the_page_number(client):
    make_many_news(11)  # two pages
    filtered = head_of(client, "/en/workplan/?status=ongoing&utm_source=mail")
    assert filtered.links["canonical"] == [f"{settings.SITE_URL}/en/workplan/"]
    second = head_of(client, "/en/news/?page=2&utm_source=mail")
    assert second.links["canonical"] == [f"{settings.SITE_URL}/en/news/?page=2"]


@pytest.mark.django_db
@pytest.mark.parametrize("page", ["²", "٣"])
def test_a_page_number_that_is_a_digit_but_not_a_number_keeps_the_canonical_link(
    member_client, page
):
    response = member_client.get("/en/workplan/", {"page": page})
    assert response.status_code == 200
    canonical = re.search(r'<link rel="canonical" href="([^"]+)"', response.content.decode())
    assert canonical.group(1).endswith("/en/workplan/")
