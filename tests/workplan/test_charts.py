"""Chart geometry: scales, bars and descriptions."""

import pytest
from django.utils import translation

from workplan.charts import _axis_top, indicator_chart, status_chart
from workplan.models import Activity, Goal, Indicator, Plan
from workplan.selectors import IndicatorSeries, StatusRow


@pytest.mark.parametrize(
    ("value", "top"), [(0, 4), (3, 4), (5, 8), (12, 20), (30, 40), (99, 100), (30000, 40000)]
)
def test_axes_end_on_round_whole_numbers(value, top):
    assert _axis_top(value) == top
    assert top % 4 == 0 or top == 4


def test_status_bars_share_one_scale_and_say_what_they_show():
    with translation.override("en"):
        chart = status_chart(
            [StatusRow("Goal 1", [4, 0, 0, 0, 0]), StatusRow("Goal 2", [1, 1, 0, 0, 0])]
        )
    first, second = chart.bars
    assert first.segments[0].width == chart.BAR_WIDTH  # the longest bar fills the width
    assert [segment.width for segment in second.segments] == [110.0, 110.0]
    assert second.segments[1].x == first.segments[0].x + 110
    assert chart.description == ("Goal 1: Ongoing: 4. Goal 2: Ongoing: 1; To be initiated: 1.")


def test_an_indicator_chart_places_values_baseline_and_target():
    goal = Goal(plan=Plan(), number=7)
    activity = Activity(goal=goal, sequence=1)
    indicator = Indicator(activity=activity, unit_en="visits", baseline_value=10, end_target=30)
    with translation.override("en"):
        chart = indicator_chart(
            IndicatorSeries(indicator, [12, None, 25]), ["2021", "2022", "2023"]
        )
    assert [column.value for column in chart.columns] == ["12", None, "25"]
    assert chart.grid[-1].value == 40 and chart.grid[0].value == 0
    bottom = chart.plot_bottom
    assert chart.columns[0].y == bottom - chart.PLOT_HEIGHT * 12 / 40
    assert chart.columns[1].height == 0
    assert chart.target.y < chart.baseline.y < bottom
    assert chart.description == (
        "Actual values by reporting period, in visits: 2021: 12; 2022: no figure; 2023: 25. "
        "Baseline: 10. Target: 30."
    )
