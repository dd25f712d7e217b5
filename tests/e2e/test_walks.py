"""Four real tasks walked in the browser as their users do them, counting the steps (issue 18).

A step is one click, one key press that moves or submits (Tab, Shift+Tab, Enter, Space), or one
field value typed (replacing what the field held counts as one). Opening the walk's first page
and scrolling are not steps. Each walk asserts that its task is done and that it took no more
steps than measured here, so a change that adds a step, or moves a focus the walk relies on,
fails. The staff walk leaves out the second factor asked in production (two steps: the code,
Enter), which the round-1 portal did not ask.

Steps before (the portal as round 1 left it, commit aa0f685, counted on its templates with the
same data) and after (measured by these walks; the figures in STEPS):

| walk | before | after |
|---|---|---|
| 1. a visitor on a 360 px phone, from the home page | not possible (a) | en 2, ru 2 |
| 2. a focal point, keyboard only | 61 (b) | en 26 |
| 3. a member searching in Russian | not possible (c); 9 with fewer words | ru 7 |
| 4. staff reviewing a nomination | not possible (d); 11 without the history | en 8 |

1. The next event and its time with time zone (one click), then an e-learning course's own
   enrolment link (one click, "All tools and e-learning courses"). (a) Events had dates only, no
   time or time zone; every course linked to the CLiKC! home page, none to its enrolment.
2. Log in (4), from the members home to one contact point's form (5), a new phone and a bad
   e-mail address sent (13), the error summary's link to the field, the address fixed, saved (4).
   (b) Members home → "Contact points" (7) → the directory of 52 administrations, page 1 of 6:
   past its filters, downloads and four countries to one's own heading (15) → Edit (11) → the
   form (13); the page came back with the focus at its top and no summary: skip link and seven
   presses of Tab back to the field (11).
3. «эксперт по управлению рисками» in the experts search (3): results for any of the words, said
   so; an expert opened and "back to the search" with the query kept (2); «электронное обучение»
   in the site search (2) finds the e-learning courses. (c) 0 experts for the three words, and
   the site search found 2 of the 6 courses; typed again as «управление рисками» (2 more), "back
   to the search" came back empty.
4. Log in (3), the count on the admin home (1), the pending list, pending first, and one
   nomination's review with its phone and experience (1), approve (1), the nomination and its
   history (2), where the status shows before and after. (d) No count on the admin home (the app
   list, then the status filter: 2), the review page had no phone or experience (its record and
   back: 2), the approval was not in the nomination's history, which showed no values.
"""

import datetime
import io
import re
from contextlib import contextmanager

import pytest
from django.conf import settings
from django.test import Client
from django.utils import timezone
from playwright.sync_api import expect

from core import demo as search_demo
from experts.services import nomination_reject
from outreach import demo as outreach_demo
from tests.contacts.builders import make_contact
from tests.e2e.conftest import axe_violations
from tests.experts.factories import make_expert, make_nomination
from tests.factories import PASSWORD
from tests.outreach.factories import make_event

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 900}

# The steps each walk took when it was measured: at most these, per language.
STEPS = {
    "visitor": {"en": 2, "ru": 2},
    "focal_point": {"en": 26},
    "member": {"ru": 7},
    "staff": {"en": 8},
}


class Walk:
    """A user's steps on one page of the browser. `keyboard_only` refuses clicks."""

    def __init__(self, page, *, keyboard_only: bool = False):
        self.page = page
        self.keyboard_only = keyboard_only
        self.log: list[str] = []  # the steps taken, shown when a walk takes too many

    @property
    def steps(self) -> int:
        return len(self.log)

    def __repr__(self):
        return f"{self.steps} steps: {' '.join(self.log)}"

    def click(self, locator):
        assert not self.keyboard_only, "a click in a keyboard-only walk"
        locator.click()
        self.log.append("click")

    def fill(self, locator, value: str):
        assert not self.keyboard_only, "a click into a field in a keyboard-only walk"
        locator.fill(value)
        self.log.append("fill")

    def press(self, key: str):
        self.page.keyboard.press(key)
        self.log.append(key)

    def type(self, value: str):
        """Type into the focused field, replacing what it holds: one step."""
        self.page.keyboard.press("ControlOrMeta+A")
        self.page.keyboard.type(value)
        self.log.append("type")

    def tab_to(self, locator, *, limit: int = 40):
        """Press Tab until `locator` has the focus, as a keyboard user does."""
        for _ in range(limit):
            self.press("Tab")
            if locator.evaluate("element => element === document.activeElement"):
                return
        raise AssertionError(f"{locator} not reached in {limit} presses of Tab")

    def skip_to_main(self):
        """The skip link, the first stop of every page: Tab, Enter."""
        self.press("Tab")
        expect(self.page.locator(":focus")).to_have_class("skip-link")
        self.press("Enter")


@contextmanager
def fresh_tab(context, viewport=DESKTOP):
    """A new page of the shared context, with no cookies, whose console must stay free of
    errors (CSP violations included), as conftest's `page`."""
    context.clear_cookies()
    page = context.new_page()
    page.set_viewport_size(viewport)
    errors: list[str] = []

    def on_console(message):
        # The admin names no icon, so the browser asks for /favicon.ico, which the portal lacks.
        if message.type == "error" and not message.location.get("url", "").endswith("/favicon.ico"):
            errors.append(message.text)

    page.on("console", on_console)
    page.on("pageerror", lambda error: errors.append(str(error)))
    try:
        yield page
    finally:
        page.close()
    assert errors == []


def log_in_by_cookie(context, user, url: str):
    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
    context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": url}])


def test_the_four_walks(
    browser, live_server, subtests, azerbaijan, georgia, focal_point, member, staff
):
    """One test, so that the database is set up and emptied once for the four walks; each
    walk is a subtest of its own, reported on its own."""
    context = browser.new_context(base_url=live_server.url, viewport=DESKTOP)
    walks = [
        ("visitor", lambda: walk_visitor(context)),
        ("focal point", lambda: walk_focal_point(context, focal_point, azerbaijan)),
        ("member", lambda: walk_member(context, live_server, member, azerbaijan, georgia)),
        ("staff", lambda: walk_staff(context, staff, focal_point)),
    ]
    try:
        for name, walk in walks:
            with subtests.test(walk=name):
                walk()
    finally:
        context.close()


# 1. A visitor on a phone ---------------------------------------------------------------

VISITOR = {
    "en": {
        "event": "Regional meeting of heads of customs training",
        "zone": "(time in UTC+4)",
        "time": "9:30 a.m.",
        "tools": "All tools and e-learning courses",
        "enrol": re.compile(r"^Enrol in this course\W+Risk Management"),
    },
    "ru": {
        "event": "Региональное совещание руководителей таможенного обучения",
        "zone": "(время UTC+4)",
        "time": "9:30 – 17:00",
        "tools": "Все инструменты и курсы электронного обучения",
        "enrol": re.compile(r"^Записаться на курс\W+Управление рисками"),
    },
}


def walk_visitor(context):
    today = timezone.localdate()
    make_event(
        slug="heads-of-training",
        title_en=VISITOR["en"]["event"],
        title_ru=VISITOR["ru"]["event"],
        place_ru="Баку, Азербайджан",
        starts_on=today + datetime.timedelta(days=20),
        ends_on=today + datetime.timedelta(days=21),
        start_time=datetime.time(9, 30),
        end_time=datetime.time(17, 0),
        time_zone="Asia/Baku",
        description_en="Two days on the region's training plans.",
        description_ru="Два дня о планах обучения в регионе.",
    )
    outreach_demo.load_course_details()  # the seeded courses' own enrolment links
    with fresh_tab(context, PHONE) as tab:
        for language, text in VISITOR.items():
            walk = Walk(tab)
            tab.goto(f"/{language}/")
            walk.click(tab.get_by_role("link", name=text["event"]))
            when = tab.locator(".event-facts dd").first
            expect(when).to_contain_text(text["time"])
            expect(when).to_contain_text(text["zone"])
            assert axe_violations(tab) == [], language

            tab.goto(f"/{language}/")
            walk.click(tab.get_by_role("link", name=text["tools"]))
            enrol = tab.get_by_role("link", name=text["enrol"])
            expect(enrol).to_be_visible()
            expect(enrol).to_have_attribute(
                "href", re.compile(r"^https://clikc\.wcoomd\.org/enrol/")
            )
            assert tab.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
            assert walk.steps <= STEPS["visitor"][language], (language, walk)


# 2. A focal point, keyboard only -------------------------------------------------------


def walk_focal_point(context, focal_point, azerbaijan):
    contact = make_contact(
        azerbaijan,
        name="Elvin Mammadov",
        role="capacity_building",
        email="elvin@customs.az",
        phone="+994 12 404 00 01",
    )
    make_contact(azerbaijan, name="Aynur Guliyeva", role="head")
    with fresh_tab(context) as tab:
        walk = Walk(tab, keyboard_only=True)
        tab.goto("/en/accounts/login/")
        expect(tab.get_by_label("Email address")).to_be_focused()  # the form's first field
        walk.type(focal_point.email)
        walk.press("Tab")
        walk.type(PASSWORD)
        walk.press("Enter")
        expect(tab.locator("h1")).to_have_text("Members area")

        walk.skip_to_main()
        walk.tab_to(tab.get_by_role("link", name="Edit Elvin Mammadov"))
        walk.press("Enter")
        expect(tab.locator("h1")).to_have_text("Edit a contact point")

        walk.skip_to_main()
        walk.tab_to(tab.get_by_label("Email address"))
        walk.type("elvin.customs.az")
        walk.press("Tab")
        expect(tab.get_by_label("Phone")).to_be_focused()
        walk.type("+994 12 404 00 77")
        walk.press("Enter")

        summary = tab.locator("#error-summary")
        expect(summary).to_be_focused()
        expect(tab).to_have_title(re.compile("^Error: "))
        walk.press("Tab")
        expect(summary.get_by_role("link")).to_be_focused()
        walk.press("Enter")
        expect(tab.get_by_label("Email address")).to_be_focused()
        expect(tab.get_by_label("Phone")).to_have_value("+994 12 404 00 77")  # kept
        walk.type("elvin@customs.az")
        walk.press("Enter")

        expect(tab.locator(".messages")).to_contain_text("Elvin Mammadov")
        assert axe_violations(tab) == []
    contact.refresh_from_db()
    assert (contact.email, contact.phone) == ("elvin@customs.az", "+994 12 404 00 77")
    assert walk.steps <= STEPS["focal_point"]["en"], walk


# 3. A member searching in Russian ------------------------------------------------------

COURSES_IN_RUSSIAN = [
    "Виртуальная академия таможенной ориентации",
    "Аудит и контроль после выпуска товаров",
    "Пересмотренная Киотская конвенция",
    "Управление рисками",
    "Скоординированное управление границами",
    "Введение в лидерство и управление",
]


def walk_member(context, live_server, member, azerbaijan, georgia):
    for n, administration in enumerate([azerbaijan, georgia, azerbaijan]):
        make_expert(
            administration=administration,
            given_names_en=f"Tamar{n}",
            family_name_en=f"Lomidze{n}",
            given_names_ru=f"Тамар{n}",
            family_name_ru=f"Ломидзе{n}",
            position_en="Head of the Risk Analysis Division",
            position_ru="Начальник отдела анализа рисков",
            areas=["risk-management"],
            languages=[("ru", 4)],
        )
    make_expert(administration=georgia, areas=["integrity"], position_ru="Инспектор")
    search_demo.load(stdout=io.StringIO())  # the office's synonyms, as in the demo

    query = "эксперт по управлению рисками"
    with fresh_tab(context) as tab:
        log_in_by_cookie(context, member, live_server.url)
        walk = Walk(tab)
        tab.goto("/ru/members/")
        walk.click(tab.get_by_role("link", name="Региональная база данных экспертов"))
        walk.fill(tab.get_by_role("textbox", name="Поиск"), query)
        walk.click(tab.get_by_role("main").get_by_role("button", name="Поиск", exact=True))
        expect(tab.locator(".result-count")).to_have_text("Найдено 3 эксперта")
        expect(tab.locator(".notice")).to_contain_text("подходит часть слов")
        assert axe_violations(tab) == []

        walk.click(tab.get_by_role("link", name="Ломидзе1, Тамар1"))
        expect(tab.locator("h1")).to_have_text("Тамар1 Ломидзе1")
        walk.click(tab.get_by_role("link", name="Вернуться к поиску"))
        expect(tab.get_by_role("textbox", name="Поиск")).to_have_value(query)
        expect(tab.locator(".expert-table tbody tr")).to_have_count(3)

        walk.fill(
            tab.get_by_role("searchbox", name="Слова для поиска по сайту"), "электронное обучение"
        )
        walk.press("Enter")
        courses = tab.get_by_role("region", name=re.compile("^Инструменты"))
        for title in COURSES_IN_RUSSIAN:  # all six, whether they say «электронный курс» or not
            expect(courses.get_by_role("link", name=title)).to_be_visible()
    assert walk.steps <= STEPS["member"]["ru"], walk


# 4. Staff reviewing a nomination -------------------------------------------------------


def walk_staff(context, staff, focal_point):
    decided = make_nomination(nominated_by=focal_point, family_name_en="Decided")
    nomination_reject(nomination=decided, reviewer=staff, reason="Not in the customs service.")
    make_nomination(
        nominated_by=focal_point,
        given_names_en="Nigar",
        family_name_en="Hasanova",
        phone="+994 50 123 45 67",
        experience_en="Ten years of post-clearance audit.",
    )
    with fresh_tab(context) as tab:
        walk = Walk(tab)
        tab.goto("/admin/")
        walk.fill(tab.get_by_label("Email address"), staff.email)
        walk.fill(tab.get_by_label("Password"), PASSWORD)
        walk.click(tab.get_by_role("button", name="Log in"))
        walk.click(tab.get_by_role("link", name="1 nomination waits for review"))
        rows = tab.locator("#result_list tbody tr")
        expect(rows.first).to_contain_text("Hasanova")
        walk.click(rows.first.get_by_role("link", name="Approve or reject"))
        expect(tab.locator(".nomination-summary")).to_contain_text("+994 50 123 45 67")
        expect(tab.locator(".nomination-summary")).to_contain_text("Ten years of post-clearance")
        walk.click(tab.get_by_role("button", name="Approve"))
        expect(tab.locator(".messagelist")).to_contain_text("Approved")

        walk.click(tab.get_by_role("link", name=re.compile("Hasanova")).first)
        walk.click(tab.get_by_role("link", name="History"))
        status = tab.locator("#change-history .history-changes tr").filter(has_text="Status")
        expect(status).to_have_text(re.compile(r"Status\s*Pending review\s*Approved"))
    assert walk.steps <= STEPS["staff"]["en"], walk
