"""The competency framework in a real browser, both languages, checked by axe-core."""

import re
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from competencies.models import Competency, JobPosition, SelfAssessment
from competencies.services import assessment_save
from tests.competencies.factories import make_tool, starter_framework

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture(autouse=True)
def starter():
    """The demo data's starter framework, endorsed: a fresh database has none."""
    starter_framework()


LANGUAGES = ["en", "ru"]
RATE = {
    "en": "Rate yourself against this position",
    "ru": "Оценить себя относительно этой должности",
}
SAVE = {"en": "Save my self-assessment", "ru": "Сохранить самооценку"}
COMPARE = {"en": "Compare", "ru": "Сравнить"}


def here(page) -> str:
    """The path and query of the page's current address."""
    address = urlsplit(page.url)
    return f"{address.path}?{address.query}" if address.query else address.path


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(
    "path",
    [
        "competencies/",
        "competencies/positions/",
        "competencies/positions/training-coordinator/",
        "competencies/dictionary/",
        "competencies/dictionary/OP-04/",
        "competencies/qualifications/",
    ],
)
def test_public_pages_are_accessible(page, check_page, language, path):
    check_page(page, f"/{language}/{path}")
    expect(page.locator("h1")).to_have_count(1)
    expect(page.locator("html")).to_have_attribute("lang", language)


@pytest.mark.parametrize("language", LANGUAGES)
def test_comparing_two_positions_with_the_form(page, check_page, language):
    check_page(page, f"/{language}/competencies/positions/capacity-building-officer/")
    page.locator("select[name=target]").select_option("programme-manager")
    page.get_by_role("button", name=COMPARE[language], exact=True).click()
    expect(page).to_have_url(re.compile(r"[?&]current=capacity-building-officer(&|$)"))
    expect(page).to_have_url(re.compile(r"[?&]target=programme-manager(&|$)"))
    table = page.locator("table.comparison")
    expect(table.locator("tr.has-gap")).to_have_count(7)
    check_page(page, here(page))


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_member_rates_themselves_and_sees_their_gap_profile(
    page, check_page, login, member, language
):
    course = make_tool(title_en="Risk management", title_ru="Управление рисками")
    Competency.objects.get(code="OP-03").learning_resources.add(course)
    login(page, member, language)
    page.goto(f"/{language}/competencies/positions/capacity-building-officer/")
    page.get_by_role("link", name=RATE[language]).click()
    expect(page).to_have_url(re.compile(rf"/{language}/competencies/self-assessment/new/"))
    check_page(page, here(page))
    # Every competency at level 2 ("Working"), which falls short where level 3 is required.
    for fieldset in page.locator("fieldset.rating").all():
        fieldset.locator("input[type=radio][value='2']").check()
    page.get_by_role("button", name=SAVE[language]).click()
    expect(page).to_have_url(re.compile(rf"/{language}/competencies/self-assessment/\d+/$"))
    assessment = SelfAssessment.objects.get(owner=member)
    assert page.url.endswith(f"/{language}/competencies/self-assessment/{assessment.pk}/")
    chart = page.get_by_role("img", name=re.compile("Capacity Building Officer|Специалист"))
    expect(chart).to_have_count(1)
    expect(page.locator("table.gap-table tbody tr.has-gap")).to_have_count(7)  # the level-3 ones
    course_title = course.title_en if language == "en" else course.title_ru
    expect(page.get_by_role("link", name=course_title)).to_have_count(1)
    check_page(page, f"/{language}/competencies/self-assessment/{assessment.pk}/")
    check_page(page, f"/{language}/competencies/self-assessment/")


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_job_description_prints_on_one_page(page, live_server, language):
    # The head of office's is the longest of the starter catalogue.
    page.goto(f"/{language}/competencies/positions/head-of-office/")
    page.emulate_media(media="print")
    expect(page.locator(".framework-nav")).to_be_hidden()
    expect(page.locator("aside")).to_be_hidden()
    pdf = page.pdf(format="A4", print_background=False)
    assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) == 1


def test_the_print_button_appears_with_javascript(page, live_server):
    page.goto("/en/competencies/positions/it-officer/")
    expect(page.get_by_role("button", name="Print this job description")).to_be_visible()


def test_phone_width_has_no_sideways_scroll(browser, live_server, login, member):
    position = JobPosition.objects.get(slug="head-of-office")
    ratings = dict.fromkeys(position.requirements.values_list("competency", flat=True), 1)
    assessment = assessment_save(owner=member, position=position, ratings=ratings)
    context = browser.new_context(base_url=live_server.url, viewport={"width": 360, "height": 740})
    phone = context.new_page()
    login(phone, member, "ru")
    for path in (
        "/ru/competencies/positions/",
        "/ru/competencies/compare/?current=it-officer&target=head-of-office",
        f"/ru/competencies/self-assessment/{assessment.pk}/",
        f"/ru/competencies/self-assessment/{assessment.pk}/edit/",
    ):
        phone.goto(path)
        assert phone.evaluate("document.documentElement.scrollWidth") <= 360, path
    context.close()
