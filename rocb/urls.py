"""Root URLs: every page under /en/ and /ru/; the admin and the health check outside them."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from core import sitemaps, views
from core.cache import cache_public_page
from portal import search_views
from portal.views import HomeView
from workplan.views import IatiView

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("admin/", admin.site.urls),
    path("sitemap.xml", cache_public_page(sitemaps.index), name="sitemap"),
    path(
        "sitemap-<slug:section>.xml",
        cache_public_page(sitemaps.section, params=["p"]),
        name="sitemap_section",
    ),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    # Open data: one file in both languages, so outside the language prefixes. It shows the
    # plan's tables only, refreshed by any write to them (an approval, a changed figure).
    path(
        "workplan/iati.xml",
        cache_public_page(IatiView.as_view(), reads="workplan"),
        name="workplan_iati",
    ),
]

urlpatterns += i18n_patterns(
    path("", cache_public_page(HomeView.as_view(), reads=HomeView.reads), name="home"),
    path("search/", search_views.search, name="search"),
    path("accounts/", include("accounts.urls")),
    path("members/", include("portal.members_urls")),
    # Each app's urls.py spells out its own paths (public ones and those under members/).
    path("", include("administrations.urls")),
    path("", include("contacts.urls")),
    path("", include("experts.urls")),
    path("", include("library.urls")),
    path("", include("workplan.urls")),
    path("", include("outreach.urls")),
    path("", include("competencies.urls")),
    path("", include("needs.urls")),
)

if settings.BENCHMARK_FLOOR:
    # The benchmark's floor: a bare view through the same middleware, no database, no template.
    urlpatterns.append(path("bench/floor", views.floor))
    # The same view served with no middleware at all (rocb.wsgi.BareHandler).
    urlpatterns.append(path("bench/bare", views.floor))
    urlpatterns.append(path("bench/write", views.bench_write))
    # What every page pays before its content: base.html, empty, in the page's language.
    urlpatterns += i18n_patterns(path("bench/base/", views.bench_base_page))

handler400 = "core.views.bad_request"
handler403 = "core.views.permission_denied"
handler404 = "core.views.page_not_found"
handler500 = "core.views.server_error"
