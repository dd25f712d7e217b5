"""Browser tests of the National Contact Points and the People Development Map."""

import datetime
import re
from decimal import Decimal

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from contacts.models import ContactPoint
from tests.contacts.builders import make_centre, make_contact

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

LANGUAGES = ["en", "ru"]


@pytest.fixture
def listed(azerbaijan, georgia):
    make_contact(
        azerbaijan,
        name="Rashad Aliyev",
        name_ru="Рашад Алиев",
        role="head",
        verified_on=datetime.date(2024, 1, 1),
    )
    make_contact(georgia, name="Nino Beridze", name_ru="Нино Беридзе", role="learning")


@pytest.mark.parametrize("language", LANGUAGES)
def test_directory_is_accessible_and_filters(page, check_page, login, member, listed, language):
    login(page, member, language)
    check_page(page, f"/{language}/members/contacts/")
    expect(page.locator("h1")).to_have_count(1)
    search = {"en": "Country or name", "ru": "Страна или имя"}[language]
    country = {"en": "Georgia", "ru": "Грузия"}[language]
    page.get_by_label(search).fill(country)
    page.get_by_role("button", name={"en": "Show", "ru": "Показать"}[language]).click()
    expect(page).to_have_url(re.compile(r"\?.+"))
    expect(page.locator("section.directory-administration")).to_have_count(1)
    expect(page.get_by_role("heading", name=country)).not_to_have_count(0)
    expect(page.locator("html")).to_have_attribute("lang", language)


@pytest.mark.parametrize("language", LANGUAGES)
def test_administration_page_is_accessible(page, check_page, login, focal_point, listed, language):
    login(page, focal_point, language)
    check_page(page, f"/{language}/members/contacts/az/")
    expect(page.locator("h1")).to_have_text({"en": "Azerbaijan", "ru": "Азербайджан"}[language])
    confirm = {"en": "Confirm the list is still right", "ru": "Подтвердить, что список актуален"}
    page.get_by_role("button", name=confirm[language]).click()
    expect(page.locator(".messages")).to_be_visible()
    assert ContactPoint.objects.get(name_en="Rashad Aliyev").verified_on == timezone.localdate()
    assert page.evaluate("document.documentElement.scrollWidth") <= 1280


@pytest.mark.parametrize("language", LANGUAGES)
def test_edit_form_is_accessible_and_reports_errors(
    page, check_page, login, focal_point, listed, language
):
    login(page, focal_point, language)
    contact = ContactPoint.objects.get(name_en="Rashad Aliyev")
    check_page(page, f"/{language}/members/contacts/az/{contact.pk}/edit/")
    phone = {"en": "Phone", "ru": "Телефон"}[language]
    save = {"en": "Save", "ru": "Сохранить"}[language]
    page.get_by_label(phone).fill("012 404")
    page.get_by_role("button", name=save).click()
    error = {"en": "international format", "ru": "международном формате"}[language]
    expect(page.locator(".errorlist").filter(has_text=error)).to_have_count(1)
    assert axe_clean(page)
    page.get_by_label(phone).fill("+994 12 404 00 09")
    page.get_by_role("button", name=save).click()
    expect(page).to_have_url(re.compile(rf"/{language}/members/contacts/az/$"))
    contact.refresh_from_db()
    assert contact.phone == "+994 12 404 00 09"


def axe_clean(page) -> bool:
    from tests.e2e.conftest import axe_violations

    violations = axe_violations(page)
    assert violations == []
    return True


@pytest.mark.parametrize("language", LANGUAGES)
def test_map_is_accessible_and_each_centre_is_a_focusable_labelled_point(
    page, check_page, azerbaijan, georgia, language
):
    make_centre(azerbaijan, name_en="Baku Centre", name_ru="Бакинский центр", is_wco_rtc=True)
    make_centre(
        georgia,
        name_en="Tbilisi Centre",
        name_ru="Тбилисский центр",
        latitude=Decimal("41.71513"),
        longitude=Decimal("44.82710"),
    )
    check_page(page, f"/{language}/training-centres/")
    points = page.locator("svg a.map-point")
    expect(points).to_have_count(2)
    name = {"en": "Baku Centre", "ru": "Бакинский центр"}[language]
    point = page.get_by_role("link", name=name).first
    point.focus()
    expect(point).to_be_focused()
    expect(point).to_have_attribute("aria-label", re.compile("^" + re.escape(name)))
    # The focused point is visibly marked.
    fill = page.evaluate(
        "getComputedStyle(document.activeElement.querySelector('circle:last-child')).fill"
    )
    assert fill == "rgb(255, 191, 71)"
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"#centre-"))
    expect(page.locator("tr:target")).to_contain_text(name)
