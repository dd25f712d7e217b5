"""The public pages: the plan, one activity, the dashboard; both languages, filters, cost."""

import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from core.concurrency import row_fingerprint
from tests.pages import latin_words
from tests.workplan.builders import make_big_plan
from tests.workplan.test_seed import SEED_NUMBERS
from workplan.models import Activity, Actual, ReportingPeriod

pytestmark = pytest.mark.django_db

MAX_QUERIES = 10
ACTIVITY_LINK = re.compile(r'href="/(?:en|ru)/workplan/activities/(\d+\.\d+)/([^"]*)"')


def numbers(html: str) -> list[str]:
    return [number for number, _query in ACTIVITY_LINK.findall(html)]


def test_the_plan_in_english_lists_the_27_activities_by_goal(client, plan):
    response = client.get("/en/workplan/")
    assert response.status_code == 200
    html = response.content.decode()
    assert numbers(html) == SEED_NUMBERS
    assert html.count("<h1") == 1
    assert "Goal 1: Promote the work on Customs Capacity Building and WCO instruments" in html
    assert "Expected impact:" in html
    assert "Increased customs capacity of Member Administrations." in html
    assert "Initiated</span> in early 2020" in html
    assert "Not applicable" in html  # 5.4 has no stakeholders
    assert "Needs analysed and forwarded to the WCO Secretariat with suggestions." in html
    for header in ("Stakeholders", "Expected output", "Indicator", "Intended outcome"):
        assert f'<th scope="col">{header}</th>' in html


def test_the_plan_in_russian_is_russian_throughout(client, plan):
    html = client.get("/ru/workplan/").content.decode()
    assert numbers(html) == SEED_NUMBERS
    assert "План работы РБНП Европа" in html
    assert "Цель 1: Продвигать работу по наращиванию таможенного потенциала" in html
    assert "Вести Региональную базу данных экспертов" in html
    assert "Начато</span> в начале 2020 года" in html
    assert "Не применимо" in html
    assert latin_words(html) == []


def test_filters_narrow_the_tables_and_links_keep_them(client, plan):
    html = client.get("/en/workplan/", {"status": "to_be_initiated"}).content.decode()
    assert numbers(html) == ["2.4", "3.1", "3.2", "5.4"]
    assert 'id="goal-1"' not in html  # goals without a match are left out
    assert {query for _number, query in ACTIVITY_LINK.findall(html)} == {"?status=to_be_initiated"}
    assert 'href="/en/workplan/export.csv?status=to_be_initiated"' in html
    assert 'href="/en/workplan/export.xlsx?status=to_be_initiated"' in html
    assert '<option value="to_be_initiated" selected>' in html

    html = client.get("/en/workplan/", {"goal": "5", "stakeholder": "host-administration"}).content
    assert numbers(html.decode()) == ["5.1"]
    html = client.get("/en/workplan/", {"stakeholder": "private-sector"}).content.decode()
    assert numbers(html) == ["1.3", "4.1", "4.2", "7.1", "7.2"]


def test_the_language_switcher_keeps_the_filters(client, plan):
    html = client.get("/en/workplan/", {"status": "ongoing"}).content.decode()
    assert 'href="/ru/workplan/?status=ongoing"' in html


@pytest.mark.parametrize(
    "params", [{"goal": "99"}, {"status": "finished"}, {"stakeholder": "nobody"}, {"goal": "x"}]
)
def test_invalid_filters_are_ignored_and_said_so(client, plan, params):
    response = client.get("/en/workplan/", params)
    assert response.status_code == 200
    html = response.content.decode()
    assert numbers(html) == SEED_NUMBERS
    assert 'class="errorlist' in html
    assert "export.csv?" not in html


def test_no_match_says_so(client, plan):
    html = client.get("/en/workplan/", {"goal": "5", "status": "completed"}).content.decode()
    assert numbers(html) == []
    assert "No activity matches these filters." in html


def test_an_activity_page_shows_its_progress_history_newest_first(client, plan, activity):
    later = ReportingPeriod.objects.create(
        name_en="2021",
        name_ru="2021",
        starts_on="2021-01-01",
        ends_on="2021-12-31",
        report_status="approved",
    )
    Actual.objects.create(
        indicator=activity.indicators.get(),
        period=later,
        narrative_en="Needs of twelve administrations collected.",
        narrative_ru="Собраны потребности двенадцати администраций.",
        value=12,
    )
    response = client.get("/en/workplan/activities/1.1/", {"status": "ongoing", "junk": "x"})
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count("<h1") == 1
    assert "Maintain and promote sustainable mechanism" in html
    assert html.index("Needs of twelve administrations") < html.index("Requests for Capacity")
    assert 'href="/en/workplan/?status=ongoing"' in html  # the way back keeps the filter
    assert 'role="img"' in html and "<desc" in html  # the indicator's chart
    ru = client.get("/ru/workplan/activities/1.1/").content.decode()
    assert "Собраны потребности двенадцати администраций." in ru
    assert "Поддерживать и развивать устойчивый механизм" in ru
    assert latin_words(ru) == []


def test_activity_numbers_are_natural_and_unknown_ones_are_not_found(client, plan):
    goal = plan.goals.get(number=1)
    for sequence in (9, 10):
        Activity.objects.create(goal=goal, sequence=sequence, title_en=f"Item {sequence}")
    html = client.get("/en/workplan/").content.decode()
    assert numbers(html)[:6] == ["1.1", "1.2", "1.3", "1.4", "1.9", "1.10"]
    assert client.get("/en/workplan/activities/1.10/").status_code == 200
    assert client.get("/en/workplan/activities/1.11/").status_code == 404
    assert client.get("/en/workplan/activities/01.1/").status_code == 404


def test_an_activity_without_russian_text_shows_the_english_marked(client, plan):
    goal = plan.goals.get(number=2)
    Activity.objects.create(goal=goal, sequence=7, title_en="Run a webinar series")
    html = client.get("/ru/workplan/activities/2.7/").content.decode()
    assert '<span lang="en">Run a webinar series</span>' in html
    assert "(на английском)" in html
    assert latin_words(html) == []


@pytest.mark.parametrize("language", ["en", "ru"])
def test_the_dashboard_draws_accessible_charts_with_their_numbers(client, plan, language):
    period = ReportingPeriod.objects.create(
        name_en="2021",
        name_ru="2021",
        starts_on="2021-01-01",
        ends_on="2021-12-31",
        report_status="approved",
    )
    indicator = Activity.objects.get(goal__number=7, sequence=1).indicators.get()
    indicator.baseline_value, indicator.end_target = 1000, 5000
    indicator.save()
    Actual.objects.create(indicator=indicator, period=period, narrative_en="Up.", value=3210)
    response = client.get(f"/{language}/workplan/progress/", {"goal": "7"})
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count("<h1") == 1
    # Activities by status, the targets of each goal, and indicator 7.1.
    assert html.count('role="img"') == 3
    assert html.count("<title id=") == 3 and html.count("<desc id=") == 3
    assert 'style="' not in html
    assert '<td class="number">3210</td>' in html  # the figure in the table beside its chart
    assert '<td class="number">21</td>' in html  # 21 ongoing activities in all
    if language == "ru":
        assert "Виды деятельности каждой цели по статусам" in html
        assert latin_words(html) == []
    else:
        assert "Goal 2: Ongoing: 4; To be initiated: 1; To be completed: 1." in html


def test_chart_coordinates_are_not_localised(client, plan):
    html = client.get("/ru/workplan/progress/").content.decode()
    coordinates = re.findall(r' (?:x|y|width|height)="([^"]+)"', html)
    assert coordinates and all(re.fullmatch(r"-?\d+(\.\d+)?", value) for value in coordinates)


def test_no_current_plan_means_not_found(client, plan):
    plan.is_current = False
    plan.save()
    assert client.get("/en/workplan/").status_code == 404
    assert client.get("/en/workplan/progress/").status_code == 404


PAGES = [
    "/en/workplan/",
    "/ru/workplan/?status=ongoing&stakeholder=wco&goal=3",
    "/en/workplan/activities/3.15/",
    "/ru/workplan/progress/",
    "/en/workplan/export.csv",
    "/ru/workplan/export.xlsx?stakeholder=wco",
]


@pytest.mark.parametrize("path", PAGES)
def test_pages_cost_few_queries_whatever_the_size_of_the_plan(
    client, plan, path, django_assert_max_num_queries
):
    with CaptureQueriesContext(connection) as small:
        assert client.get(path.replace("3.15", "3.1")).status_code == 200
    make_big_plan(indicators=2)  # 300 activities, 600 indicators, 6,000 targets and actuals
    with django_assert_max_num_queries(MAX_QUERIES) as big:
        assert client.get(path).status_code == 200
    assert len(big) == len(small)


def test_the_big_plan_shows_everything(client, big_plan):
    html = client.get("/en/workplan/").content.decode()
    assert len(numbers(html)) == 300
    assert numbers(html)[28:31] == ["1.29", "1.30", "2.1"]
    assert "Progress of Activity 1.1 in Year 2039" in html  # the latest period only
    assert "in Year 2038" not in html
    dashboard = client.get("/en/workplan/progress/").content.decode()
    # Statuses, the targets of every goal, and the 15 counting indicators of goal 1 (one goal
    # at a time keeps the page a sane size whatever the plan's).
    assert dashboard.count('role="img"') == 1 + 1 + 15


def test_anonymous_pages_are_cached_and_a_staff_edit_shows_at_once(
    staff_client, plan, activity, django_assert_num_queries
):
    client = Client()  # a visitor, beside the logged-in staff member
    client.get("/en/workplan/")
    with django_assert_num_queries(0):
        assert client.get("/en/workplan/").status_code == 200
    entry = Actual.objects.get(indicator__activity=activity)
    period = entry.period
    ReportingPeriod.objects.filter(pk=period.pk).update(report_status="draft")  # reopened
    response = staff_client.post(
        f"/admin/workplan/actual/{entry.pk}/change/",
        {
            "indicator": entry.indicator_id,
            "period": entry.period_id,
            "narrative_en": "Needs of all member administrations were collected.",
            "narrative_ru": "Собраны потребности всех администраций-членов.",
            "value": "",
            "evidence_url": "",
            "reported_on": "2020-12-31",
            "edit_fingerprint": row_fingerprint(type(entry), entry.pk),
            "breakdown-TOTAL_FORMS": "0",
            "breakdown-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 302, response.content.decode()
    assert "Needs of all member administrations" not in client.get("/en/workplan/").content.decode()
    ReportingPeriod.objects.filter(pk=period.pk).update(report_status="approved")
    assert "Needs of all member administrations" in client.get("/en/workplan/").content.decode()
    assert "Собраны потребности всех" in client.get("/ru/workplan/").content.decode()
    detail = client.get("/en/workplan/activities/1.1/").content.decode()
    assert "Needs of all member administrations" in detail
    entry.refresh_from_db()
    assert entry.author.email == "staff@rocb.test"
