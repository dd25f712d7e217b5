"""WSGI entry point, served by gunicorn in production."""

import gc
import os

from django.conf import settings
from django.core.handlers.exception import convert_exception_to_response
from django.core.handlers.wsgi import WSGIHandler
from django.core.wsgi import get_wsgi_application

from core.release import release

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "rocb.settings.base")

application = get_wsgi_application()


class BareHandler(WSGIHandler):
    """Django with no middleware at all: the benchmark's second floor, what a request costs in
    Django itself (URL resolving, the view, the response)."""

    def load_middleware(self, is_async=False):
        self._view_middleware = []
        self._template_response_middleware = []
        self._exception_middleware = []
        self._middleware_chain = convert_exception_to_response(self._get_response)


def with_bare_floor(portal):
    """The portal, with `/bench/bare` answered by `BareHandler` (bench/run.py)."""
    bare = BareHandler()

    def dispatch(environ, start_response):
        if environ.get("PATH_INFO") == "/bench/bare":
            return bare(environ, start_response)
        return portal(environ, start_response)

    return dispatch


if settings.BENCHMARK_FLOOR:
    application = with_bare_floor(application)

# The release's digest (part of the cache's keys) read once now, not by the first request.
release()

# The objects made while loading the project live as long as the process: moved out of the
# garbage collector's sight, they are not scanned again by every full collection (shorter pauses
# under load, the slowest requests faster).
gc.freeze()
