"""The portal's sitemaps: /sitemap.xml is an index of one sitemap per section
(/sitemap-<section>.xml, paginated), listing the public pages of every app, each in both
languages with its hreflang alternates (and x-default).

An app takes part with a `sitemaps.py` module holding `SITEMAPS = {"section": SitemapClass}`,
its classes based on `PortalSitemap` (pages with objects) or `PagesSitemap` (named pages); no
central list needs editing. Only public pages belong here: never members pages or personal data.
"""

from functools import cache
from importlib import import_module
from importlib.util import find_spec

from django.apps import apps
from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps import views as sitemap_views
from django.urls import reverse


class PortalSitemap(Sitemap):
    """Every URL in each of settings.LANGUAGES, with alternates for hreflang.

    A page of a section holds `limit` URLs (each object counts once per language), which keeps
    the cost of building one page fixed whatever the number of objects.
    """

    i18n = True
    alternates = True
    x_default = True
    limit = 500


class PagesSitemap(PortalSitemap):
    """Pages without an object of their own, named by their URL names."""

    url_names: tuple[str, ...] = ()

    def items(self):
        return list(self.url_names)

    def location(self, item):
        return reverse(item)


class HomeSitemap(PagesSitemap):
    url_names = ("home",)
    changefreq = "daily"
    priority = 1.0


SITEMAPS = {"home": HomeSitemap}


@cache
def portal_sitemaps() -> dict[str, type[Sitemap]]:
    """The SITEMAPS of every installed app that has a sitemaps module, in INSTALLED_APPS order."""
    sitemaps: dict[str, type[Sitemap]] = {}
    for app in apps.get_app_configs():
        module_name = f"{app.name}.sitemaps"
        if find_spec(module_name) is None:
            continue
        sitemaps.update(getattr(import_module(module_name), "SITEMAPS", {}))
    return sitemaps


def index(request):
    return sitemap_views.index(
        request, sitemaps=portal_sitemaps(), sitemap_url_name="sitemap_section"
    )


def section(request, section):
    return sitemap_views.sitemap(request, sitemaps=portal_sitemaps(), section=section)
