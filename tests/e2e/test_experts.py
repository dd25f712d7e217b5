"""The experts database in the browser: search, an expert's record and the nomination form, in
both languages, with no accessibility violations."""

import re

import pytest
from playwright.sync_api import expect

from experts.models import Nomination
from tests.e2e.conftest import axe_violations
from tests.experts.factories import PDF, make_expert

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

LANGUAGES = ["en", "ru"]
TEXT = {
    "en": {
        "search": "Search",
        "query": "risks",
        "nominate": "Send the nomination",
        "given": "Given names (Latin script)",
        "family": "Family name (Latin script)",
        "position": "Position (in English)",
        "email": "Email address",
        "area": "Risk management",
        "language": "Language",
        "level": "Level",
        "cv": "CV",
        "consent": "The expert agrees",
        "bad_file": "This file type is not accepted",
        "sent": "has been sent to the office",
    },
    "ru": {
        "search": "Поиск",
        "query": "рисков",
        "nominate": "Отправить кандидатуру",
        "given": "Имя (латиницей)",
        "family": "Фамилия (латиницей)",
        "position": "Должность (на английском)",
        "email": "Адрес электронной почты",
        "area": "Управление рисками",
        "language": "Язык",
        "level": "Уровень",
        "cv": "Резюме",
        "consent": "Эксперт согласен",
        "bad_file": "Этот тип файла не принимается",
        "sent": "отправлена в бюро",
    },
}


@pytest.fixture
def expert(azerbaijan):
    return make_expert(
        administration=azerbaijan,
        given_names_en="Tamar",
        family_name_en="Lomidze",
        given_names_ru="Тамар",
        family_name_ru="Ломидзе",
        position_en="Head of the Risk Analysis Division",
        position_ru="Начальник отдела анализа рисков",
        areas=["risk-management", "integrity"],
        languages=[("en", 3), ("ru", 4)],
        experience_en="Led the national risk profiling reform.",
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_member_searches_and_opens_an_expert(page, check_page, login, member, expert, language):
    text = TEXT[language]
    login(page, member, language)
    check_page(page, f"/{language}/members/experts/")
    page.get_by_role("textbox", name=text["search"]).fill(text["query"])
    page.get_by_role("main").get_by_role("button", name=text["search"], exact=True).click()
    expect(page).to_have_url(re.compile(r"[?&]q=(risks|%D1%80)"))
    name = "Ломидзе, Тамар" if language == "ru" else "Lomidze, Tamar"
    link = page.get_by_role("link", name=name)
    expect(link).to_have_count(1)
    assert axe_violations(page) == []
    link.click()
    expect(page.locator("h1")).to_have_text(
        "Тамар Ломидзе" if language == "ru" else "Tamar Lomidze"
    )
    assert axe_violations(page) == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_focal_point_nominates_an_expert(
    page, check_page, login, focal_point, tmp_path, language
):
    text = TEXT[language]
    login(page, focal_point, language)
    check_page(page, f"/{language}/members/experts/nominate/")
    page.get_by_label(text["given"]).fill("Nigar")
    page.get_by_label(text["family"]).fill("Hasanova")
    page.get_by_label(text["position"]).fill("Valuation inspector")
    page.get_by_label(text["email"]).fill("nigar@customs.az")
    page.get_by_label(text["area"]).check()
    first_language = page.get_by_role("group", name=f"{text['language']} 1")
    first_language.get_by_label(text["language"]).select_option("en")
    first_language.get_by_label(text["level"]).select_option("3")
    page.get_by_label(text["consent"]).check()

    # A file that is not a PDF or DOCX: a clear error, the other entries kept, no violations.
    bad = tmp_path / "cv.pdf"
    bad.write_text("not a pdf")
    page.get_by_label(re.compile(f"^{text['cv']}")).set_input_files(str(bad))
    page.get_by_role("button", name=text["nominate"]).click()
    expect(page.locator("main")).to_contain_text(text["bad_file"])
    expect(page.get_by_label(text["given"])).to_have_value("Nigar")
    assert axe_violations(page) == []
    assert not Nomination.objects.exists()

    good = tmp_path / "Резюме.pdf"
    good.write_bytes(PDF)
    page.get_by_label(re.compile(f"^{text['cv']}")).set_input_files(str(good))
    page.get_by_label(text["consent"]).check()
    page.get_by_role("button", name=text["nominate"]).click()
    expect(page).to_have_url(re.compile(rf"/{language}/members/experts/nominations/$"))
    expect(page.locator("main")).to_contain_text(text["sent"])
    assert axe_violations(page) == []
    nomination = Nomination.objects.get()
    assert nomination.administration_id == focal_point.administration_id
    assert nomination.cv_name == "Резюме.pdf"


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_focal_points_pages_are_accessible(
    page, check_page, login, focal_point, expert, language
):
    expert.confirmed_on = "2020-01-01"
    expert.save()
    login(page, focal_point, language)
    check_page(page, f"/{language}/members/experts/stale/")
    check_page(page, f"/{language}/members/experts/{expert.pk}/update/")
    check_page(page, f"/{language}/members/experts/nominations/")
    check_page(page, f"/{language}/members/")


def test_a_focal_point_corrects_the_nomination_form_by_keyboard_in_russian(
    page, login, focal_point
):
    """The portal's validation, not the browser's: an empty form sent with the keyboard comes
    back with the summary focused, the title saying «Ошибка», each link leading to its field."""
    login(page, focal_point, "ru")
    page.goto("/ru/members/experts/nominate/")
    page.keyboard.press("Tab")  # the skip link
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    expect(page.get_by_label(TEXT["ru"]["given"])).to_be_focused()
    page.keyboard.press("Enter")  # sends the form, empty

    summary = page.locator("#error-summary")
    expect(summary).to_be_focused()
    expect(page).to_have_title(re.compile("^Ошибка: "))
    expect(summary).to_contain_text("Имя (латиницей): Обязательное поле.")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    given = page.get_by_label(TEXT["ru"]["given"])
    expect(given).to_be_focused()
    page.keyboard.type("Nigar")
    expect(given).to_have_value("Nigar")
    assert not Nomination.objects.exists()
