"""Hostile text in a real browser: names, titles and rich text written to run a script are shown
on every page that displays them, and nothing runs. The `page` fixture fails the test on any
dialog (an alert() that ran) and on any console error (a CSP violation, or the request for
`src=x` that an injected image would make)."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from playwright.sync_api import expect

from experts import services
from experts.models import ExpertiseArea
from tests.contacts.builders import make_contact
from tests.outreach.factories import make_news

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

SCRIPT = "<script>alert(1)</script>"
ATTRIBUTE = '"><img src=x onerror=alert(1)>'
QUOTE = "'><svg onload=alert(1)>"
PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


def nominate(focal_point, email: str):
    return services.nomination_submit(
        nominated_by=focal_point,
        details={
            "given_names_en": SCRIPT,
            "family_name_en": ATTRIBUTE,
            "given_names_ru": QUOTE,
            "family_name_ru": ATTRIBUTE,
            "position_en": ATTRIBUTE,
            "position_ru": SCRIPT,
            "email": email,
            "phone": ATTRIBUTE,
            "experience_en": f"{SCRIPT}\njavascript:alert(1)",
            "experience_ru": QUOTE,
            "accreditation": "none",
            "cv": SimpleUploadedFile(f"{ATTRIBUTE}.pdf", PDF),
        },
        areas=ExpertiseArea.objects.filter(slug="risk-management"),
        languages=[("en", 3)],
    )


@pytest.fixture
def hostile(azerbaijan, focal_point, staff):
    """An approved expert and a pending nomination, a contact point and a news item, each
    with script and attribute-breaking text in every field people type into."""
    expert = services.nomination_approve(
        nomination=nominate(focal_point, "approved@customs.az"), reviewer=staff
    )
    pending = nominate(focal_point, "pending@customs.az")
    contact = make_contact(
        azerbaijan, name=SCRIPT, name_ru=ATTRIBUTE, title_en=QUOTE, title_ru="javascript:x"
    )
    news = make_news(
        slug="hostile",
        title_en=ATTRIBUTE,
        title_ru=SCRIPT,
        summary_en=SCRIPT,
        body_en=f"<p>Kept.</p>{SCRIPT}{ATTRIBUTE[2:]}<a href='javascript:alert(1)'>x</a>",
    )
    return {"expert": expert, "pending": pending, "contact": contact, "news": news}


@pytest.mark.parametrize("language", ["en", "ru"])
def test_nothing_runs_on_the_members_pages(page, login, focal_point, hostile, language):
    expert, contact = hostile["expert"], hostile["contact"]
    login(page, focal_point, language)
    for path in [
        "members/experts/",
        "members/experts/?q=alert",
        f"members/experts/{expert.pk}/",
        f"members/experts/{expert.pk}/update/",
        "members/experts/nominations/",
        "members/contacts/",
        "members/contacts/az/",
        f"members/contacts/az/{contact.pk}/edit/",
    ]:
        response = page.goto(f"/{language}/{path}")
        assert response.status == 200, path
    page.goto(f"/{language}/members/experts/{expert.pk}/")
    name = page.locator("h1")
    expect(name).to_contain_text(ATTRIBUTE)
    expect(name).to_contain_text(SCRIPT if language == "en" else QUOTE)


@pytest.mark.parametrize("language", ["en", "ru"])
def test_nothing_runs_on_the_public_pages(page, hostile, language):
    for path in ["", "news/", "news/hostile/", f"search/?q={ATTRIBUTE}", "search/?q=alert"]:
        response = page.goto(f"/{language}/{path}")
        assert response.status == 200, path
    page.goto(f"/{language}/news/hostile/")
    expect(page.locator("h1")).to_have_text(ATTRIBUTE if language == "en" else SCRIPT)
    expect(page.locator(".rich-text p").first).to_have_text("Kept.")


def test_nothing_runs_in_the_admin(page, login, staff, hostile, live_server):
    # The admin names no icon, so the browser asks for /favicon.ico, which the portal lacks.
    page.expected_error_urls.add(f"{live_server.url}/favicon.ico")
    login(page, staff, "en")
    expert, pending, contact = hostile["expert"], hostile["pending"], hostile["contact"]
    for path in [
        "/admin/experts/nomination/",
        f"/admin/experts/nomination/{pending.pk}/review/",
        f"/admin/experts/nomination/{pending.pk}/change/",
        "/admin/experts/expert/",
        f"/admin/experts/expert/{expert.pk}/change/",
        "/admin/contacts/contactpoint/",
        f"/admin/contacts/contactpoint/{contact.pk}/change/",
        "/admin/outreach/newsitem/",
    ]:
        response = page.goto(path)
        assert response.status == 200, path
    page.goto(f"/admin/experts/expert/{expert.pk}/change/")
    expect(page.get_by_role("link", name=f"{ATTRIBUTE}.pdf")).to_have_count(1)
