"""Outreach pages in the portal's sitemaps (collected by rocb.sitemaps)."""

from django.db.models import Max
from django.urls import reverse

from outreach import selectors
from rocb.sitemaps import PagesSitemap, PortalSitemap


class OutreachPagesSitemap(PagesSitemap):
    url_names = ("outreach:news_list", "outreach:event_list", "outreach:tool_list")
    changefreq = "weekly"
    priority = 0.8


class _ObjectPagesSitemap(PortalSitemap):
    """Pages of published objects, read as plain rows (slug, last change): a sitemap page
    lists hundreds of them, and building model instances would cost more than the page."""

    changefreq = "monthly"
    url_name = ""

    def rows(self):
        raise NotImplementedError

    def items(self):
        return self.rows().values("slug", "updated_at")

    def location(self, item):
        return reverse(self.url_name, kwargs={"slug": item["slug"]})

    def lastmod(self, item):
        return item["updated_at"]

    def get_latest_lastmod(self):
        return self.rows().aggregate(latest=Max("updated_at"))["latest"]


class NewsSitemap(_ObjectPagesSitemap):
    url_name = "outreach:news_detail"

    def rows(self):
        return selectors.news_list()


class EventSitemap(_ObjectPagesSitemap):
    url_name = "outreach:event_detail"

    def rows(self):
        return selectors.all_events()


SITEMAPS = {
    "outreach": OutreachPagesSitemap,
    "news": NewsSitemap,
    "events": EventSitemap,
}
