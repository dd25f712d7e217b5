"""The Work Plan pages in a real browser: accessible in both languages, usable without scripts."""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.test_phone import PROBLEMS as PHONE_PROBLEMS
from workplan import demo, report_files

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

LANGUAGES = ["en", "ru"]


@pytest.fixture
def progress(django_user_model, monkeypatch):
    """Figures for the dashboard's charts (the real plan has none yet); the demo's reviewer
    approves 2021, 2022 stays in draft. The report's PDF is not drawn (no test here opens it, and
    its tasks would run at once, in seconds of WeasyPrint)."""
    import io

    monkeypatch.setattr(report_files, "report_files_refresh", lambda *, period: None)
    django_user_model.objects.create_superuser("reviewer@rocb.test", "x")
    demo.load(stdout=io.StringIO())


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_work_plan_is_accessible(page, check_page, language):
    check_page(page, f"/{language}/workplan/")
    expect(page.locator("h1")).to_have_count(1)
    expect(page.locator("table.activities tbody tr")).to_have_count(27)
    expect(page.locator("section.goal h2")).to_have_count(7)


@pytest.mark.parametrize("language", LANGUAGES)
def test_an_activity_is_accessible(page, check_page, progress, language):
    check_page(page, f"/{language}/workplan/activities/1.1/")
    expect(page.locator("h1")).to_have_count(1)
    expect(page.get_by_role("img")).to_have_count(1)  # the indicator's chart
    expect(page.locator(".progress-entry")).to_have_count(2)  # 2020 and 2021, not the draft


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_dashboard_is_accessible(page, check_page, progress, language):
    check_page(page, f"/{language}/workplan/progress/")
    expect(page.locator("h1")).to_have_count(1)
    # Statuses, every goal's targets, goal 1's counting indicators, the budget's execution.
    expect(page.get_by_role("img")).to_have_count(6)
    expect(page.locator("table caption")).to_have_count(7)


def test_filters_work_without_javascript(browser, live_server):
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    page.goto("/en/workplan/")
    page.get_by_role("combobox", name="Status").select_option(label="To be initiated")
    page.get_by_role("combobox", name="Stakeholder").select_option(label="WCO")
    page.get_by_role("button", name="Show activities").click()
    filters = r"\?(goal=&)?status=to_be_initiated&stakeholder=wco$"
    # Each step waits for the next page: a read right after the click saw the old one (or none).
    expect(page).to_have_url(re.compile(r"/en/workplan/" + filters))
    numbers = page.locator("table.activities tbody th")
    expect(numbers).to_have_text(["2.4", "3.1", "3.2"])
    page.get_by_role("link", name="3.1").click()
    expect(page).to_have_url(re.compile(r"/en/workplan/activities/3\.1/" + filters))
    page.get_by_role("link", name="Back to the Work Plan").click()
    expect(page).to_have_url(re.compile(r"/en/workplan/" + filters))
    expect(numbers).to_have_text(["2.4", "3.1", "3.2"])
    context.close()


def test_the_work_plan_fits_a_phone(browser, live_server, progress):
    context = browser.new_context(base_url=live_server.url, viewport={"width": 360, "height": 740})
    page = context.new_page()
    for path in (
        "/ru/workplan/",
        "/ru/workplan/progress/",
        "/ru/workplan/activities/7.1/",
        "/ru/workplan/logframe/",
    ):
        page.goto(path)
        assert page.evaluate(PHONE_PROBLEMS) == [], path
    context.close()
