import xml.etree.ElementTree as ET  # noqa: S405 - parses the portal's own sitemap in tests

import pytest

from core.sitemaps import portal_sitemaps
from outreach.models import Status
from tests.outreach.factories import make_event, make_many_news, make_news

pytestmark = pytest.mark.django_db

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


def parse(client, path):
    response = client.get(path)
    assert response.status_code == 200, path
    return ET.fromstring(response.content)  # noqa: S314 - our own sitemap


def sitemap_urls(client) -> dict[str, dict[str, str]]:
    """Each <loc> of every sitemap the index names, with its hreflang alternates."""
    urls = {}
    for sitemap in parse(client, "/sitemap.xml").findall(f"{SITEMAP}sitemap"):
        path = sitemap.findtext(f"{SITEMAP}loc").removeprefix("http://testserver")
        for url in parse(client, path).findall(f"{SITEMAP}url"):
            urls[url.findtext(f"{SITEMAP}loc")] = {
                link.get("hreflang"): link.get("href") for link in url.findall(f"{XHTML}link")
            }
    return urls


def test_sitemap_lists_public_pages_in_both_languages_with_hreflang(client):
    make_news(slug="published-news")
    make_news(slug="draft-news", status=Status.DRAFT)
    make_event(slug="workshop")
    make_event(slug="draft-event", status=Status.DRAFT)
    urls = sitemap_urls(client)
    base = "http://testserver"
    for path in ("", "news/", "events/", "tools/", "news/published-news/", "events/workshop/"):
        for language in ("en", "ru"):
            assert f"{base}/{language}/{path}" in urls, path
        assert urls[f"{base}/ru/{path}"] == {
            "en": f"{base}/en/{path}",
            "ru": f"{base}/ru/{path}",
            "x-default": f"{base}/{path}",
        }
    listed = " ".join(urls)
    assert "draft" not in listed
    assert "/members/" not in listed and "/accounts/" not in listed and "/admin/" not in listed


def test_apps_plug_their_sitemaps_in_through_their_own_module():
    sections = portal_sitemaps()
    assert {"home", "outreach", "news", "events"} <= set(sections)


def test_sitemaps_run_fixed_queries_on_many_rows(client, django_assert_max_num_queries):
    make_many_news(2000)
    # One count per section of objects (and the newest change of news and events), whatever the
    # number of rows; the framework's versions are one section.
    with django_assert_max_num_queries(11):
        index = parse(client, "/sitemap.xml")
    pages = [s.findtext(f"{SITEMAP}loc") for s in index.findall(f"{SITEMAP}sitemap")]
    assert "http://testserver/sitemap-news.xml?p=8" in pages  # 4,000 news URLs, 500 a page
    assert "http://testserver/sitemap-news.xml?p=9" not in pages
    with django_assert_max_num_queries(1):
        page = parse(client, "/sitemap-news.xml?p=5")
    assert len(page.findall(f"{SITEMAP}url")) == 500
    assert client.get("/sitemap-news.xml?p=9").status_code == 404
    assert client.get("/sitemap-nothing.xml").status_code == 404
    assert len([url for url in sitemap_urls(client) if "/news/bulk-" in url]) == 4000


def test_robots_txt_points_to_the_sitemap_and_keeps_crawlers_out_of_private_areas(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert lines[0] == "User-agent: *"
    for path in ("/admin/", "/en/members/", "/ru/members/", "/en/accounts/", "/ru/accounts/"):
        assert f"Disallow: {path}" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines
    assert "Disallow: /" not in lines
