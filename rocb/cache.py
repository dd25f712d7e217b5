"""Per-language caching of public pages for anonymous visitors, refreshed whenever staff edit.

Every cached page is stored under the current *generation*; any save or delete of a model in
`settings.PUBLIC_CONTENT_APPS` moves the generation on (see `RocbConfig.ready`), so all pages
are rebuilt from fresh data on their next request. A visitor who carries a session cookie (a
logged-in user) always gets a freshly rendered page, so nothing personal is ever cached, and a
hit needs no database query at all.
"""

import hashlib
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.utils.translation import get_language

GENERATION_KEY = "public-pages:generation"


def current_generation() -> int:
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        cache.add(GENERATION_KEY, 1, timeout=None)
        generation = cache.get(GENERATION_KEY, 1)
    return generation


def invalidate_public_pages(**_signal_kwargs) -> None:
    """Make every cached public page stale (connected to model saves and deletes)."""
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # not in the cache yet (or evicted): any new value is a new generation
        cache.set(GENERATION_KEY, 1, timeout=None)


def _page_key(request) -> str:
    digest = hashlib.sha256(f"{request.get_host()}{request.get_full_path()}".encode()).hexdigest()[
        :32
    ]
    return f"public-page:{current_generation()}:{get_language()}:{digest}"


def _cacheable_request(request) -> bool:
    return request.method in ("GET", "HEAD") and (
        settings.SESSION_COOKIE_NAME not in request.COOKIES
    )


def _cacheable_response(response) -> bool:
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies  # e.g. a CSRF cookie: the page holds a per-visitor token
        and "no-store" not in response.get("Cache-Control", "")
    )


def cache_public_page(view):
    """Decorator for public views whose page is the same for every anonymous visitor."""
    timeout = settings.PUBLIC_PAGE_CACHE_SECONDS

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not _cacheable_request(request):
            return view(request, *args, **kwargs)
        key = _page_key(request)
        response = cache.get(key)
        if response is not None:
            return response
        response = view(request, *args, **kwargs)

        def store(rendered):
            if _cacheable_response(rendered):
                cache.set(key, rendered, timeout)

        if hasattr(response, "render") and not response.is_rendered:
            response.add_post_render_callback(store)
        else:
            store(response)
        return response

    return wrapped
