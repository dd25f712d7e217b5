"""Per-language caching of public pages for anonymous visitors, and of page fragments that are
the same for every member, both refreshed whenever their data changes.

Every cached page is stored under the current *generation*; any save or delete of a model in
`settings.PUBLIC_CONTENT_APPS` moves the generation on (see `RocbConfig.ready`), so all pages
are rebuilt from fresh data on their next request. A visitor who carries a session cookie (a
logged-in user) always gets a freshly rendered page, so nothing personal is ever cached, and a
hit needs no database query at all.

Fragments (`{% cachedfragment %}` in `core.templatetags.fragments`) work the same way with a
generation per app: any save or delete of a model of an app moves that app's generation on.

A generation starts from the clock, not from 1: if its key is lost (evicted from a full cache),
the new generation cannot meet pages or fragments stored under an old one.
"""

import gzip
import hashlib
import re
import sys
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse, QueryDict
from django.utils import timezone
from django.utils.cache import patch_vary_headers
from django.utils.translation import get_language

GENERATION_KEY = "public-pages:generation"


def _app_generation_key(app_label: str) -> str:
    return f"content:{app_label}:generation"


def _new_generation() -> int:
    return time.time_ns()


def current_generation() -> int:
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        cache.add(GENERATION_KEY, _new_generation(), timeout=None)
        generation = cache.get(GENERATION_KEY, 0)
    return generation


def _move_on(key: str) -> None:
    try:
        cache.incr(key)
    except ValueError:  # not in the cache yet (or evicted): any new value is a new generation
        cache.set(key, _new_generation(), timeout=None)


def invalidate_public_pages(**_signal_kwargs) -> None:
    """Make every cached public page stale (connected to model saves and deletes)."""
    _move_on(GENERATION_KEY)


def invalidate_fragments(app_label: str) -> None:
    """Make every cached fragment that shows data of the app stale."""
    _move_on(_app_generation_key(app_label))


def app_generations(app_labels: Iterable[str]) -> list[int]:
    """The current generation of each app (in one cache round trip when all are known)."""
    keys = [_app_generation_key(label) for label in app_labels]
    found = cache.get_many(keys)
    for key in keys:
        if key not in found:
            cache.add(key, _new_generation(), timeout=None)
            found[key] = cache.get(key, 0)
    return [found[key] for key in keys]


def fragment_key(name: str, *, generations: Iterable[int], vary_on: Iterable) -> str:
    """The cache key of a fragment: its name, the page language, today's date (fragments may
    show dates relative to today), the generations of the apps whose data it shows
    (`app_generations()`), and the values it varies on (ids and strings: compared as text)."""
    parts = repr(
        [timezone.localdate().isoformat(), *generations, *(str(value) for value in vary_on)]
    )
    digest = hashlib.sha256(parts.encode()).hexdigest()[:32]
    return f"fragment:{name}:{get_language()}:{digest}"


def _page_key(request) -> str:
    digest = hashlib.sha256(f"{request.get_host()}{request.get_full_path()}".encode()).hexdigest()[
        :32
    ]
    return f"public-page:{current_generation()}:{get_language()}:{digest}"


def _keep_only(request, params: tuple[str, ...]) -> None:
    """Drop the query parameters the page does not use, before the view (and the cache key)
    sees them: `/en/?junk=1` is the page `/en/`, cached once, and no link on it carries `junk`.
    The ones kept are put in the page's own order, so their order in a link does not matter."""
    kept = QueryDict(mutable=True)
    for name in params:
        if name in request.GET:
            kept.setlist(name, request.GET.getlist(name))
    query = kept.urlencode()
    if query != request.META.get("QUERY_STRING", ""):
        kept._mutable = False
        request.GET = kept
        request.META["QUERY_STRING"] = query


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


# Text worth compressing (pages, feeds, sitemaps, CSV), not files that are compressed already.
_COMPRESSIBLE = re.compile(r"^(text/|application/(.*\+)?(xml|json|rss))")
_ACCEPTS_GZIP = re.compile(r"\bgzip\b")
_MIN_COMPRESSED_BYTES = 1024


@dataclass(frozen=True)
class CachedPage:
    """What a cached page keeps of the view's response: status, headers and body. A text body
    is kept gzip-compressed, as it is sent to browsers (they all accept gzip): compressed once
    when cached, not on every request, and a large page travels a slow link in a fraction of
    the time. A cached page holds nothing secret (no CSRF token, no cookie), so compressing it
    gives BREACH-style attacks nothing to guess."""

    status: int
    headers: tuple[tuple[str, str], ...]
    content: bytes
    gzipped: bool = False

    @classmethod
    def of(cls, response) -> "CachedPage":
        content = response.content
        headers = tuple(response.items())
        if len(content) >= _MIN_COMPRESSED_BYTES and _COMPRESSIBLE.match(
            response.get("Content-Type", "")
        ):
            # mtime=0: the same page compresses to the same bytes.
            return cls(response.status_code, headers, gzip.compress(content, mtime=0), True)
        return cls(response.status_code, headers, content)

    def response(self, request) -> HttpResponse:
        """A new response for each request (the middleware adds its headers to it), compressed
        for a client that accepts gzip."""
        headers = dict(self.headers)
        content = self.content
        if self.gzipped:
            if _ACCEPTS_GZIP.search(request.headers.get("Accept-Encoding", "")):
                headers["Content-Encoding"] = "gzip"
            else:
                content = gzip.decompress(content)
        response = HttpResponse(content, status=self.status, headers=headers)
        patch_vary_headers(response, ["Accept-Encoding"])
        return response


class RecentValues:
    """The values this process used last, up to `max_bytes` (as `size` counts them), in front of
    the shared cache: a hit here skips reading and decoding the value. Keys carry generations
    read from the shared cache on every request, so an edit made through any process is seen at
    once."""

    def __init__(self, max_bytes: int, size: Callable[[object], int]):
        self.max_bytes = max_bytes
        self._size = size
        self._values: OrderedDict[str, tuple[float, object, int]] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()

    def get(self, key: str):
        with self._lock:
            entry = self._values.get(key)
            if entry is None:
                return None
            expires, value, _size = entry
            if expires < time.monotonic():
                self._remove(key)
                return None
            self._values.move_to_end(key)
            return value

    def put(self, key: str, value, timeout: float) -> None:
        size = self._size(value)
        if size > self.max_bytes:
            return
        with self._lock:
            if key in self._values:
                self._remove(key)
            self._values[key] = (time.monotonic() + timeout, value, size)
            self._bytes += size
            while self._bytes > self.max_bytes:
                self._remove(next(iter(self._values)))

    def clear(self) -> None:
        with self._lock:
            self._values.clear()
            self._bytes = 0

    def _remove(self, key: str) -> None:
        _expires, _value, size = self._values.pop(key)
        self._bytes -= size


recent_pages = RecentValues(max_bytes=16 * 2**20, size=lambda page: len(page.content))
recent_fragments = RecentValues(max_bytes=8 * 2**20, size=sys.getsizeof)


def fragments_get_many(keys: list[str]) -> dict[str, str]:
    """The cached fragments of these keys that exist, from this process's memory or else from
    the shared cache (one round trip)."""
    found = {}
    for key in keys:
        html = recent_fragments.get(key)
        if html is not None:
            found[key] = html
    missing = [key for key in keys if key not in found]
    if missing:
        shared = cache.get_many(missing)
        for key, html in shared.items():
            recent_fragments.put(key, html, settings.PUBLIC_PAGE_CACHE_SECONDS)
        found.update(shared)
    return found


def fragments_set_many(fragments: dict[str, str]) -> None:
    timeout = settings.PUBLIC_PAGE_CACHE_SECONDS
    cache.set_many(fragments, timeout)
    for key, html in fragments.items():
        recent_fragments.put(key, html, timeout)


def cache_public_page(view=None, *, params: Iterable[str] = ()):
    """Decorator for public views whose page is the same for every anonymous visitor:
    `@cache_public_page`, or `cache_public_page(view, params=[...])` naming the query parameters
    the page reads (its filters, `page`, `q`). Any other parameter is dropped before the view
    runs, for anonymous visitors, so that a query string made up of junk is not a new page to
    render and keep (50 requests to `/en/?junk=N` made 50 cache entries)."""
    if view is None:
        return lambda view: cache_public_page(view, params=params)
    timeout = settings.PUBLIC_PAGE_CACHE_SECONDS
    params = tuple(params)

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not _cacheable_request(request):
            return view(request, *args, **kwargs)
        _keep_only(request, params)
        key = _page_key(request)
        page = recent_pages.get(key)
        if page is None:
            page = cache.get(key)
            if page is not None:
                recent_pages.put(key, page, timeout)
        if page is not None:
            return page.response(request)
        response = view(request, *args, **kwargs)

        def store(rendered):
            if _cacheable_response(rendered):
                page = CachedPage.of(rendered)
                cache.set(key, page, timeout)
                recent_pages.put(key, page, timeout)
                patch_vary_headers(rendered, ["Accept-Encoding"])

        if hasattr(response, "render") and not response.is_rendered:
            response.add_post_render_callback(store)
        else:
            store(response)
        return response

    wrapped.page_params = params
    return wrapped
