"""The office's real Work Plan, as the migrations load it."""

import re

import pytest

from workplan.models import Activity, Actual, Goal, Indicator, Stakeholder

pytestmark = pytest.mark.django_db

SEED_NUMBERS = [
    "1.1", "1.2", "1.3", "1.4",
    "2.1", "2.2", "2.3", "2.4", "2.5", "2.6",
    "3.1", "3.2", "3.3", "3.4", "3.5",
    "4.1", "4.2", "4.3", "4.4",
    "5.1", "5.2", "5.3", "5.4",
    "6.1", "6.2",
    "7.1", "7.2",
]  # fmt: skip
TRANSLATED = {
    Goal: ["title", "expected_impact"],
    Activity: ["title", "expected_output", "indicator", "intended_outcome"],
    Actual: ["narrative"],
    Indicator: ["name"],
    Stakeholder: ["name"],
}
CYRILLIC = re.compile(r"[А-Яа-яЁё]")


def get(number: str) -> Activity:
    goal, sequence = number.split(".")
    return Activity.objects.get(goal__plan__is_current=True, goal__number=goal, sequence=sequence)


def test_the_plan_has_its_seven_goals_and_27_activities_in_order(plan):
    assert [goal.number for goal in plan.goals.all()] == [1, 2, 3, 4, 5, 6, 7]
    activities = Activity.objects.filter(goal__plan=plan).select_related("goal")
    assert [activity.number for activity in activities] == SEED_NUMBERS


@pytest.mark.parametrize("model", TRANSLATED)
def test_every_text_has_its_russian_translation(plan, model):
    for obj in model.objects.all():
        for field in TRANSLATED[model]:
            english, russian = getattr(obj, f"{field}_en"), getattr(obj, f"{field}_ru")
            if english:
                assert CYRILLIC.search(russian or ""), (obj, field)
                assert english != russian


def test_goal_one_columns_are_read_in_the_right_order(plan):
    activity = get("1.1")
    assert activity.expected_output_en.startswith("Collecting and examining the needs")
    assert activity.status == Activity.Status.ONGOING
    assert activity.indicator_en == "Number of needs collected and analysed"
    assert activity.intended_outcome_en.startswith("Orchestrated approach")


def test_statuses_keep_their_time_detail(plan):
    initiated = get("5.3")
    assert initiated.status == Activity.Status.INITIATED
    assert (initiated.status_note_en, initiated.status_note_ru) == (
        "in early 2020",
        "в начале 2020 года",
    )
    to_complete = get("2.5")
    assert to_complete.status == Activity.Status.TO_BE_COMPLETED
    assert "2020/2021" in to_complete.status_note_en
    assert "2020–2021" in to_complete.status_note_ru
    assert get("2.4").status == Activity.Status.TO_BE_INITIATED
    assert Activity.objects.filter(status=Activity.Status.ONGOING).count() == 21


def test_stakeholders_are_rows_and_not_applicable_is_none(plan):
    assert list(get("1.3").stakeholders.values_list("slug", flat=True)) == [
        "member-administrations",
        "wco",
        "other-international-organizations",
        "private-sector",
    ]
    assert set(get("5.1").stakeholders.values_list("slug", flat=True)) == {
        "host-administration",
        "member-administrations",
    }
    assert not get("5.4").stakeholders.exists()


def test_summary_progress_is_the_2020_report_approved(plan):
    entries = Actual.objects.select_related("indicator__activity__goal", "period")
    assert sorted(entry.indicator.activity.number for entry in entries) == [
        "1.1", "1.2", "1.3", "1.4", "2.1", "2.2", "2.4", "2.5", "2.6", "7.2",
    ]  # fmt: skip
    assert {(entry.period.name_en, entry.period.report_status) for entry in entries} == {
        ("2020", "approved")
    }
    first = entries.get(indicator__activity=get("1.1"))
    assert first.narrative_en.splitlines() == [
        "Requests for Capacity Building Delivery Needs were collected from the Members.",
        "Needs analysed and forwarded to the WCO Secretariat with suggestions.",
    ]
    assert len(first.narrative_ru.splitlines()) == 2
    assert entries.get(indicator__activity=get("7.2")).narrative_ru == "Выполняется"


def test_every_activity_has_its_indicator_and_counting_ones_their_unit(plan):
    indicators = Indicator.objects.select_related("activity__goal")
    assert sorted(i.activity.number for i in indicators) == sorted(SEED_NUMBERS)
    counting = sorted(i.activity.number for i in indicators if i.measure == "number")
    assert counting == ["1.1", "1.2", "1.4", "2.1", "3.3", "4.2", "7.1", "7.2"]
    visits = indicators.get(activity=get("7.1"))
    assert (visits.unit_en, visits.unit_ru) == ("visits", "посещения")
    assert visits.name_en == get("7.1").indicator_en
