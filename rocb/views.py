"""Project-wide pages: home, health check and the error pages."""

from importlib import import_module

from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.db import DatabaseError, connections
from django.http import HttpResponse, HttpResponseBadRequest, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext
from django.views.decorators.cache import never_cache
from django.views.generic import TemplateView

from outreach.selectors import home_sections as outreach_home_sections
from workplan import selectors as workplan_selectors


class HomeView(TemplateView):
    template_name = "home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # Outreach: latest news, next events, promoted tools (outreach/_home_sections.html).
        context.update(outreach_home_sections())
        context["workplan_glance"] = workplan_selectors.plan_at_a_glance()
        return context


def robots_txt(request):
    """Crawlers: everything public, except the members area, accounts and the admin."""
    prefixes = ["/", *(f"/{code}/" for code, _name in settings.LANGUAGES)]
    private = ["/admin/", *(f"{p}{path}" for p in prefixes for path in ("members/", "accounts/"))]
    lines = ["User-agent: *", *(f"Disallow: {path}" for path in private)]
    lines += ["", f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


@never_cache
def healthz(request):
    """Liveness with a database round trip; 503 when the database does not answer. Answered by
    `rocb.middleware.HealthCheckMiddleware` before the host is checked: the load balancer probes
    each application host by its address."""
    try:
        with connections["default"].cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return JsonResponse({"status": "error", "database": "unavailable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


def floor(request):
    """The benchmark's reference: Django's own cost for a request (see bench/run.py)."""
    return HttpResponse("floor")


@never_cache
def bench_write(request):
    """Benchmark-only: one acknowledged write (a new session row), for bench/restart.py."""
    store = import_module(settings.SESSION_ENGINE).SessionStore()
    store["bench"] = True
    store.create()
    return JsonResponse({"key": store.session_key})


# The error pages render without touching the database, so they work while it is down.
def bad_request(request, exception=None):
    if isinstance(exception, DisallowedHost):
        # Not a page of the portal: nothing of it may be built from that host (any link that
        # asks for the host raises again, and each time the error handling logs a traceback).
        return HttpResponseBadRequest(
            gettext("Bad request: this server does not serve that host name."),
            content_type="text/plain; charset=utf-8",
        )
    return render(request, "errors/400.html", status=400)


def permission_denied(request, exception=None):
    return render(request, "errors/403.html", status=403)


def page_not_found(request, exception=None):
    return render(request, "errors/404.html", status=404)


def server_error(request):
    return render(request, "errors/500.html", status=500)
