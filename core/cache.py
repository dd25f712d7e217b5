"""Caching of public pages for anonymous visitors, and of page fragments that are the same for
every member, each refreshed when a table it reads is written to (`core.generations`).

A cached public page declares the models it reads (`cache_public_page(view, reads=…)`; a page
that names none is taken to read every table of `settings.PUBLIC_CONTENT_APPS`). It is stored
with the generations its tables had before it was rendered, and served while they are still the
same: a save of a news item refreshes the pages that show news, in both languages, and a
member's self-assessment leaves every public page warm. A visitor who carries a session cookie
(a logged-in user) or pending messages always gets a freshly rendered page, so nothing personal
is ever cached, and a hit needs no database query at all.

`PublicPageMiddleware`, early in `MIDDLEWARE`, answers a page found in the cache before the
session, authentication and locale middleware run (the language is the URL's prefix); a page
not found goes on to the view, and the middleware stores it once the other middleware has added
its headers. Security and CSP headers are added by the middleware in front of it, as for any
response.

Fragments (`{% cachedfragment %}` in `core.templatetags.fragments`) are keyed by the generations
of the tables they declare.

With `settings.CACHE_CHECK_READS` (the tests), a page or fragment that reads a table it does not
declare raises `ImproperlyConfigured`: the declarations cannot fall behind the code.
"""

import gzip
import hashlib
import re
import sys
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterable
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cached_property, partial, wraps

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured
from django.db import connection
from django.db.models import Model
from django.http import HttpResponse, QueryDict
from django.utils import timezone, translation
from django.utils.cache import patch_vary_headers
from django.utils.csp import CSP, build_policy

from core.generations import (
    ANY_TABLE,
    generations,
    labels,
    public_content_tables,
    read_tables,
    tables_of,
    unwatched_tables,
)
from core.release import release


def fragment_key(name: str, *, generations: Iterable[int], vary_on: Iterable) -> str:
    """The cache key of a fragment: its name, the page language, the release (`core.release`),
    today's date (fragments may show dates relative to today), the generations of the tables
    whose data it shows, and the values it varies on (ids and strings: compared as text)."""
    parts = repr(
        [
            release(),
            timezone.localdate().isoformat(),
            *generations,
            *(str(value) for value in vary_on),
        ]
    )
    digest = hashlib.sha256(parts.encode()).hexdigest()[:32]
    return f"fragment:{name}:{translation.get_language()}:{digest}"


@contextmanager
def reads_checked(tables: Iterable[str], what: str):
    """With `settings.CACHE_CHECK_READS`: fail when the code in the block reads a table that is
    not among `tables`, the ones declared for what is cached."""
    if not settings.CACHE_CHECK_READS:
        yield
        return
    seen: set[str] = set()

    def record(execute, sql, params, many, context):
        seen.update(read_tables(sql))
        return execute(sql, params, many, context)

    with connection.execute_wrapper(record):
        yield
    undeclared = seen - set(tables)
    if undeclared:
        raise ImproperlyConfigured(
            f"{what} reads {', '.join(sorted(undeclared))}, which it does not declare: a write "
            "there would not refresh it."
        )
    unwatched = seen & unwatched_tables()
    if unwatched:
        raise ImproperlyConfigured(
            f"{what} reads {', '.join(sorted(unwatched))}, whose writes move no generation "
            "(settings.GENERATIONS_UNWATCHED_MODELS): it would not be refreshed."
        )


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
    return request.method in ("GET", "HEAD") and not (
        settings.SESSION_COOKIE_NAME in request.COOKIES
        or CookieStorage.cookie_name in request.COOKIES
    )


def _cacheable_response(request, response) -> bool:
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies  # e.g. a CSRF cookie: the page holds a per-visitor token
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")  # a token was rendered
        # A CSP nonce in the page would not match the next response's policy.
        and not getattr(request, "_csp_nonce", None)
        and "no-store" not in response.get("Cache-Control", "")
        and "private" not in response.get("Cache-Control", "")
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
        patch_vary_headers(response, ["Accept-Encoding"])
        # The length is set for each response: it differs between the compressed and plain body.
        # Plain strings: a header named by an enum (the CSP middleware's) is refused by wsgiref.
        headers = tuple(
            (str(k), str(v)) for k, v in response.items() if k.lower() != "content-length"
        )
        if len(content) >= _MIN_COMPRESSED_BYTES and _COMPRESSIBLE.match(
            response.get("Content-Type", "")
        ):
            # mtime=0: the same page compresses to the same bytes.
            return cls(response.status_code, headers, gzip.compress(content, mtime=0), True)
        return cls(response.status_code, headers, content)

    @cached_property
    def _header_store(self) -> dict[str, tuple[str, str]]:
        # Headers as a response keeps them (by lower-case name), checked when first stored.
        return {name.lower(): (name, value) for name, value in self.headers}

    def response(self, request) -> HttpResponse:
        """A new response for each request (the middleware adds its headers to it), compressed
        for a client that accepts gzip."""
        content = self.content
        gzipped = self.gzipped and _ACCEPTS_GZIP.search(
            request.META.get("HTTP_ACCEPT_ENCODING", "")
        )
        if self.gzipped and not gzipped:
            content = gzip.decompress(content)
        response = HttpResponse(content, status=self.status)
        # The stored headers were validated when the page was first sent: copied as they are.
        response.headers._store = dict(self._header_store)
        if gzipped:
            response.headers["Content-Encoding"] = "gzip"
        response.headers["Content-Length"] = str(len(content))
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


recent_pages = RecentValues(max_bytes=16 * 2**20, size=lambda seen: len(seen[0].page.content))
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


@dataclass(frozen=True)
class PageEntry:
    """A cached page, with the tables it read and their generations when it was rendered."""

    page: CachedPage
    tables: tuple[str, ...]
    generations: tuple[int, ...]


def _page_key(request, language: str) -> str:
    where = f"{release()} {language} {request.get_host()}{request.get_full_path()}"
    return f"public-page:{hashlib.sha256(where.encode()).hexdigest()[:32]}"


def cached_page(key: str) -> CachedPage | None:
    """The page stored under `key` if no table it read has been written to since.

    This process remembers the pages it served last with the generation of "any table" it saw
    then: while that is unchanged (one cache read), so is every table. Otherwise the page's own
    tables are compared (a second read), from this process's memory or the shared cache."""
    seen = generations([ANY_TABLE])[0]
    remembered = recent_pages.get(key)
    if remembered is not None:
        entry, then = remembered
        if then == seen:
            return entry.page
    else:
        entry = cache.get(key)
        if entry is None:
            return None
    if tuple(generations(entry.tables)) != entry.generations:
        return None
    recent_pages.put(key, (entry, seen), settings.PUBLIC_PAGE_CACHE_SECONDS)
    return entry.page


@dataclass(frozen=True)
class _Snapshot:
    """The generations a page's tables had before it was rendered, to store it under."""

    key: str
    tables: tuple[str, ...]
    generations: tuple[int, ...]
    any_table: int

    @classmethod
    def take(cls, key: str, tables: tuple[str, ...]) -> "_Snapshot":
        # "Any table" first: a write after it is read is seen in the tables' generations.
        seen, *current = generations([ANY_TABLE, *tables])
        return cls(key, tables, tuple(current), seen)

    def store(self, response) -> None:
        entry = PageEntry(CachedPage.of(response), self.tables, self.generations)
        timeout = settings.PUBLIC_PAGE_CACHE_SECONDS
        cache.set(self.key, entry, timeout)
        recent_pages.put(self.key, (entry, self.any_table), timeout)
        patch_vary_headers(response, ["Accept-Encoding"])


# Set on a request by PublicPageMiddleware: the key it looked for (and will store the page under).
_LOOKED_UP = "public_page_key"


def cache_public_page(
    view=None,
    *,
    reads: str | Iterable[str | type[Model]] | None = None,
    params: Iterable[str] = (),
):
    """Decorator for public views whose page is the same for every anonymous visitor. `reads`
    names the models the page shows (labels or classes, or app labels for all their models);
    without it, every table of `settings.PUBLIC_CONTENT_APPS`. `params` names the query
    parameters the page reads (its filters, `page`, `q`): any other is dropped before the view
    runs, so that a query string made up of junk is not a new page to render and keep (50
    requests to `/en/?junk=N` made 50 cache entries)."""
    if view is None:
        return partial(cache_public_page, reads=reads, params=params)
    declared = None if reads is None else labels(reads)
    params = tuple(params)

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not _cacheable_request(request):
            return view(request, *args, **kwargs)
        _keep_only(request, params)
        tables = public_content_tables() if declared is None else tables_of(declared)
        key = _page_key(request, translation.get_language())
        looked_up = getattr(request, _LOOKED_UP, None) == key
        if not looked_up:
            page = cached_page(key)
            if page is not None:
                return page.response(request)
        snapshot = _Snapshot.take(key, tables)
        with reads_checked(tables, f"The page {request.path}"):
            response = view(request, *args, **kwargs)
            if settings.CACHE_CHECK_READS and hasattr(response, "render"):
                response.render()
        if looked_up:
            response.public_page_snapshot = snapshot  # stored by the middleware, headers and all
            return response

        def store(rendered):
            if _cacheable_response(request, rendered):
                snapshot.store(rendered)

        if hasattr(response, "render") and not response.is_rendered:
            response.add_post_render_callback(store)
        else:
            store(response)
        return response

    wrapped.cache_reads = declared
    wrapped.page_params = params
    return wrapped


class PublicPageMiddleware:
    """Answers a cached public page before the session, authentication and locale middleware
    (placed after the security, CSP and static-file middleware, before the session's).

    Only for pages under a language prefix (the page's language is the prefix, as the locale
    middleware would decide) requested without a session or messages cookie. A page not found
    goes on through the middleware to its view; if the view is a `cache_public_page`, the page
    is stored here once every inner middleware has added its headers (X-Frame-Options,
    Content-Language, Vary), so a later hit answers with the same headers."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _cacheable_request(request):
            return self.get_response(request)
        language = translation.get_language_from_path(request.path_info)
        if not language:
            return self.get_response(request)
        key = _page_key(request, language)
        page = cached_page(key)
        if page is not None:
            response = page.response(request)
            # The policy the CSP middleware in front would build, without its nonce (a cached
            # page has none): built here, it skips the middleware's per-request nonce handling.
            for header, config in [
                (CSP.HEADER_ENFORCE, settings.SECURE_CSP),
                (CSP.HEADER_REPORT_ONLY, settings.SECURE_CSP_REPORT_ONLY),
            ]:
                if config:
                    response.headers[str(header)] = build_policy(config)
            return response
        setattr(request, _LOOKED_UP, key)
        response = self.get_response(request)
        snapshot = getattr(response, "public_page_snapshot", None)
        if snapshot is not None and snapshot.key == key and _cacheable_response(request, response):
            snapshot.store(response)
        return response
