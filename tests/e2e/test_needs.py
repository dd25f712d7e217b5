"""Capacity-building needs in the browser: a focal point sends a request (first with a mistake,
then right, from the keyboard), in both languages, on a desktop and on a phone, with no
accessibility violations; the office's page of the request passes too."""

import pytest
from playwright.sync_api import expect

from needs.models import NeedsRequest
from tests.e2e.conftest import axe_violations
from tests.experts.factories import PDF
from tests.needs.factories import make_need

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

LANGUAGES = ["en", "ru"]
TEXT = {
    "en": {
        "title": "Title (in English)",
        "description": "Description (in English)",
        "area": "Risk management",
        "modality": "Preferred modality",
        "officers": "Officers concerned",
        "from": "Desired from (month)",
        "attachments": "Attachments",
        "send": "Send the request",
        "missing": "Give the title in English or in Russian.",
        "sent": "has been sent to the office",
    },
    "ru": {
        "title": "Название (на английском)",
        "description": "Описание (на английском)",
        "area": "Управление рисками",
        "modality": "Предпочтительный формат",
        "officers": "Число сотрудников",
        "from": "Желательно с (месяц)",
        "attachments": "Приложения",
        "send": "Отправить запрос",
        "missing": "Укажите название на английском или на русском языке.",
        "sent": "отправлен в бюро",
    },
}


def fill_request(page, text, tmp_path):
    page.get_by_label(text["description"]).fill("Our analysts need to profile parcels.")
    page.get_by_label(text["area"]).check()
    page.get_by_label(text["modality"]).select_option("workshop")
    page.get_by_label(text["officers"]).fill("25")
    page.get_by_label(text["from"]).fill("2027-03")
    attachment = tmp_path / "План обучения.pdf"
    attachment.write_bytes(PDF)
    page.get_by_label(text["attachments"]).set_input_files(str(attachment))


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_focal_point_sends_a_request(page, check_page, login, focal_point, tmp_path, language):
    text = TEXT[language]
    login(page, focal_point, language)
    check_page(page, f"/{language}/members/needs/new/")
    fill_request(page, text, tmp_path)
    with page.expect_navigation():
        page.get_by_role("button", name=text["send"]).click()
    # No title in either language: a clear message, the other entries kept, nothing saved.
    expect(page.get_by_role("alert")).to_be_visible()
    expect(page.locator("main")).to_contain_text(text["missing"])
    assert page.get_by_label(text["officers"]).input_value() == "25"
    assert axe_violations(page) == []
    assert not NeedsRequest.objects.exists()

    page.get_by_label(text["title"]).fill("Risk profiling of parcels")
    page.get_by_label(text["attachments"]).set_input_files(str(tmp_path / "План обучения.pdf"))
    # Sent from the keyboard.
    page.get_by_role("button", name=text["send"]).focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect(page.get_by_text(text["sent"])).to_be_visible()
    need = NeedsRequest.objects.get()
    assert page.url.endswith(f"/{language}/members/needs/{need.pk}/")
    assert text["sent"] in page.locator("main").inner_text()
    assert axe_violations(page) == []
    assert need.administration_id == focal_point.administration_id
    assert need.attachments.get().name == "План обучения.pdf"


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_needs_pages_work_on_a_phone(browser, live_server, login, focal_point, language):
    need = make_need(submitted_by=focal_point, title_en="Risk profiling of e-commerce parcels")
    context = browser.new_context(base_url=live_server.url, viewport={"width": 360, "height": 740})
    page = context.new_page()
    login(page, focal_point, language)
    for path in ["/members/needs/", "/members/needs/new/", f"/members/needs/{need.pk}/"]:
        page.goto(f"/{language}{path}")
        assert page.evaluate("document.documentElement.scrollWidth") <= 360, path
        assert axe_violations(page) == [], path
    context.close()


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_offices_page_of_a_request_is_accessible(
    page, check_page, login, staff, focal_point, language
):
    need = make_need(submitted_by=focal_point, title_ru="Анализ рисков", description_ru="Текст.")
    login(page, staff, language)
    check_page(page, f"/{language}/members/needs/")
    check_page(page, f"/{language}/members/needs/{need.pk}/")
