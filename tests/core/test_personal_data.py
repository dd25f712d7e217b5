"""Personal data stays where it belongs: expert and contact pages and files are never cached,
experts and contact points never reach the public search or the sitemap, and no email address
appears in a URL or a log line during the main flows."""

import gzip
import logging
import re

import pytest
from django.core import mail
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from contacts.models import ContactPoint
from core.cache import PageEntry, recent_fragments, recent_pages
from core.concurrency import FIELD, row_fingerprint
from core.sitesearch import public_search
from experts.models import Nomination
from experts.services import expert_index
from tests.cache_contents import cache_contents
from tests.contacts.builders import make_contact
from tests.experts.factories import make_expert, make_nomination, pdf_upload
from tests.factories import PASSWORD
from tests.outreach.factories import make_news

pytestmark = pytest.mark.django_db

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")


@pytest.fixture
def expert(azerbaijan):
    expert = make_expert(
        administration=azerbaijan,
        given_names_en="Zebulon",
        family_name_en="Quixotic",
        given_names_ru="Зебулон",
        family_name_ru="Квиксотик",
        position_en="Head of smuggling interdiction",
        position_ru="Начальник отдела пресечения контрабанды",
        email="zebulon.quixotic@customs.az",
        experience_en="Smuggling interdiction and risk profiling.",
    )
    expert.cv.save("cv.pdf", pdf_upload(), save=False)
    expert.save()
    expert_index(expert_ids=[expert.pk])  # found by the search, as after a nomination
    expert.refresh_from_db()  # with its search vector, which a save() would otherwise empty
    return expert


@pytest.fixture
def contact(azerbaijan):
    return make_contact(
        azerbaijan,
        name="Ophelia Quixotic",
        name_ru="Офелия Квиксотик",
        title_en="Smuggling interdiction coordinator",
        email="ophelia.quixotic@customs.az",
    )


# Never cached ---------------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["en", "ru"])
def test_expert_and_contact_pages_and_files_are_never_stored(
    member_client, expert, contact, language
):
    for path in [
        "members/experts/",
        f"members/experts/{expert.pk}/",
        f"members/experts/{expert.pk}/cv/",
        "members/contacts/",
        "members/contacts/az/",
        "members/contacts/export.csv",
        "members/contacts/export.xlsx",
        "members/contacts/export.vcf",
    ]:
        response = member_client.get(f"/{language}/{path}")
        assert response.status_code == 200, path
        assert "no-store" in response["Cache-Control"], path
        assert "private" in response["Cache-Control"], path
        if response.streaming:
            b"".join(response.streaming_content)


def as_text(value) -> str:
    """A cached value as text; a cached page's body (kept gzip-compressed) decompressed."""
    if isinstance(value, tuple) and value and isinstance(value[0], PageEntry):
        value = value[0]
    if isinstance(value, PageEntry):
        page = value.page
        return (gzip.decompress(page.content) if page.gzipped else page.content).decode()
    return repr(value)


def everything_cached() -> str:
    """Every key and value in the shared cache (local memory in the tests) and in the
    process-local tier in front of it, as text."""
    parts = []
    for key, value in cache_contents().items():
        parts += [key, as_text(value)]
    for tier in (recent_pages, recent_fragments):
        for key, (_expires, value, _size) in tier._values.items():
            parts += [key, as_text(value)]
    return "\n".join(parts)


@pytest.mark.parametrize("language", ["en", "ru"])
def test_no_personal_data_reaches_any_cache(member_client, expert, contact, language):
    """Neither the people's contact details nor who they are (names, positions, experience), nor
    the text a member searched for (perhaps a name), is kept in any cache."""
    expert.phone = "+994 12 555 01 23"
    expert.save()
    for path in [
        "members/experts/",
        "members/experts/?q=Quixotic&language=en",
        f"members/experts/{expert.pk}/",
        "members/contacts/",
        "members/contacts/?q=Ophelia",
        "members/materials/?q=Quixotic",
        "members/materials/?q=Quixotic&page=2",
        "members/contacts/az/",
        "members/countries/az/",
        "members/",
    ]:
        response = member_client.get(f"/{language}/{path}")
        assert response.status_code == 200, path
    html = member_client.get(f"/{language}/members/experts/{expert.pk}/").content.decode()
    assert expert.email in html and "555 01 23" in html  # shown, but never stored
    listed = member_client.get(f"/{language}/members/experts/?q=Quixotic").content.decode()
    assert expert.family_name in listed and expert.position in listed
    assert contact.email in member_client.get(f"/{language}/members/contacts/az/").content.decode()
    cached = everything_cached()
    assert "experts-filter-menus" in cached  # what is about nobody is still cached
    personal = [expert.email, "555 01 23", contact.email, contact.phone, "404 00 00"]
    personal += ["Zebulon", "Зебулон", "Quixotic", "Квиксотик", "Ophelia", "Офелия"]
    personal += ["smuggling interdiction", "пресечения контрабанды", "cv.pdf"]
    for text in personal:
        assert text.lower() not in cached.lower(), text
    assert not EMAIL.search(cached), EMAIL.search(cached)


# Never public -----------------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["en", "ru"])
@pytest.mark.parametrize(
    "query", ["Quixotic", "Квиксотик", "smuggling interdiction", "zebulon.quixotic@customs.az"]
)
def test_experts_and_contacts_never_appear_in_the_site_search(
    client, expert, contact, focal_point, language, query
):
    make_nomination(nominated_by=focal_point, family_name_en="Quixotic")
    # A public page with the same words is found: the search itself works.
    make_news(title_en="Quixotic smuggling interdiction", title_ru="Квиксотик: пресечение")
    response = client.get(f"/{language}/search/", {"q": query})
    assert response.status_code == 200
    hits = [hit for _kind, group in response.context["groups"] for hit in group]
    # An address matches no page as a whole; any of its words may then match other public pages.
    assert all("/members/" not in hit.url for hit in hits), hits
    html = response.content.decode()
    for private in ("Zebulon", "Зебулон", "Ophelia", "Офелия", "/members/experts/", "customs.az"):
        if private.lower() not in query.lower():
            assert private not in html, private
    groups = public_search(query, language=language, limit=100)
    assert {kind for kind, _hits in groups} <= {"News"} | {"Новости"}


def locations(response) -> list[str]:
    """The <loc> paths of a sitemap or sitemap index (the portal's own XML)."""
    assert response.status_code == 200
    return [
        re.sub(r"^https?://[^/]+", "", loc)
        for loc in re.findall(r"<loc>([^<]+)</loc>", response.content.decode())
    ]


def sitemap_pages(client) -> list[str]:
    """Every page the sitemap lists: all sections of the index, every page of each."""
    pages = []
    for section in locations(client.get("/sitemap.xml")):
        number = 1
        while True:
            response = client.get(section, {"p": number})
            if response.status_code == 404:
                break
            found = locations(response)
            pages += found
            if len(found) < 500:
                break
            number += 1
    return pages


def test_experts_and_contacts_never_appear_in_the_sitemap(client, expert, contact):
    make_news(title_en="Quixotic news")
    pages = sitemap_pages(client)
    assert any("/news/" in page for page in pages)  # the sitemap lists public pages
    assert [page for page in pages if re.search(r"/members/|/admin/|/accounts/", page)] == []
    sitemaps = "".join(
        client.get(section).content.decode() for section in locations(client.get("/sitemap.xml"))
    )
    for private in ("Zebulon", "Зебулон", "Ophelia", "Офелия", "Quixotic", "customs.az"):
        assert private not in sitemaps


def test_robots_keep_crawlers_out_of_the_members_area(client):
    text = client.get("/robots.txt").content.decode()
    for path in ("/en/members/", "/ru/members/", "/admin/"):
        assert f"Disallow: {path}" in text


# No email address in a URL or a log line ------------------------------------------------------


def url_routes():
    def walk(resolver, prefix=""):
        for pattern in resolver.url_patterns:
            route = prefix + str(pattern.pattern)
            if isinstance(pattern, URLResolver):
                yield from walk(pattern, route)
            elif isinstance(pattern, URLPattern):
                yield route

    return list(walk(get_resolver()))


def test_no_url_pattern_carries_an_email_address():
    routes = url_routes()
    assert len(routes) > 100
    assert [route for route in routes if "@" in route or re.search(r"<[^>]*mail", route)] == []


class Recorder:
    """A test client that keeps every URL it asked for and every URL it was sent to."""

    def __init__(self, user=None):
        self.client = Client()
        if user is not None:
            self.client.force_login(user)
        self.urls: list[str] = []

    def request(self, method: str, path: str, data=None, **extra):
        response = getattr(self.client, method)(path, data, follow=True, **extra)
        self.urls.append(path)
        self.urls += [url for url, _status in response.redirect_chain]
        if response.streaming:
            b"".join(response.streaming_content)
        return response

    def get(self, path, data=None, **extra):
        return self.request("get", path, data, **extra)

    def post(self, path, data=None, **extra):
        return self.request("post", path, data, **extra)


@pytest.fixture
def log_lines(caplog):
    """Every log record of every logger, down to DEBUG, as the lines a handler would write."""
    names = [
        "",
        "django",
        "django.request",
        "django.security",
        "axes",
        *logging.root.manager.loggerDict,
    ]
    for name in names:
        caplog.set_level(logging.DEBUG, logger=name)

    def lines():
        return [
            " ".join(filter(None, [record.getMessage(), record.exc_text or ""]))
            for record in caplog.records
        ]

    return lines


def test_no_email_address_in_a_url_or_a_log_line_during_the_main_flows(
    log_lines,
    settings,
    django_capture_on_commit_callbacks,
    member,
    focal_point,
    staff,
    azerbaijan,
    mailoutbox,
):
    settings.STAFF_NOTIFICATION_EMAILS = ["office@rocb.test"]
    # Mail goes out once a change is committed: the callbacks run here as they would.
    with django_capture_on_commit_callbacks(execute=True):
        visitor, focal, office = Recorder(), Recorder(focal_point), Recorder(staff)

        # Failed logins, then the lockout, on the site and the admin.
        for _ in range(6):
            visitor.post("/en/accounts/login/", {"username": member.email, "password": "wrong"})
        visitor.post("/admin/login/", {"username": staff.email, "password": "wrong"})
        assert (
            visitor.post(
                "/en/accounts/login/", {"username": member.email, "password": PASSWORD}
            ).status_code
            == 429
        )

        # A nomination, and the office's approval.
        nomination = make_nomination(nominated_by=focal_point, email="nominee@customs.az")
        focal.get("/en/members/experts/nominations/")
        office.get(f"/admin/experts/nomination/{nomination.pk}/review/")
        office.post(f"/admin/experts/nomination/{nomination.pk}/review/", {"approve": "1"})
        assert Nomination.objects.get().status == Nomination.Status.APPROVED

        # A focal point edits a contact point.
        contact = make_contact(azerbaijan, email="contact@customs.az")
        focal.post(
            f"/en/members/contacts/az/{contact.pk}/edit/",
            {
                "role": contact.role,
                "name_en": "Renamed Person",
                "title_en": contact.title_en,
                "email": contact.email,
                "phone": contact.phone,
                FIELD: row_fingerprint(ContactPoint, contact.pk),
            },
        )
        assert ContactPoint.objects.get().name_en == "Renamed Person"

        # A password reset, from the request to the new password, and an unknown address.
        outsider = Recorder()
        outsider.post("/en/accounts/password-reset/", {"email": "nobody@example.org"})
        outsider.post("/en/accounts/password-reset/", {"email": member.email})
        link = re.search(r"https?://[^/]+(/\S+)", mailoutbox[-1].body).group(1)
        form_page = outsider.get(link)
        outsider.post(
            form_page.redirect_chain[-1][0] if form_page.redirect_chain else link,
            {
                "new_password1": "A-new-long-passphrase-9",
                "new_password2": "A-new-long-passphrase-9",
            },
        )
        assert outsider.client.login(username=member.email, password="A-new-long-passphrase-9")

    assert len(mail.outbox) >= 3  # the flows really sent their mail
    lines = log_lines()
    assert any("Too Many Requests" in line or "Locked out" in line for line in lines)
    assert [line for line in lines if EMAIL.search(line)] == []
    urls = visitor.urls + focal.urls + office.urls + outsider.urls
    assert len(urls) > 10
    assert [url for url in urls if EMAIL.search(url) or "%40" in url] == []
