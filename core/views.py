"""Project-wide pages that read no app: health check, robots.txt, the error pages."""

from importlib import import_module

from botocore.exceptions import BotoCoreError, ClientError
from django.conf import settings
from django.core.cache import caches
from django.core.exceptions import DisallowedHost
from django.core.files.storage import storages
from django.db import DatabaseError, connections
from django.http import HttpResponse, HttpResponseBadRequest, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext
from django.views.decorators.cache import never_cache


def robots_txt(request):
    """Crawlers: everything public, except the members area, accounts and the admin."""
    prefixes = ["/", *(f"/{code}/" for code, _name in settings.LANGUAGES)]
    private = ["/admin/", *(f"{p}{path}" for p in prefixes for path in ("members/", "accounts/"))]
    lines = ["User-agent: *", *(f"Disallow: {path}" for path in private)]
    lines += ["", f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


def _database_answers() -> bool:
    try:
        with connections["default"].cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return False
    return True


def _cache_answers() -> bool:
    # Only a shared cache server can be down; local memory and a folder always answer.
    ping = getattr(caches["default"], "ping", None)
    return ping() if ping else True


def _storage_answers() -> bool:
    """The private files' store answers a lookup (a local folder always does)."""
    try:
        storages["private"].exists("healthz")
    except (OSError, BotoCoreError, ClientError):
        return False
    return True


@never_cache
def healthz(request):
    """Liveness of the host and of each server it needs, by name; 503 when one is down (the
    load balancer's health check). Answered by `core.middleware.HealthCheckMiddleware` before
    the host is checked: the load balancer probes each application host by its address."""
    parts = {
        "database": _database_answers(),
        "cache": _cache_answers(),
        "storage": _storage_answers(),
    }
    body = {name: "ok" if up else "unavailable" for name, up in parts.items()}
    healthy = all(parts.values())
    return JsonResponse(
        {"status": "ok" if healthy else "error", **body}, status=200 if healthy else 503
    )


def floor(request):
    """The benchmark's reference: Django's own cost for a request (see bench/run.py)."""
    return HttpResponse("floor")


@never_cache
def bench_base_page(request):
    """Benchmark-only: `base.html` with nothing in it, what every page pays before its content
    (the session, the user, the context processors, the header and its cached navigation)."""
    return render(request, "base.html")


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
