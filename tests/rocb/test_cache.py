import pytest
from django.http import HttpResponse
from django.test import RequestFactory
from django.utils import translation

from contacts.models import Administration
from rocb.cache import cache_public_page, current_generation

pytestmark = pytest.mark.django_db

calls = []


@cache_public_page
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
