"""Browser tests: Debian's Chromium, headless, driven by Playwright; axe-core checks each page.

Skipped (with the reason printed) where Chromium or the axe-core package is absent.
"""

import os
import re
import shutil
from pathlib import Path

import pytest
from playwright.sync_api import expect

# Playwright's sync API runs an event loop in the test thread; the ORM calls beside it are safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
AXE = Path(__file__).resolve().parents[2] / "node_modules/axe-core/axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
# Assertions wait (`expect(...)`, never a read right after a click): long enough for a page
# served by a loaded machine, as when another build runs beside the tests.
expect.set_options(timeout=15_000)


def pytest_collection_modifyitems(config, items):
    reason = None
    if CHROMIUM is None:
        reason = "Chromium is not installed (apt-get install chromium)"
    elif not AXE.exists():
        reason = "axe-core is not installed (npm ci)"
    for item in items:
        if "/e2e/" in str(item.path):
            item.add_marker(pytest.mark.e2e)
            if reason:
                item.add_marker(pytest.mark.skip(reason=reason))


def _keep_serialized_database(run):
    """Playwright's sync API gives the test code a new context, in which Django hands out new
    connection objects; the snapshot that `serialized_rollback` restores was stored on the
    connection of the old one. Carry it over, so data from migrations survives flushes."""
    from django.db import connections

    before = {alias: connections[alias] for alias in connections}
    result = run()
    for alias, old in before.items():
        new = connections[alias]
        if new is not old and hasattr(old, "_test_serialized_contents"):
            new._test_serialized_contents = old._test_serialized_contents
    return result


@pytest.fixture(scope="session")
def browser(django_db_setup, django_db_blocker):
    from playwright.sync_api import sync_playwright

    with django_db_blocker.unblock():
        playwright = _keep_serialized_database(lambda: sync_playwright().start())
    browser = playwright.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
    yield browser
    browser.close()
    playwright.stop()


@pytest.fixture
def page(browser, live_server):
    """A fresh browser page whose console must stay free of errors (CSP violations included)."""
    context = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.expected_error_urls = set()  # documents a test opens knowing they answer 4xx
    errors: list[tuple[str, str]] = []

    def on_console(message):
        if message.type == "error":
            errors.append((message.text, message.location.get("url", "")))

    page.on("console", on_console)
    page.on("pageerror", lambda error: errors.append((str(error), "")))
    page.on("dialog", lambda dialog: errors.append((f"dialog: {dialog.message}", "")))
    yield page
    context.close()
    unexpected = [(text, url) for text, url in errors if url not in page.expected_error_urls]
    assert unexpected == [], unexpected


def axe_violations(page) -> list[dict]:
    """WCAG 2.1 AA violations on the page, as reported by axe-core."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(AXE.read_text())
    result = page.evaluate(
        "async tags => (await axe.run(document, {runOnly: {type: 'tag', values: tags}}))"
        ".violations",
        AXE_TAGS,
    )
    return [
        {"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]][:5]}
        for v in result
    ]


@pytest.fixture
def check_page(live_server):
    """Open a path and assert it loads with no axe violations; return the page for more checks."""

    def check(page, path: str, *, status: int = 200):
        if status >= 400:
            page.expected_error_urls.add(live_server.url + path)
        response = page.goto(path)
        assert response.status == status, f"{path}: {response.status}"
        assert axe_violations(page) == [], path
        return page

    return check


@pytest.fixture
def login(live_server):
    """Log a user in through the real login form."""
    from tests.factories import PASSWORD

    def do_login(page, user, language="en"):
        page.goto(f"/{language}/accounts/login/")
        page.get_by_label({"en": "Email address", "ru": "Адрес электронной почты"}[language]).fill(
            user.email
        )
        page.get_by_label({"en": "Password", "ru": "Пароль"}[language]).fill(PASSWORD)
        page.get_by_role("button", name={"en": "Log in", "ru": "Войти"}[language]).last.click()
        # Logged in once the redirect has left the login page (a page opened before that would
        # cancel the form's post).
        expect(page).not_to_have_url(re.compile(r"/accounts/login/"))

    return do_login
