"""Membership in the browser, in both languages and with the keyboard alone: the request for an
account (errors summarised with links to their fields) and the focal point's users page."""

import pytest
from playwright.sync_api import expect

from administrations.models import AccountRequest
from tests.administrations.factories import make_account_request
from tests.e2e.conftest import axe_violations

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

LANGUAGES = ["en", "ru"]
TEXT = {
    "en": {
        "name": "Full name",
        "email": "Email address",
        "administration": "Your administration",
        "position": "Position or job title",
        "message": "Message (optional)",
        "send": "Send the request",
        "sent": "Request sent",
        "missing_name": "Enter your full name.",
        "approve": "Approve Aysel Quliyeva",
        "approved": "invitation",
        "decline": "Decline Nino Kapanadze",
        "reason": "Reason",
        "decline_button": "Decline with this reason",
        "declined": "was declined",
        "deactivate": "Deactivate Leyla Mammadova",
        "deactivated": "can no longer log in",
        "users": "Your administration's users",
    },
    "ru": {
        "name": "Полное имя",
        "email": "Адрес электронной почты",
        "administration": "Ваша администрация",
        "position": "Должность",
        "message": "Сообщение (необязательно)",
        "send": "Отправить запрос",
        "sent": "Запрос отправлен",
        "missing_name": "Укажите ваше полное имя.",
        "approve": "Одобрить Aysel Quliyeva",
        "approved": "приглашение",
        "decline": "Отклонить Nino Kapanadze",
        "reason": "Причина",
        "decline_button": "Отклонить с этой причиной",
        "declined": "отклонён",
        "deactivate": "Деактивировать Leyla Mammadova",
        "deactivated": "больше не может входить",
        "users": "Пользователи вашей администрации",
    },
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_request_form_works_with_the_keyboard(page, check_page, azerbaijan, language):
    text = TEXT[language]
    check_page(page, f"/{language}/accounts/request/")
    expect(page.locator("h1")).to_have_count(1)

    # Sent empty with Enter: the summary lists the errors, each a link to its field.
    page.get_by_role("button", name=text["send"]).focus()
    page.keyboard.press("Enter")
    summary = page.locator("#error-summary")
    expect(summary).to_be_visible()
    assert axe_violations(page) == []
    summary.get_by_role("link", name=text["missing_name"]).focus()
    page.keyboard.press("Enter")
    name = page.get_by_label(text["name"])
    expect(name).to_be_focused()

    # Filled in field by field, moving on with Tab.
    page.keyboard.type("Aysel Quliyeva")
    page.keyboard.press("Tab")
    expect(page.get_by_label(text["email"])).to_be_focused()
    page.keyboard.type("aysel@customs.az")
    page.keyboard.press("Tab")
    administration = page.get_by_label(text["administration"])
    expect(administration).to_be_focused()
    administration.select_option(str(azerbaijan.pk))
    page.keyboard.press("Tab")
    expect(page.get_by_label(text["position"])).to_be_focused()
    page.keyboard.type("Inspector")
    page.keyboard.press("Tab")
    expect(page.get_by_label(text["message"])).to_be_focused()
    page.keyboard.press("Tab")
    expect(page.get_by_role("button", name=text["send"])).to_be_focused()
    page.keyboard.press("Enter")

    expect(page.locator("h1")).to_have_text(text["sent"])
    assert axe_violations(page) == []
    request = AccountRequest.objects.get()
    assert (request.email, request.language, request.administration) == (
        "aysel@customs.az",
        language,
        azerbaijan,
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_focal_point_decides_with_the_keyboard(
    page, check_page, login, focal_point, member, language
):
    text = TEXT[language]
    make_account_request(full_name="Aysel Quliyeva", email="aysel@customs.az")
    make_account_request(full_name="Nino Kapanadze", email="nino@customs.az")
    login(page, focal_point, language)
    page.get_by_role("link", name=text["users"]).focus()
    page.keyboard.press("Enter")
    expect(page.locator("h1")).to_have_text(text["users"])
    check_page(page, f"/{language}/members/administration/users/")

    page.get_by_role("button", name=text["approve"]).focus()
    page.keyboard.press("Enter")
    expect(page.locator(".messages")).to_contain_text(text["approved"])
    expect(page.locator(".user-table")).to_contain_text("aysel@customs.az")
    expect(page.get_by_role("button", name=text["approve"])).to_have_count(0)

    page.get_by_role("link", name=text["decline"]).focus()
    page.keyboard.press("Enter")
    reason = page.get_by_label(text["reason"])
    expect(reason).to_be_visible()
    assert axe_violations(page) == []
    reason.focus()
    page.keyboard.type("Not in the customs service.")
    page.keyboard.press("Tab")
    expect(page.get_by_role("button", name=text["decline_button"])).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator(".messages")).to_contain_text(text["declined"])

    page.get_by_role("button", name=text["deactivate"]).focus()
    page.keyboard.press("Enter")
    expect(page.locator(".messages")).to_contain_text(text["deactivated"])
    assert axe_violations(page) == []
    member.refresh_from_db()
    assert not member.is_active
    assert AccountRequest.objects.filter(status="pending").count() == 0
