"""Outreach pages in the portal's sitemap (collected by rocb.sitemaps)."""

from outreach import selectors
from rocb.sitemaps import PagesSitemap, PortalSitemap


class OutreachPagesSitemap(PagesSitemap):
    url_names = ("outreach:news_list", "outreach:event_list", "outreach:tool_list")
    changefreq = "weekly"
    priority = 0.8


class NewsSitemap(PortalSitemap):
    changefreq = "monthly"

    def items(self):
        return selectors.news_list().only("slug", "updated_at")

    def lastmod(self, item):
        return item.updated_at


class EventSitemap(PortalSitemap):
    changefreq = "monthly"

    def items(self):
        return selectors.all_events().only("slug", "updated_at")

    def lastmod(self, item):
        return item.updated_at


SITEMAPS = {
    "outreach": OutreachPagesSitemap,
    "news": NewsSitemap,
    "events": EventSitemap,
}
