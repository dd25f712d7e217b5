import gzip
import time

import pytest
from django.core.cache import cache
from django.http import HttpResponse
from django.test import RequestFactory
from django.urls import reverse
from django.utils import translation

from administrations.models import Administration
from core.cache import (
    GENERATION_KEY,
    CachedPage,
    RecentValues,
    app_generations,
    cache_public_page,
    current_generation,
)
from tests.library.factories import make_document
from tests.test_access_matrix import PUBLIC, World, fetch

pytestmark = pytest.mark.django_db

calls = []


@cache_public_page(params=["csrf", "q"])
def counting_view(request):
    calls.append(request.path)
    response = HttpResponse(f"page {len(calls)}")
    if "csrf" in request.GET:
        response.set_cookie("csrftoken", "x")
    return response


@pytest.fixture(autouse=True)
def _fresh():
    calls.clear()


def get(path, **cookies):
    request = RequestFactory().get(path)
    request.COOKIES.update(cookies)
    return counting_view(request)


def test_anonymous_visitors_share_one_rendering_per_language():
    with translation.override("en"):
        assert get("/en/x/").content == b"page 1"
        assert get("/en/x/").content == b"page 1"
    with translation.override("ru"):
        assert get("/ru/x/").content == b"page 2"
    assert len(calls) == 2


def test_a_visitor_with_a_session_gets_a_fresh_page(settings):
    get("/en/x/")
    assert get("/en/x/", **{settings.SESSION_COOKIE_NAME: "abc"}).content == b"page 2"


def test_pages_that_set_cookies_are_not_cached():
    get("/en/x/?csrf=1")
    get("/en/x/?csrf=1")
    assert len(calls) == 2


def test_an_edit_of_public_content_refreshes_every_page(django_assert_num_queries):
    get("/en/x/")
    before = current_generation()
    georgia = Administration.objects.get(code="GE")
    georgia.website = "https://www.customs.ge/"
    georgia.save()
    assert current_generation() == before + 1
    assert get("/en/x/").content == b"page 2"
    with django_assert_num_queries(0):
        assert get("/en/x/").content == b"page 2"


def test_a_page_served_from_memory_is_a_new_response_each_time():
    get("/en/x/")
    first = get("/en/x/")
    first["X-Added-By-Middleware"] = "yes"
    first.set_cookie("sessionid", "personal")
    second = get("/en/x/")
    assert second.content == b"page 1"
    assert "X-Added-By-Middleware" not in second
    assert not second.cookies
    assert len(calls) == 1


def test_a_lost_generation_never_brings_back_older_pages():
    get("/en/x/")
    generation = current_generation()
    cache.delete(GENERATION_KEY)  # evicted from a full cache
    assert current_generation() != generation
    assert get("/en/x/").content == b"page 2"


def test_recent_pages_keep_within_their_size_and_expire(monkeypatch):
    pages = RecentValues(max_bytes=10, size=lambda page: len(page.content))
    pages.put("a", CachedPage(200, (), b"12345"), timeout=60)
    pages.put("b", CachedPage(200, (), b"12345"), timeout=60)
    assert pages.get("a") is not None  # now the most recently used
    pages.put("c", CachedPage(200, (), b"123"), timeout=60)
    assert pages.get("b") is None
    assert pages.get("a") is not None and pages.get("c") is not None
    pages.put("too big", CachedPage(200, (), b"12345678901"), timeout=60)
    assert pages.get("too big") is None
    now = time.monotonic()
    monkeypatch.setattr(time, "monotonic", lambda: now + 61)
    assert pages.get("a") is None


def test_an_edit_moves_on_the_generation_of_its_app_only():
    before = app_generations(["administrations", "experts"])
    georgia = Administration.objects.get(code="GE")
    georgia.save()
    administrations, experts = app_generations(["administrations", "experts"])
    assert administrations != before[0]
    assert experts == before[1]


def test_an_edit_moves_the_generations_on_again_once_committed(
    django_capture_on_commit_callbacks,
):
    georgia = Administration.objects.get(code="GE")
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        georgia.save()
    pages, fragments = current_generation(), app_generations(["administrations"])
    for callback in callbacks:
        callback()
    # A page rendered between the save and the commit (from the data before it) is not kept.
    assert current_generation() != pages
    assert app_generations(["administrations"]) != fragments


@cache_public_page
def long_page(request):
    calls.append(request.path)
    return HttpResponse("Работа бюро. " * 200, content_type="text/html; charset=utf-8")


def test_a_cached_text_page_goes_compressed_to_clients_that_accept_gzip():
    request = RequestFactory().get("/ru/long/")
    first = long_page(request)
    plain = first.content
    assert "Accept-Encoding" in first["Vary"]
    compressed = long_page(RequestFactory().get("/ru/long/", headers={"Accept-Encoding": "gzip"}))
    assert compressed["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in compressed["Vary"]
    assert len(compressed.content) < len(plain) / 10
    assert gzip.decompress(compressed.content) == plain
    again = long_page(RequestFactory().get("/ru/long/"))
    assert again.content == plain and not again.has_header("Content-Encoding")
    assert len(calls) == 1


def test_short_pages_and_files_are_kept_as_they_are():
    assert not CachedPage.of(HttpResponse("short")).gzipped
    spreadsheet = HttpResponse(
        b"PK" * 2000,
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    assert not CachedPage.of(spreadsheet).gzipped
    assert CachedPage.of(HttpResponse("<rss/>" * 300, content_type="application/rss+xml")).gzipped


# Only the query parameters a page uses make a new page ------------------------------------------


def cached_pages() -> list[str]:
    return [key for key in cache._cache if ":public-page:" in key]


def test_a_query_string_of_junk_is_not_a_new_page(client):
    for n in range(50):
        assert client.get("/en/", {"junk": n}).status_code == 200
    assert len(cached_pages()) == 1


def test_the_parameters_a_page_uses_still_make_their_own_page(client):
    make_document(title_en="Customs valuation guide", visibility="public")
    make_document(title_en="Risk management handbook", visibility="public")
    valuation = client.get("/en/documents/", {"q": "valuation", "utm_source": "mail"})
    risk = client.get("/en/documents/", {"q": "risk", "junk": "1"})
    assert "Customs valuation guide" in valuation.content.decode()
    assert "Customs valuation guide" not in risk.content.decode()
    assert client.get("/en/documents/", {"junk": "2", "q": "risk"}).content == risk.content
    assert len(cached_pages()) == 2


def test_dropped_parameters_appear_in_no_link_of_the_page(client):
    html = client.get("/en/documents/", {"q": "a", "junk": "<x>"}).content.decode()
    assert "junk" not in html


@pytest.fixture
def world(request):
    return World(request)


@pytest.mark.parametrize(
    "name",
    [name for name, (_args, status) in PUBLIC.items() if status == 200],
)
def test_no_public_page_makes_a_cache_entry_per_junk_parameter(client, world, name):
    args, _status = PUBLIC[name]
    path = reverse(name, args=args(world))
    for n in range(5):
        fetch(client, "get", f"{path}?junk={n}")
    assert len(cached_pages()) <= 1, name
