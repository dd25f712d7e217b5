"""Outreach pages in a real browser: no axe violations, no console (CSP) errors, both languages."""

import datetime
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from outreach.models import NewsItem, Status
from tests.outreach.factories import make_event, make_news

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

LANGUAGES = ["en", "ru"]


@pytest.fixture
def content():
    make_news(
        slug="roundtable",
        title_en="Capacity building roundtable",
        title_ru="Круглый стол по наращиванию потенциала",
        summary_en="People development tools were presented.",
        summary_ru="Представлены инструменты развития персонала.",
        body_en="<h2>Tools</h2><p>The <strong>Framework</strong> and <a href='https://clikc.wcoomd.org/'>CLiKC!</a>.</p><ul><li>One</li></ul>",
        body_ru="<h2>Инструменты</h2><p>Рамочные принципы и <a href='https://clikc.wcoomd.org/'>CLiKC!</a>.</p>",
    )
    make_news(slug="english-only", title_en="Fellowship alumni site")
    today = timezone.localdate()
    make_event(
        slug="heads-of-training",
        title_en="Meeting of heads of training",
        title_ru="Совещание руководителей обучения",
        place_ru="Баку, Азербайджан",
        description_en="Regional meeting.",
        description_ru="Региональное совещание.",
    )
    make_event(
        slug="vcoa-pilot",
        title_en="Academy pilot session",
        title_ru="Пилотная сессия академии",
        place_en="Online",
        place_ru="Онлайн",
        starts_on=today - datetime.timedelta(days=200),
        ends_on=today - datetime.timedelta(days=120),
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_outreach_pages_are_accessible(page, check_page, content, language):
    for path in (
        f"/{language}/",
        f"/{language}/news/",
        f"/{language}/news/roundtable/",
        f"/{language}/news/english-only/",
        f"/{language}/events/",
        f"/{language}/events/heads-of-training/",
        f"/{language}/tools/",
    ):
        check_page(page, path)
        expect(page.locator("h1")).to_have_count(1)
        expect(page.locator("html")).to_have_attribute("lang", language)


def test_a_visitor_goes_from_home_to_a_news_item_and_back_to_the_list(page, content, live_server):
    page.goto("/ru/")
    page.get_by_role("link", name="Круглый стол по наращиванию потенциала").click()
    expect(page).to_have_url(re.compile(r"/ru/news/roundtable/$"))
    expect(page.locator("h1")).to_have_text("Круглый стол по наращиванию потенциала")
    page.get_by_role("link", name="English").click()
    expect(page).to_have_url(re.compile(r"/en/news/roundtable/$"))
    page.get_by_role("navigation", name="Main").get_by_role("link", name="News").click()
    expect(page).to_have_url(re.compile(r"/en/news/$"))


def test_news_item_fits_a_phone(browser, content, live_server):
    context = browser.new_context(base_url=live_server.url, viewport={"width": 360, "height": 740})
    phone = context.new_page()
    for path in ("/ru/news/roundtable/", "/ru/events/", "/ru/tools/"):
        phone.goto(path)
        assert phone.evaluate("document.documentElement.scrollWidth") <= 360, path
    context.close()


def test_staff_write_rich_text_in_the_admin_editor(page, login, staff, live_server):
    """The editor's scripts load from the portal and run under the CSP (no console errors)."""
    # The admin names no icon, so the browser asks for /favicon.ico, which the portal lacks.
    page.expected_error_urls.add(f"{live_server.url}/favicon.ico")
    login(page, staff, "en")
    page.goto("/admin/outreach/newsitem/add/")
    page.locator("#id_title_en").fill("Written in the editor")
    page.locator("#id_summary_en").fill("A news item written with the rich-text editor.")
    editor = page.locator(".prose-editor .ProseMirror[contenteditable=true]").first
    editor.wait_for()
    editor.click()
    page.keyboard.type("Plain and ")
    page.keyboard.press("Control+b")
    page.keyboard.type("bold")
    page.locator("#id_status").select_option(Status.PUBLISHED)
    page.locator("input[name=_save]").click()
    expect(page).to_have_url(re.compile(r"/admin/outreach/newsitem/$"))
    item = NewsItem.objects.get(slug="written-in-the-editor")  # prepopulated from the title
    assert item.body_en == "<p>Plain and <strong>bold</strong></p>"
