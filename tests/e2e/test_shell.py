import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

LANGUAGES = ["en", "ru"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_home_is_accessible(page, check_page, language):
    check_page(page, f"/{language}/")
    expect(page.locator("h1")).to_have_count(1)
    expect(page.locator("html")).to_have_attribute("lang", language)


@pytest.mark.parametrize("language", LANGUAGES)
def test_login_and_members_home_are_accessible(page, check_page, login, member, language):
    check_page(page, f"/{language}/accounts/login/")
    login(page, member, language)
    expect(page).to_have_url(re.compile(rf"/{language}/members/$"))
    check_page(page, f"/{language}/members/")


@pytest.mark.parametrize("language", LANGUAGES)
def test_error_page_is_accessible(page, check_page, language):
    check_page(page, f"/{language}/no-such-page/", status=404)


def test_skip_link_is_the_first_stop_and_moves_focus(page, live_server):
    page.goto("/en/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to main content")
    expect(skip).to_be_focused()
    expect(skip).to_be_visible()
    page.keyboard.press("Enter")
    expect(page.locator("#main")).to_be_focused()


def test_switcher_goes_to_the_same_page_in_russian(page, live_server):
    page.goto("/en/accounts/password-reset/")
    page.get_by_role("link", name="Русский").click()
    expect(page).to_have_url(re.compile(r"/ru/accounts/password-reset/$"))
    expect(page.locator("h1")).to_have_text("Сброс пароля")


def test_phone_width_has_no_sideways_scroll(browser, live_server):
    context = browser.new_context(base_url=live_server.url, viewport={"width": 360, "height": 740})
    page = context.new_page()
    page.goto("/ru/")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    context.close()
