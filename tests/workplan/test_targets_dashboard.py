"""The dashboard's targets against actuals: every goal's approved targets met, missed or not yet
reported, and one goal's counting indicators, each target beside its actual per approved period,
with the figures in a table and a text alternative, in both languages."""

import datetime

import pytest
from django.utils import translation

from tests.pages import latin_words
from workplan import services
from workplan.charts import target_actual_chart
from workplan.models import Activity, Indicator, ReportingPeriod
from workplan.selectors import TargetSeries

pytestmark = pytest.mark.django_db


def _counting(number: str, *, direction: str = Indicator.Direction.HIGHER) -> Indicator:
    goal, sequence = (int(part) for part in number.split("."))
    indicator = (
        Activity.objects.get(goal__number=goal, sequence=sequence)
        .indicators.order_by("position")
        .first()
    )
    indicator.measure, indicator.direction, indicator.unit_en = "number", direction, "events"
    indicator.unit_ru = "мероприятия"
    indicator.save()
    return indicator


def _period(year: int) -> ReportingPeriod:
    return services.reporting_period_create(
        name={"en": str(year), "ru": str(year)},
        starts_on=datetime.date(year, 1, 1),
        ends_on=datetime.date(year, 12, 31),
    )


@pytest.fixture
def figures(plan):
    """2021 approved: 1.1 met its target, 1.2 (lower is better) missed it, 1.4 has no actual
    yet, 2.1 met it exactly; 2022 in draft, with figures for 1.1."""
    approved, draft = _period(2021), _period(2022)
    first = _counting("1.1")
    for indicator, target, actual in [
        (first, 20, 25),
        (_counting("1.2", direction=Indicator.Direction.LOWER), 5, 7),
        (_counting("1.4"), 10, None),
        (_counting("2.1"), 8, 8),
    ]:
        services.target_set(indicator=indicator, period=approved, value=target)
        if actual is not None:
            services.actual_record(
                indicator=indicator,
                period=approved,
                narratives={"en": "Done."},
                value=actual,
                author=None,
            )
    services.target_set(indicator=first, period=draft, value=9041)
    services.actual_record(
        indicator=first, period=draft, narratives={"en": "Draft."}, value=9042, author=None
    )
    ReportingPeriod.objects.filter(pk=approved.pk).update(report_status="approved")


@pytest.mark.parametrize("language", ["en", "ru"])
def test_each_goal_counts_its_targets_met_and_goal_one_is_drawn(client, figures, language):
    response = client.get(f"/{language}/workplan/progress/")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="targets-chart-indicator-' in html
    assert html.count('<figure class="chart-pair">') == 3  # 1.1, 1.2 and 1.4 of goal 1
    assert "9041" not in html and "9042" not in html  # the draft period stays out
    assert '<td class="number">25</td>' in html  # 1.1's actual, in the table beside its chart
    if language == "ru":
        assert "Цель 1: достигнуто целевых значений: 1 из 3, не достигнуто: 1" in html
        assert latin_words(html) == []
    else:
        assert "Goal 1: 1 of 3 targets met, 1 missed, 1 without an actual yet." in html
        assert "Goal 2: 1 of 1 targets met, 0 missed, 0 without an actual yet." in html
        assert "2021: target 20, actual 25" in html  # 1.1's chart described in words


def test_another_goal_is_chosen_by_its_number(client, figures):
    html = client.get("/en/workplan/progress/", {"goal": "2"}).content.decode()
    assert 'id="targets-chart-indicator-' in html
    assert "Targets and actuals of indicator 2.1" in html
    assert "Targets and actuals of indicator 1.1" not in html
    assert 'aria-current="page">Goal 2</a>' in html


def test_a_goal_that_is_not_in_the_plan_shows_the_first(client, figures):
    for goal in ["x", "²", "0", "99999999999", "-1"]:
        response = client.get("/en/workplan/progress/", {"goal": goal})
        assert response.status_code == 200
        assert "Targets and actuals of indicator 1.1" in response.content.decode()


def test_a_period_s_target_stands_beside_its_actual_on_one_scale():
    indicator = Indicator(unit_en="visits", baseline_value=10, end_target=30)
    with translation.override("en"):
        chart = target_actual_chart(
            TargetSeries(indicator, targets=[20, 30], actuals=[25, None]), ["2021", "2022"]
        )
    first, second = chart.periods
    assert first.target.x + first.target.width < first.actual.x  # side by side, target first
    assert chart.grid[-1].value == 40
    assert first.actual.y == chart.plot_bottom - chart.PLOT_HEIGHT * 25 / 40
    assert second.actual.value is None and second.actual.height == 0
    assert (chart.baseline, chart.end_target) == ("10", "30")
    assert chart.description == (
        "Targets and actuals by reporting period, in visits: 2021: target 20, actual 25; "
        "2022: target 30, actual no figure."
    )
