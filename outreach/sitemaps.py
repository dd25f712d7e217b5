"""Outreach pages in the portal's sitemaps (collected by core.sitemaps)."""

from collections.abc import Callable

from django.db.models import Max, QuerySet
from django.urls import reverse

from core.sitemaps import PagesSitemap, PortalSitemap
from outreach import selectors


class OutreachPagesSitemap(PagesSitemap):
    url_names = ("outreach:news_list", "outreach:event_list", "outreach:tool_list")
    changefreq = "weekly"
    priority = 0.8


class _ObjectPagesSitemap(PortalSitemap):
    """Pages of published objects, read as plain rows (slug, last change): a sitemap page
    lists hundreds of them, and building model instances would cost more than the page."""

    changefreq = "monthly"
    url_name: str  # the detail page, by slug
    published: Callable[[], QuerySet]  # the selector of the published objects

    def items(self):
        return self.published().values("slug", "updated_at")

    def location(self, item):
        return reverse(self.url_name, kwargs={"slug": item["slug"]})

    def lastmod(self, item):
        return item["updated_at"]

    def get_latest_lastmod(self):
        return self.published().aggregate(latest=Max("updated_at"))["latest"]


class NewsSitemap(_ObjectPagesSitemap):
    url_name = "outreach:news_detail"
    published = staticmethod(selectors.news_list)


class EventSitemap(_ObjectPagesSitemap):
    url_name = "outreach:event_detail"
    published = staticmethod(selectors.all_events)


SITEMAPS = {
    "outreach": OutreachPagesSitemap,
    "news": NewsSitemap,
    "events": EventSitemap,
}
