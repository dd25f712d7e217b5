"""`/workplan/iati.xml`: the plan as IATI 2.03 activities, valid against the standard's schema
(the copy in iati_schema/, from the pyIATI 0.4.1 source distribution, with its licence), in both
languages, with the figures of approved periods only."""

import datetime
import functools
from pathlib import Path

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from lxml import etree

from accounts.models import User
from tests.workplan.builders import make_big_plan
from workplan import iati, selectors, services
from workplan.models import Activity, Indicator, ReportingPeriod

pytestmark = pytest.mark.django_db

SCHEMA = Path(__file__).parent / "iati_schema" / "iati-activities-schema.xsd"
LANG = "{http://www.w3.org/XML/1998/namespace}lang"
APPROVED_TEXT = "Nineteen administrations sent their needs."
DRAFT_TEXT = "Twenty-three administrations sent their needs (draft)."


@functools.cache
def schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(SCHEMA)))


def valid(document: bytes) -> etree._Element:
    root = etree.fromstring(document)
    if not schema().validate(root):
        pytest.fail("\n".join(str(error) for error in schema().error_log))
    return root


def fetched(client) -> bytes:
    response = client.get("/workplan/iati.xml")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/xml; charset=utf-8"
    return response.content


def _period(year: int) -> ReportingPeriod:
    return services.reporting_period_create(
        name={"en": str(year), "ru": str(year)},
        starts_on=datetime.date(year, 1, 1),
        ends_on=datetime.date(year, 12, 31),
    )


@pytest.fixture
def reported(activity) -> tuple[ReportingPeriod, ReportingPeriod]:
    """Activity 1.1's indicator with a target and an actual in 2021 (approved) and 2022 (draft),
    and a second indicator described in words, lower is better, with a narrative only."""
    indicator = activity.indicators.get()
    indicator.baseline_value, indicator.baseline_year = 8, 2019
    indicator.save()
    words = services.indicator_create(
        activity=activity,
        name={"en": "Complaints about the needs form", "ru": "Жалобы на форму потребностей"},
        measure=Indicator.Measure.QUALITATIVE,
        direction=Indicator.Direction.LOWER,
    )
    approved, draft = _period(2021), _period(2022)
    for period, target, value, text in [
        (approved, 20, 19, APPROVED_TEXT),
        (draft, 31, 23, DRAFT_TEXT),
    ]:
        services.target_set(indicator=indicator, period=period, value=target)
        services.actual_record(
            indicator=indicator,
            period=period,
            narratives={"en": text, "ru": f"{text} (по-русски)"},
            value=value,
            author=None,
        )
        services.target_set(indicator=words, period=period, value=None, notes={"en": "None at all"})
        services.actual_record(
            indicator=words, period=period, narratives={"en": "Two."}, value=None, author=None
        )
    ReportingPeriod.objects.filter(pk=approved.pk).update(report_status="approved")
    return approved, draft


def test_the_plan_is_valid_iati_in_both_languages_with_its_results(client, plan, reported):
    root = valid(fetched(client))
    assert root.get("version") == "2.03"
    activities = root.findall("iati-activity[@hierarchy='2']")
    assert len(activities) == Activity.objects.filter(goal__plan=plan).count() == 27
    assert len(root.findall("iati-activity[@hierarchy='1']")) == plan.goals.count() == 7
    first = activities[0]
    assert first.findtext("iati-identifier") == "XI-IATI-ROCBEU-1.1"
    assert first.find("reporting-org").get("ref") == "XI-IATI-ROCBEU"
    assert {n.get(LANG) for n in first.iterfind("title/narrative")} == {"en", "ru"}
    assert first.find("activity-status").get("code") == "2"  # ongoing: implementation

    counted, words = first.findall("result/indicator")
    assert (counted.get("measure"), counted.get("ascending")) == ("1", "1")
    assert counted.find("baseline").attrib == {"year": "2019", "value": "8"}
    (period,) = counted.xpath("period[period-start/@iso-date='2021-01-01']")
    assert period.find("period-end").get("iso-date") == "2021-12-31"
    assert period.find("target").get("value") == "20"
    actual = period.find("actual")
    assert actual.get("value") == "19"
    comment = {n.get(LANG): n.text for n in actual.iterfind("comment/narrative")}
    assert comment == {"en": APPROVED_TEXT, "ru": f"{APPROVED_TEXT} (по-русски)"}
    assert (words.get("measure"), words.get("ascending")) == ("5", "0")
    # A text with no Russian is written once, marked English, not copied under "ru".
    target = words.find("period/target")
    assert [(n.get(LANG), n.text) for n in target.iterfind("comment/narrative")] == [
        ("en", "None at all")
    ]


def test_a_figure_not_approved_never_appears_in_the_file(client, reported):
    _approved, draft = reported
    for status in ["draft", "submitted", "returned"]:
        ReportingPeriod.objects.filter(pk=draft.pk).update(report_status=status)
        document = fetched(client).decode()
        assert APPROVED_TEXT in document
        for unseen in (DRAFT_TEXT, 'value="31"', 'value="23"', 'iso-date="2022-01-01"'):
            assert unseen not in document, status


def test_the_file_costs_the_same_queries_whatever_the_size_of_the_plan(
    client, plan, django_assert_max_num_queries
):
    with CaptureQueriesContext(connection) as small:
        fetched(Client())
    make_big_plan(goals=2, per_goal=10, periods=3, indicators=2)
    with django_assert_max_num_queries(8) as big:
        root = valid(fetched(Client()))
    assert len(big) == len(small)
    assert len(root.findall("iati-activity/result/indicator/period")) == 20 * 2 * 3


def test_the_cached_file_follows_an_approval(reported, django_assert_num_queries):
    visitor = Client()
    _approved, draft = reported
    assert DRAFT_TEXT not in fetched(visitor).decode()
    with django_assert_num_queries(0):
        fetched(visitor)  # from the cache
    reviewer = User.objects.create_superuser("reviewer@rocb.test", "x")
    services.period_report_submit(period=draft, by=reviewer)
    services.period_report_approve(period=draft, by=reviewer)
    document = fetched(visitor).decode()
    assert DRAFT_TEXT in document and 'value="23"' in document


def test_the_organisation_identifier_comes_from_the_settings(client, plan, settings):
    settings.IATI_ORGANISATION_REF = "XM-DAC-47000"
    root = valid(fetched(client))
    assert root.find("iati-activity/iati-identifier").text == "XM-DAC-47000-1.1"
    assert root.find("iati-activity/reporting-org").get("ref") == "XM-DAC-47000"


def test_a_yearly_budget_is_written_where_the_schema_puts_it(plan, activity):
    data = selectors.iati_plan(plan=plan)
    data.budgets[activity.pk] = [
        selectors.IatiBudget(
            starts_on=datetime.date(2021, 1, 1),
            ends_on=datetime.date(2021, 12, 31),
            amount="15000",
            currency="EUR",
            value_date=datetime.date(2021, 1, 1),
        )
    ]
    first = valid(iati.iati_activities(data)).find("iati-activity")
    assert first.get("default-currency") == "EUR"
    assert first.findtext("budget/value") == "15000"


def test_each_goal_is_the_parent_activity_with_its_yearly_budget(client, plan, activity):
    from workplan.models import BudgetLine

    BudgetLine.objects.create(goal=activity.goal, year=plan.start_year, amount="15000.5")
    root = valid(fetched(client))
    goal_id = iati.goal_identifier(activity.goal)
    goal = next(a for a in root.iter("iati-activity") if a.findtext("iati-identifier") == goal_id)
    assert goal.get("hierarchy") == "1" and goal.get("default-currency") == "EUR"
    assert goal.findtext("budget/value") == "15000.5"
    assert goal.find("budget/period-start").get("iso-date") == f"{plan.start_year}-01-01"
    children = {link.get("ref") for link in goal.iter("related-activity")}
    assert iati.activity_identifier(activity) in children
    child = root.find("iati-activity")  # the activities come first
    assert child.get("hierarchy") == "2"
    assert child.find("related-activity").attrib == {"ref": goal_id, "type": "1"}
