"""The links to a page in each language (the switcher, the hreflang tags) are built from the
match Django made of the request; they are the links `translate_url` makes of the address."""

import contextlib

import pytest
from django.test import RequestFactory
from django.urls import Resolver404, resolve, translate_url
from django.utils import translation

from core.context_processors import on_site_path, site

PATHS = [
    "/en/",
    "/ru/",
    "/en/members/needs/",
    "/ru/members/needs/12/",
    "/ru/members/countries/az/",
    "/en/workplan/activities/1.1/",
    "/en/events/annual-meeting/register/",
    "/en/members/experts/?q=%D0%98%D0%B2%D0%B0%D0%BD&page=2",
    "/ru/accounts/login/?next=/ru/members/",
    "/en/news/%D1%82%D0%B5%D1%81%D1%82/",
    "/en/no-such-page/",
    "/workplan/iati.xml",
    "/admin/",
]


def _request(address: str):
    """A request for `address` as Django's handler sees it: language active, URL matched."""
    path, _, query = address.partition("?")
    request = RequestFactory().get(path, QUERY_STRING=query)
    translation.activate(translation.get_language_from_path(request.path_info) or "en")
    # Unmatched, an error page: its links are made from the address alone.
    with contextlib.suppress(Resolver404):
        request.resolver_match = resolve(request.path_info)
    return request


@pytest.mark.parametrize("address", PATHS)
def test_the_language_links_are_those_translate_url_makes(address):
    request = _request(address)
    expected = [translate_url(on_site_path(request), code) for code in ("en", "ru")]
    assert [version["url"] for version in site(request)["language_versions"]] == expected


def test_a_members_page_links_its_other_language_with_its_arguments(member_client, azerbaijan):
    html = member_client.get("/ru/members/countries/az/?tab=1").content.decode()
    assert 'href="/en/members/countries/az/?tab=1" lang="en" hreflang="en"' in html
    assert 'hreflang="en" href="http' in html
