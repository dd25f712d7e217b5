import gzip
import time

import pytest
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.test import RequestFactory
from django.urls import reverse
from django.utils import translation

from administrations.models import AccessLogEntry, Administration
from administrations.services import record_access
from core.cache import CachedPage, RecentValues, cache_public_page, recent_pages
from core.generations import ANY_TABLE, generations, remembered, tables_of, written_tables
from experts.models import Expert
from tests.cache_contents import cache_contents
from tests.experts.factories import make_expert
from tests.library.factories import make_document
from tests.outreach.factories import make_news
from tests.test_access_matrix import PUBLIC, World, fetch

pytestmark = pytest.mark.django_db

calls = []


@cache_public_page(reads="administrations.Administration", params=["csrf", "q"])
def counting_view(request):
    calls.append(request.path)
    list(Administration.objects.filter(code="GE"))
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


def test_a_visitor_with_messages_waiting_gets_a_fresh_page():
    get("/en/x/")
    assert get("/en/x/", messages="pending").content == b"page 2"


def test_pages_that_set_cookies_are_not_cached():
    get("/en/x/?csrf=1")
    get("/en/x/?csrf=1")
    assert len(calls) == 2


def administrations_generation():
    return generations(tables_of("administrations.Administration"))[0]


def test_a_write_to_a_table_the_page_reads_refreshes_it(django_assert_num_queries):
    get("/en/x/")
    before = administrations_generation()
    georgia = Administration.objects.get(code="GE")
    georgia.website = "https://www.customs.ge/"
    georgia.save()
    assert administrations_generation() == before + 1
    assert get("/en/x/").content == b"page 2"
    with django_assert_num_queries(0):
        assert get("/en/x/").content == b"page 2"


def test_a_write_to_a_table_the_page_does_not_read_leaves_it_warm(azerbaijan):
    get("/en/x/")
    Expert.objects.update(phone="")
    make_expert(administration=azerbaijan)
    assert get("/en/x/").content == b"page 1"


def test_a_page_that_reads_a_table_it_does_not_declare_fails():
    @cache_public_page(reads="experts.Expert")
    def undeclared(request):
        list(Administration.objects.all())
        return HttpResponse("x")

    with pytest.raises(ImproperlyConfigured, match="administrations_administration"):
        undeclared(RequestFactory().get("/en/undeclared/"))


def test_a_page_that_reads_an_unwatched_table_fails():
    @cache_public_page(reads="administrations.AccessLogEntry")
    def access_log(request):
        list(AccessLogEntry.objects.all())
        return HttpResponse("x")

    with pytest.raises(ImproperlyConfigured, match="move no generation"):
        access_log(RequestFactory().get("/en/access-log/"))


def test_a_read_of_an_expert_record_leaves_every_cached_page_warm(azerbaijan, member):
    """The access log is written on every expert page read: that write moves no generation,
    not even "any table", which every cached page looks at first."""
    get("/en/x/")
    before = generations([ANY_TABLE])
    record_access(
        user=member,
        kind=AccessLogEntry.Kind.EXPERT_RECORD,
        obj=make_expert(administration=azerbaijan),
    )
    assert AccessLogEntry.objects.exists()
    assert generations([ANY_TABLE]) != before  # the expert made above moved it on
    before = generations([ANY_TABLE])
    record_access(user=member, kind=AccessLogEntry.Kind.EXPERT_RECORD, obj=Expert.objects.get())
    assert generations([ANY_TABLE]) == before
    assert get("/en/x/").content == b"page 1"


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
    generation = administrations_generation()
    cache.delete("table:administrations_administration:generation")  # evicted from a full cache
    assert administrations_generation() != generation
    recent_pages.clear()  # as another process, which has not served the page, sees it
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


def test_a_write_moves_on_the_generation_of_its_table_only():
    tables = tables_of("administrations.Administration experts.Expert")
    before = dict(zip(tables, generations(tables), strict=True))
    Administration.objects.get(code="GE").save()
    after = dict(zip(tables, generations(tables), strict=True))
    assert after["administrations_administration"] != before["administrations_administration"]
    assert after["experts_expert"] == before["experts_expert"]


def test_a_declaration_names_a_model_with_its_many_to_many_tables_or_a_whole_app():
    assert tables_of("experts.Expert") == ("experts_expert", "experts_expert_areas")
    assert "experts_nomination" in tables_of("experts")
    assert tables_of("") == ()


@pytest.mark.parametrize(
    ("sql", "tables"),
    [
        ('INSERT INTO "outreach_newsitem" ("title") VALUES (%s)', ("outreach_newsitem",)),
        ('UPDATE "experts_expert" SET "phone" = %s', ("experts_expert",)),
        ('DELETE FROM "experts_expert_areas" WHERE 1', ("experts_expert_areas",)),
        ('TRUNCATE "a", "b" RESTART IDENTITY;', ("a", "b")),
        ('SELECT 1 FROM "experts_expert" FOR UPDATE', ()),
        ('  update "x" set a = 1', ("x",)),
    ],
)
def test_the_tables_a_statement_writes_to(sql, tables):
    assert written_tables(sql) == tables


def test_queryset_update_bulk_create_and_delete_move_the_generation_on(azerbaijan):
    expert = make_expert(administration=azerbaijan)
    tables = tables_of("experts.Expert")

    def moved(write) -> set[str]:
        before = generations(tables)
        write()
        return {t for t, a, b in zip(tables, before, generations(tables), strict=True) if a != b}

    assert moved(lambda: Expert.objects.update(phone="")) == {"experts_expert"}
    assert moved(lambda: expert.areas.clear()) == {"experts_expert_areas"}
    assert moved(
        lambda: Expert.objects.bulk_create(
            [
                Expert(
                    administration=azerbaijan,
                    email="bulk@customs.test",
                    family_name="Bulk",
                    consent_given_on=expert.consent_given_on,
                )
            ]
        )
    ) == {"experts_expert"}
    assert moved(lambda: Expert.objects.filter(email="bulk@customs.test").delete()) >= {
        "experts_expert"
    }


def test_a_write_moves_the_generation_on_again_once_committed(
    django_capture_on_commit_callbacks,
):
    georgia = Administration.objects.get(code="GE")
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        georgia.save()
        georgia.save()
    assert len(callbacks) == 1  # one per transaction, however many writes
    before = administrations_generation()
    for callback in callbacks:
        callback()
    # A page rendered between the save and the commit (from the data before it) is not kept.
    assert administrations_generation() != before


@cache_public_page(reads="")
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
    return [key for key in cache_contents() if ":public-page:" in key]


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


# Answered before the session, locale and user middleware ------------------------------------


def test_a_cached_page_is_answered_before_the_session_locale_and_user_middleware(
    client, monkeypatch, django_assert_num_queries
):
    from django.contrib.auth.middleware import AuthenticationMiddleware
    from django.contrib.sessions.middleware import SessionMiddleware
    from django.middleware.locale import LocaleMiddleware

    make_news(title_en="Early answer", title_ru="Ранний ответ")
    first = client.get("/ru/news/")

    def not_reached(self, request):
        raise AssertionError(f"{type(self).__name__} ran for a cached page")

    for middleware in (SessionMiddleware, LocaleMiddleware, AuthenticationMiddleware):
        monkeypatch.setattr(middleware, "process_request", not_reached)
    with django_assert_num_queries(0):
        hit = client.get("/ru/news/", headers={"Accept-Language": "en"})
    assert hit.content == first.content and "Ранний ответ" in hit.content.decode()
    # The same headers as the page rendered: security and CSP from the middleware in front,
    # those of the middleware behind as they were stored.
    for header in (
        "Content-Security-Policy",
        "X-Frame-Options",
        "X-Content-Type-Options",
        "Referrer-Policy",
        "Cross-Origin-Opener-Policy",
        "Content-Language",
        "Content-Type",
    ):
        assert hit[header] == first[header], header
    assert hit["Content-Language"] == "ru"
    assert {"Cookie", "Accept-Encoding"} <= {v.strip() for v in hit["Vary"].split(",")}
    assert int(hit["Content-Length"]) == len(hit.content)


def test_a_logged_in_member_never_gets_the_anonymous_page(client, member):
    anonymous = client.get("/en/news/").content.decode()
    client.force_login(member)
    own = client.get("/en/news/").content.decode()
    assert own != anonymous
    assert member.email in own or "Log out" in own


def test_the_language_of_a_cached_page_is_its_prefix(client):
    make_news(title_en="In English", title_ru="По-русски")
    assert "In English" in client.get("/en/news/").content.decode()
    ru = client.get("/ru/news/", headers={"Accept-Language": "en"}).content.decode()
    assert "По-русски" in ru
    assert "По-русски" in client.get("/ru/news/").content.decode()
    assert (
        "In English" in client.get("/en/news/", headers={"Accept-Language": "ru"}).content.decode()
    )


@cache_public_page(reads="")
def page_with_a_form(request):
    calls.append(request.path)
    return HttpResponse(f"<input name='csrfmiddlewaretoken' value='{get_token(request)}'>")


def test_a_page_that_holds_a_csrf_token_is_not_cached():
    page_with_a_form(RequestFactory().get("/en/form/"))
    page_with_a_form(RequestFactory().get("/en/form/"))
    assert len(calls) == 2


def test_a_page_that_used_the_csp_nonce_is_not_cached():
    from django.utils.csp import LazyNonce

    @cache_public_page(reads="")
    def page_with_a_script(request):
        calls.append(request.path)
        return HttpResponse(f"<script nonce='{request._csp_nonce}'></script>")

    for _ in range(2):
        request = RequestFactory().get("/en/script/")
        request._csp_nonce = LazyNonce()
        page_with_a_script(request)
    assert len(calls) == 2


def test_a_remembered_value_is_made_again_once_its_table_is_written(azerbaijan):
    made = []

    def names():
        made.append(1)
        return sorted(Administration.objects.values_list("name_en", flat=True))

    first = remembered("administrations.Administration", ("en",), names)
    assert remembered("administrations.Administration", ("en",), names) == first
    assert len(made) == 1  # kept: no second read
    remembered("administrations.Administration", ("ru",), names)
    assert len(made) == 2  # another key, another value
    Administration.objects.filter(pk=azerbaijan.pk).update(name_en="Azerbaijan Republic")
    assert "Azerbaijan Republic" in remembered("administrations.Administration", ("en",), names)
    assert len(made) == 3
    make_document(title_en="A guide", visibility="public")  # another table: still kept
    remembered("administrations.Administration", ("en",), names)
    assert len(made) == 3
