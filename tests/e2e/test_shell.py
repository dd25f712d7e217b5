import pytest

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

LANGUAGES = ["en", "ru"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_home_is_accessible(page, check_page, language):
    check_page(page, f"/{language}/")
    assert page.locator("h1").count() == 1
    assert page.locator("html").get_attribute("lang") == language


@pytest.mark.parametrize("language", LANGUAGES)
def test_login_and_members_home_are_accessible(page, check_page, login, member, language):
    check_page(page, f"/{language}/accounts/login/")
    login(page, member, language)
    assert page.url.endswith(f"/{language}/members/")
    check_page(page, f"/{language}/members/")


@pytest.mark.parametrize("language", LANGUAGES)
def test_error_page_is_accessible(page, check_page, language):
    check_page(page, f"/{language}/no-such-page/", status=404)


def test_skip_link_is_the_first_stop_and_moves_focus(page, live_server):
    page.goto("/en/")
    page.keyboard.press("Tab")
    skip = page.locator(":focus")
    assert skip.inner_text() == "Skip to main content"
    assert skip.is_visible()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def test_switcher_goes_to_the_same_page_in_russian(page, live_server):
    page.goto("/en/accounts/password-reset/")
    page.get_by_role("link", name="Русский").click()
    assert page.url.endswith("/ru/accounts/password-reset/")
    assert page.locator("h1").inner_text() == "Сброс пароля"


def test_phone_width_has_no_sideways_scroll(browser, live_server):
    context = browser.new_context(base_url=live_server.url, viewport={"width": 360, "height": 740})
    page = context.new_page()
    page.goto("/ru/")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    context.close()
