"""Work Plan pages in the portal's sitemaps (collected by core.sitemaps)."""

from django.urls import reverse

from core.sitemaps import PagesSitemap, PortalSitemap
from workplan import selectors


class WorkPlanPagesSitemap(PagesSitemap):
    url_names = ("workplan:plan", "workplan:progress", "workplan:logframe")
    changefreq = "weekly"
    priority = 0.8


class ActivitySitemap(PortalSitemap):
    changefreq = "monthly"

    def items(self):
        return selectors.activity_numbers()

    def location(self, item):
        return reverse("workplan:activity", kwargs={"number": item})


class ReportSitemap(PortalSitemap):
    """The progress reports of the approved periods (no other period has one)."""

    changefreq = "yearly"

    def items(self):
        return selectors.report_identifiers()

    def location(self, item):
        return reverse("workplan:report", kwargs={"period": item})


SITEMAPS = {
    "workplan": WorkPlanPagesSitemap,
    "activities": ActivitySitemap,
    "reports": ReportSitemap,
}
