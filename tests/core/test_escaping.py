"""Hostile text shows as text. Payloads that would run a script or break out of an attribute are
saved through the forms outsiders fill (a focal point's nomination, with its CV's file name, and
contact-point edit) and through the staff's rich text (news), then every page that shows them
is read back: the text is there, as text, and nothing in the page would run it. The browser
suite opens the same pages (tests/e2e/test_security.py) and fails on any dialog.
"""

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from contacts.models import ContactPoint
from core.concurrency import FIELD, row_fingerprint
from experts import services
from experts.models import ExpertiseArea, Nomination
from outreach.models import NewsItem, Status

pytestmark = pytest.mark.django_db

SCRIPT = "<script>alert(1)</script>"
ATTRIBUTE = '"><img src=x onerror=alert(1)>'
QUOTE = "'><svg onload=alert(1)>"
LINK = "javascript:alert(1)"
PAYLOADS = (SCRIPT, ATTRIBUTE, QUOTE, LINK)
PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


class Page(HTMLParser):
    """What a browser would make of a page: its text and attribute values (unescaped), and
    anything in it that would run script."""

    URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data"}

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.shown: list[str] = []
        self.runs: list[str] = []
        self._tag = ""
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        self._tag = tag
        for name, value in attrs:
            value = value or ""
            self.shown.append(value)
            if name.startswith("on"):
                self.runs.append(f"<{tag} {name}={value!r}>")
            if name in self.URL_ATTRIBUTES and value.strip().lower().startswith("javascript:"):
                self.runs.append(f"<{tag} {name}={value!r}>")
        if tag in {"iframe", "object", "embed"}:
            self.runs.append(f"<{tag}>")

    def handle_data(self, data):
        if self._tag == "script" and "alert(" in data:
            self.runs.append(f"<script>{data}")
        self.shown.append(data)

    def handle_endtag(self, tag):
        self._tag = ""

    def text(self) -> str:
        return "\n".join(self.shown)


def assert_shown_as_text(response, *expected: str):
    """The page answers, shows these payloads as text, and holds nothing that would run."""
    assert response.status_code == 200
    page = Page(response.content.decode())
    assert page.runs == []
    shown = page.text()
    for payload in expected:
        assert payload in shown, payload


@pytest.fixture
def office(staff):
    """Office staff in a browser of their own (the focal point uses `client`)."""
    client = Client()
    client.force_login(staff)
    return client


# A focal point's nomination, approved by the office ------------------------------------------


@pytest.fixture
def nomination(client, focal_point):
    client.force_login(focal_point)
    areas = ExpertiseArea.objects.filter(slug="risk-management")
    response = client.post(
        "/en/members/experts/nominate/",
        {
            "given_names_en": SCRIPT,
            "family_name_en": ATTRIBUTE,
            "given_names_ru": QUOTE,
            "family_name_ru": ATTRIBUTE,
            "position_en": ATTRIBUTE,
            "position_ru": SCRIPT,
            "email": "hostile@customs.az",
            "phone": ATTRIBUTE,
            "areas": [area.pk for area in areas],
            "experience_en": f"{SCRIPT}\n{LINK}",
            "experience_ru": f"{QUOTE}\n{ATTRIBUTE}",
            "accreditation": "none",
            "consent": "on",
            "cv": SimpleUploadedFile(f"{ATTRIBUTE}.pdf", PDF),
            "languages-TOTAL_FORMS": "1",
            "languages-INITIAL_FORMS": "0",
            "languages-MIN_NUM_FORMS": "0",
            "languages-MAX_NUM_FORMS": "20",
            "languages-0-language": "en",
            "languages-0-level": "3",
        },
    )
    assert response.status_code == 302
    nomination = Nomination.objects.get()
    assert nomination.given_names_en == SCRIPT  # stored as typed: escaping is on output
    return nomination


@pytest.fixture
def expert(nomination, staff):
    return services.nomination_approve(nomination=nomination, reviewer=staff)


def test_the_focal_points_list_of_nominations(client, nomination):
    assert_shown_as_text(client.get("/en/members/experts/nominations/"), SCRIPT, ATTRIBUTE)


@pytest.mark.parametrize("page", ["changelist", "change", "review"])
def test_the_office_reviews_the_nomination(office, nomination, page):
    path = {
        "changelist": "/admin/experts/nomination/",
        "change": f"/admin/experts/nomination/{nomination.pk}/change/",
        "review": f"/admin/experts/nomination/{nomination.pk}/review/",
    }[page]
    assert_shown_as_text(office.get(path), SCRIPT, ATTRIBUTE)


@pytest.mark.parametrize("language", ["en", "ru"])
def test_the_approved_expert_in_the_members_area(client, focal_point, expert, language):
    client.force_login(focal_point)
    shown = (SCRIPT, ATTRIBUTE, LINK) if language == "en" else (QUOTE, ATTRIBUTE, SCRIPT)
    assert_shown_as_text(client.get(f"/{language}/members/experts/{expert.pk}/"), *shown)
    assert_shown_as_text(client.get(f"/{language}/members/experts/"), ATTRIBUTE)
    assert_shown_as_text(client.get(f"/{language}/members/experts/", {"q": "alert"}), ATTRIBUTE)
    assert_shown_as_text(
        client.get(f"/{language}/members/experts/{expert.pk}/update/"), SCRIPT, ATTRIBUTE
    )


def test_the_expert_in_the_admin(office, expert):
    assert_shown_as_text(office.get("/admin/experts/expert/"), ATTRIBUTE)
    html_page = office.get(f"/admin/experts/expert/{expert.pk}/change/")
    # The CV's file name, shown by the admin's own link (format_html).
    assert_shown_as_text(html_page, SCRIPT, f"{ATTRIBUTE}.pdf")


# A focal point's contact point ----------------------------------------------------------------


@pytest.fixture
def contact(client, focal_point, azerbaijan):
    client.force_login(focal_point)
    response = client.post(
        "/en/members/contacts/az/add/",
        {
            "role": "learning",
            "name_en": SCRIPT,
            "name_ru": ATTRIBUTE,
            "title_en": QUOTE,
            "title_ru": LINK,
            "email": "hostile@customs.az",
            "phone": "+994124040000",
            "languages": ["az"],
        },
    )
    assert response.status_code == 302
    return ContactPoint.objects.get()


@pytest.mark.parametrize("language", ["en", "ru"])
def test_the_contact_point_in_the_members_area(client, contact, language):
    shown = (SCRIPT, QUOTE) if language == "en" else (ATTRIBUTE, LINK)
    for path in (
        "members/contacts/",
        "members/contacts/az/",
        f"members/contacts/az/{contact.pk}/edit/",
    ):
        assert_shown_as_text(client.get(f"/{language}/{path}"), *shown)


def test_an_edit_with_hostile_text_is_shown_as_text_too(client, contact):
    response = client.post(
        f"/en/members/contacts/az/{contact.pk}/edit/",
        {
            "role": "learning",
            "name_en": ATTRIBUTE,
            "title_en": SCRIPT,
            "email": "hostile@customs.az",
            "phone": "+994124040000",
            FIELD: row_fingerprint(ContactPoint, contact.pk),
        },
        follow=True,
    )
    # The success message names the contact point: escaped too.
    assert_shown_as_text(response, f"{ATTRIBUTE} was saved.", SCRIPT)


def test_the_contact_point_in_the_admin(office, contact):
    assert_shown_as_text(office.get("/admin/contacts/contactpoint/"), SCRIPT)
    assert_shown_as_text(
        office.get(f"/admin/contacts/contactpoint/{contact.pk}/change/"), SCRIPT, QUOTE
    )


# Staff rich text --------------------------------------------------------------------------------

HOSTILE_BODY = (
    f"<p>Kept.</p>{SCRIPT}<img src=x onerror=alert(1)>"
    f'<a href="{LINK}">a link</a><p onclick="alert(1)">Clicked</p>'
    '<iframe src="https://example.org/"></iframe>'
)


@pytest.fixture
def news(staff_client):
    response = staff_client.post(
        "/admin/outreach/newsitem/add/",
        {
            "title_en": ATTRIBUTE,
            "slug": "hostile",
            "summary_en": SCRIPT,
            "body_en": HOSTILE_BODY,
            "body_ru": HOSTILE_BODY,
            "status": Status.PUBLISHED,
            "published_at_0": "2026-01-15",
            "published_at_1": "10:00:00",
        },
    )
    assert response.status_code == 302, response.context["errors"]
    return NewsItem.objects.get(slug="hostile")


def test_the_rich_text_is_cleaned_when_saved(news):
    assert news.body_en == "<p>Kept.</p><a>a link</a><p>Clicked</p>"


@pytest.mark.parametrize("language", ["en", "ru"])
def test_the_news_on_the_public_pages(client, news, language):
    detail = client.get(f"/{language}/news/hostile/")
    assert_shown_as_text(detail, ATTRIBUTE, "Kept.", "Clicked")
    assert_shown_as_text(client.get(f"/{language}/news/"), ATTRIBUTE, SCRIPT)
    assert_shown_as_text(client.get(f"/{language}/"), ATTRIBUTE)
    assert_shown_as_text(client.get(f"/{language}/search/", {"q": "alert"}), ATTRIBUTE)


def test_the_news_feed_escapes_the_title(client, news):
    feed = client.get("/en/news/feed/").content.decode()
    assert "&lt;img src=x onerror=alert(1)&gt;" in feed
    assert ATTRIBUTE not in feed


# Text people type into the portal's own forms -----------------------------------------------


@pytest.mark.parametrize("payload", PAYLOADS)
def test_search_queries_are_echoed_as_text(client, member, payload):
    assert_shown_as_text(client.get("/en/search/", {"q": payload}), payload)
    client.force_login(member)
    assert_shown_as_text(client.get("/en/members/experts/", {"q": payload}), payload)
    assert_shown_as_text(client.get("/en/members/materials/", {"q": payload}))


@pytest.mark.parametrize("payload", PAYLOADS)
def test_a_failed_login_echoes_the_address_as_text(client, payload):
    response = client.post("/en/accounts/login/", {"username": payload, "password": "x"})
    assert_shown_as_text(response, payload)


# Every way around escaping is justified where it is written ----------------------------------

BASE_DIR = Path(__file__).resolve().parents[2]
UNESCAPED = re.compile(
    r"\|safe\b|\|safeseq\b|mark_safe\(|SafeString\(|autoescape off|format_html\("
)
SKIPPED_FOLDERS = {".venv", "node_modules", "staticfiles", "tests", "migrations", ".git"}


def source_files():
    for path in BASE_DIR.rglob("*"):
        if path.suffix not in {".py", ".html", ".txt", ".xml"} or not path.is_file():
            continue
        if SKIPPED_FOLDERS & set(path.relative_to(BASE_DIR).parts):
            continue
        yield path


def test_every_way_around_escaping_says_why_it_is_safe():
    """`|safe`, `mark_safe`, `format_html` and `{% autoescape off %}` each carry a comment on
    their line or just above it saying why the output cannot carry markup from a user."""
    unjustified, found = [], 0
    for path in source_files():
        lines = path.read_text(encoding="utf-8").splitlines()
        for number, line in enumerate(lines):
            if not UNESCAPED.search(line) or line.lstrip().startswith(("from ", "import ")):
                continue
            found += 1
            nearby = "\n".join(lines[max(0, number - 2) : number + 1])
            comment = re.search(r"(#|\{#|\{% comment %\}).*(safe|escape|HTML)", nearby, re.I)
            if comment is None:
                unjustified.append(f"{path.relative_to(BASE_DIR)}:{number + 1}: {line.strip()}")
    assert found >= 5  # the scan sees the known ones
    assert unjustified == []
