"""Middleware of the portal's own."""

from django.conf import settings
from django.shortcuts import render

from core.views import healthz

HEALTH_CHECK_PATH = "/healthz"


class HealthCheckMiddleware:
    """Answers the load balancer's health check before anything else runs, above all before
    Django checks the Host header against ALLOWED_HOSTS: the balancer probes each application
    host by its IP address (`http://10.0.0.7:8000/healthz`), which is not a name the portal
    serves and must not become one. Listed first in MIDDLEWARE. The answer holds no link and no
    content of the portal (only whether the database answers)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info == HEALTH_CHECK_PATH and request.method in ("GET", "HEAD"):
            return healthz(request)
        return self.get_response(request)


class RequestSizeLimitMiddleware:
    """Refuses a request whose body is larger than its sender may send (413), from the
    Content-Length header, before anything reads the body: Django's own limits count only the
    form fields, so a 60 MB upload was read in full and then refused by the field's validator.
    Office staff may send more (a document's two 30 MB language files in one save of the
    admin). Listed after AuthenticationMiddleware, which it asks who is sending; nothing before
    it reads the body. The proxy in front applies its own limit first (README)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            size = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            size = 0  # Django reads no body then
        if size > settings.REQUEST_BODY_MAX_BYTES:
            limit = body_limit(request)
            if size > limit:
                return render(
                    request,
                    "errors/413.html",
                    {"size": size, "limit": limit},
                    status=413,
                )
        return self.get_response(request)


def body_limit(request) -> int:
    """The largest request body this sender may send."""
    if request.user.is_active and request.user.is_staff:
        return settings.STAFF_REQUEST_BODY_MAX_BYTES
    return settings.REQUEST_BODY_MAX_BYTES
