"""Competency framework pages in the portal's sitemaps (collected by core.sitemaps)."""

from django.urls import reverse

from competencies import selectors
from core.sitemaps import PagesSitemap, PortalSitemap


class FrameworkPagesSitemap(PagesSitemap):
    url_names = (
        "competencies:overview",
        "competencies:position_list",
        "competencies:dictionary",
        "competencies:qualifications",
        "competencies:version_list",
    )
    changefreq = "monthly"
    priority = 0.7


class PositionSitemap(PortalSitemap):
    changefreq = "monthly"

    def items(self):
        return selectors.position_slugs()

    def location(self, item):
        return reverse("competencies:position_detail", kwargs={"slug": item})


class CompetencySitemap(PortalSitemap):
    changefreq = "monthly"

    def items(self):
        return selectors.competency_codes()

    def location(self, item):
        return reverse("competencies:competency_detail", kwargs={"code": item})


class VersionSitemap(PortalSitemap):
    """Each numbered version's page and its positions' pages (one query)."""

    changefreq = "yearly"
    priority = 0.3

    def items(self):
        return selectors.version_pages()

    def location(self, item):
        number, slug = item
        if slug is None:
            return reverse("competencies:version_detail", kwargs={"number": number})
        return reverse("competencies:version_position", kwargs={"number": number, "slug": slug})


SITEMAPS = {
    "competencies": FrameworkPagesSitemap,
    "positions": PositionSitemap,
    "dictionary": CompetencySitemap,
    "versions": VersionSitemap,
}
