"""Public documents in the portal's sitemaps (collected by core.sitemaps); members' and staff
documents are never listed."""

from django.urls import reverse

from core.sitemaps import PagesSitemap, PortalSitemap
from library import selectors


class DocumentListSitemap(PagesSitemap):
    url_names = ("library:document_list",)
    changefreq = "weekly"
    priority = 0.6


class DocumentSitemap(PortalSitemap):
    changefreq = "monthly"

    def items(self):
        return selectors.public_document_ids()

    def location(self, item):
        return reverse("library:document_detail", kwargs={"pk": item["pk"]})

    def lastmod(self, item):
        return item["published_on"]


SITEMAPS = {"documents": DocumentListSitemap, "documents-public": DocumentSitemap}
