"""Middleware of the portal's own."""

from rocb.views import healthz

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
