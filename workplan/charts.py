"""Geometry of the dashboard's charts, drawn as SVG by the templates.

Charts are computed here and rendered on the server: they need no JavaScript, print like the
rest of the page, and carry a title and a description for screen readers; the same numbers
stand in a table beside each chart. Colours come from CSS classes (no inline styles under the
content security policy); each status also has its own label, so colour is never the only cue.
"""

import math
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from workplan.models import Actual, Indicator
from workplan.models.results import figure_text
from workplan.selectors import (
    RESULTS,
    STATUSES,
    GoalTargets,
    IndicatorSeries,
    StatusRow,
    TargetSeries,
)

# The arithmetic of every chart of horizontal bars: the statuses, the results, the targets and the
# budget's (`workplan.budget_charts`).


@dataclass(frozen=True)
class BarChart:
    """Horizontal bars, one a row, on one scale, labelled at the left; each kind of chart sets
    its own sizes (in pixels)."""

    LABEL_WIDTH = 90
    BAR_WIDTH = 440
    BAR_HEIGHT = 22
    ROW_HEIGHT = 32

    bars: list
    description: str

    @property
    def height(self) -> int:
        return len(self.bars) * self.ROW_HEIGHT + 8

    @property
    def bar_height(self) -> int:
        return self.BAR_HEIGHT

    @property
    def label_width(self) -> int:
        return self.LABEL_WIDTH

    @classmethod
    def row_y(cls, index: int) -> int:
        """The top of the bar of that row (from 0)."""
        return index * cls.ROW_HEIGHT + 4

    @classmethod
    def scale(cls, totals: Iterable) -> float:
        """Pixels a unit, so that the largest of the totals fills the bar's width."""
        return cls.BAR_WIDTH / float(max(totals, default=0) or 1)


def bar_length(value, unit: float) -> float:
    """A value's length on a chart of that scale (`BarChart.scale`), to a tenth of a pixel."""
    return round(float(value) * unit, 1)


def stack(items: Iterable[tuple[Any, Any]], *, unit: float, start: float) -> tuple[list, float]:
    """The segments of one stacked bar: the (item, value) pairs whose value is not zero, end to
    end from `start`, each as (item, value, x, width); and the x where the bar ends."""
    x = float(start)
    segments = []
    for item, value in items:
        if value:
            width = bar_length(value, unit)
            segments.append((item, value, x, width))
            x = round(x + width, 1)
    return segments, x


@dataclass(frozen=True)
class Segment:
    status: str
    label: str
    count: int
    x: float
    width: float

    @property
    def label_x(self) -> float:
        return round(self.x + self.width / 2, 1)

    @property
    def shows_count(self) -> bool:
        """Whether the count fits inside the segment."""
        return self.width >= 16


@dataclass(frozen=True)
class StackedBar:
    label: str
    total: int
    y: float
    segments: list[Segment]
    end_x: float

    @property
    def label_y(self) -> float:
        return self.y + StatusChart.BAR_HEIGHT / 2


@dataclass(frozen=True)
class StatusChart(BarChart):
    """Horizontal bars, one per goal, split by status, on one scale (of `StackedBar`s)."""

    width = BarChart.LABEL_WIDTH + BarChart.BAR_WIDTH + 40


def _counts_text(row: StatusRow, categories, empty: str) -> str:
    parts = [
        _("%(status)s: %(count)s") % {"status": category.label, "count": count}
        for category, count in zip(categories, row.counts, strict=True)
        if count
    ]
    return "; ".join(parts) if parts else empty


def _stacked_chart(rows: list[StatusRow], categories, *, empty: str) -> StatusChart:
    """One bar per row, split by category (choices whose order the rows' counts follow)."""
    unit = StatusChart.scale(row.total for row in rows)
    bars = []
    for index, row in enumerate(rows):
        placed, end = stack(
            zip(categories, row.counts, strict=True), unit=unit, start=StatusChart.LABEL_WIDTH
        )
        bars.append(
            StackedBar(
                label=row.label,
                total=row.total,
                y=StatusChart.row_y(index),
                segments=[
                    Segment(
                        status=category.value, label=category.label, count=count, x=x, width=width
                    )
                    for category, count, x, width in placed
                ],
                end_x=end + 6,
            )
        )
    description = " ".join(
        _("%(label)s: %(counts)s.")
        % {"label": row.label, "counts": _counts_text(row, categories, empty)}
        for row in rows
    )
    return StatusChart(bars=bars, description=description)


def status_chart(rows: list[StatusRow]) -> StatusChart:
    """Activities of each goal by status."""
    return _stacked_chart(rows, STATUSES, empty=_("no activities"))


def result_chart(rows: list[StatusRow]) -> StatusChart:
    """Indicators of each goal by their result in a period (the progress report)."""
    return _stacked_chart(rows, RESULTS, empty=_("no indicators"))


def _axis_top(value: int) -> int:
    """The top of a value axis in four equal, round, whole-number steps."""
    quarter = max(value, 1) / 4
    magnitude = 10 ** math.floor(math.log10(quarter)) if quarter >= 1 else 1
    steps = (1, 2, 2.5, 5, 10) if magnitude >= 10 else (1, 2, 5, 10)  # whole-number ticks
    return int(4 * next(step * magnitude for step in steps if step * magnitude >= quarter))


@dataclass(frozen=True)
class Column:
    label: str
    value: str | None  # the figure as written
    x: float
    y: float
    width: float
    height: float

    @property
    def center_x(self) -> float:
        return round(self.x + self.width / 2, 1)

    @property
    def value_y(self) -> float:
        return round(self.y - 5, 1)


@dataclass(frozen=True)
class Level:
    """A horizontal line across the plot: a grid line, the baseline or the target."""

    value: int | str
    y: float


class ColumnPlot:
    """The frame of a chart of columns, one slot a reporting period, over a value axis of four
    equal steps from 0 to `top`; each kind of chart sets its right margin (in pixels)."""

    LEFT = 48
    TOP = 16
    PLOT_WIDTH = 420
    PLOT_HEIGHT = 160
    RIGHT = 0
    height = TOP + PLOT_HEIGHT + 36

    @property
    def width(self) -> int:
        return self.LEFT + self.PLOT_WIDTH + self.RIGHT

    @property
    def plot_left(self) -> int:
        return self.LEFT

    @property
    def plot_right(self) -> int:
        return self.LEFT + self.PLOT_WIDTH

    @property
    def plot_bottom(self) -> int:
        return self.TOP + self.PLOT_HEIGHT

    @property
    def axis_label_y(self) -> int:
        return self.plot_bottom + 20

    @property
    def tick_label_x(self) -> int:
        return self.LEFT - 6

    @property
    def missing_y(self) -> int:
        return self.plot_bottom - 5

    @classmethod
    def y_of(cls, value, top: int) -> float:
        """Where a value stands on the axis."""
        return round(cls.TOP + cls.PLOT_HEIGHT * (1 - float(value) / top), 1)

    @classmethod
    def grid_lines(cls, top: int) -> list[Level]:
        """The axis's five lines, 0 to `top`."""
        return [Level(value=top * step // 4, y=cls.y_of(top * step // 4, top)) for step in range(5)]

    @classmethod
    def column(cls, label: str, value, *, x: float, width: float, top: int) -> Column:
        """A value's column (none drawn where there is no value)."""
        y = cls.y_of(value, top) if value is not None else cls.TOP + cls.PLOT_HEIGHT
        return Column(
            label=label,
            value=None if value is None else figure_text(value),
            x=x,
            y=y,
            width=width,
            height=round(cls.TOP + cls.PLOT_HEIGHT - y, 1),
        )


@dataclass(frozen=True)
class IndicatorChart(ColumnPlot):
    """Columns of the actual value per reporting period, with the baseline and the target."""

    RIGHT = 110

    columns: list[Column]
    grid: list[Level]
    baseline: Level | None
    target: Level | None
    unit: str
    description: str

    @property
    def has_figures(self) -> bool:
        return any(column.value is not None for column in self.columns)

    @property
    def level_label_x(self) -> int:
        return self.plot_right + 6

    @property
    def target_label_y(self) -> float:
        """Above the target's line when the baseline's label would sit too close."""
        if self.target is None:
            return 0
        if self.baseline is not None and abs(self.target.y - self.baseline.y) < 14:
            return round(min(self.target.y, self.baseline.y) - 7, 1)
        return self.target.y

    @property
    def baseline_label_y(self) -> float:
        """Below the baseline's line when the target's label would sit too close."""
        if self.baseline is None:
            return 0
        if self.target is not None and abs(self.target.y - self.baseline.y) < 14:
            return round(max(self.target.y, self.baseline.y) + 7, 1)
        return self.baseline.y


def indicator_chart(series: IndicatorSeries, period_names: list[str]) -> IndicatorChart:
    indicator = series.indicator
    known = [value for value in series.values if value is not None]
    baseline, target = indicator.baseline_value, indicator.end_target
    top = _axis_top(math.ceil(max([*known, baseline or 0, target or 0])))
    chart = IndicatorChart
    slot = chart.PLOT_WIDTH / max(len(period_names), 1)
    bar_width = round(min(slot * 0.6, 48), 1)
    columns = [
        chart.column(
            name,
            value,
            x=round(chart.LEFT + slot * index + (slot - bar_width) / 2, 1),
            width=bar_width,
            top=top,
        )
        for index, (name, value) in enumerate(zip(period_names, series.values, strict=True))
    ]

    def level(value) -> Level | None:
        return None if value is None else Level(value=figure_text(value), y=chart.y_of(value, top))

    values_text = "; ".join(
        _("%(period)s: %(value)s") % {"period": name, "value": _figure(value)}
        for name, value in zip(period_names, series.values, strict=True)
    )
    unit = indicator.unit or indicator.get_measure_display()
    description = _("Actual values by reporting period, in %(unit)s: %(values)s.") % {
        "unit": unit,
        "values": values_text or _("none yet"),
    }
    if baseline is not None:
        description += " " + _("Baseline: %(value)s.") % {"value": figure_text(baseline)}
    if target is not None:
        description += " " + _("Target: %(value)s.") % {"value": figure_text(target)}
    return IndicatorChart(
        columns=columns,
        grid=chart.grid_lines(top),
        baseline=level(baseline),
        target=level(target),
        unit=unit,
        description=description,
    )


def history_chart(indicator: Indicator, history: list[Actual]) -> IndicatorChart | None:
    """The chart of one indicator's approved figures, oldest period first; None when it has
    none (or is described in words)."""
    if not indicator.is_quantitative or all(actual.value is None for actual in history):
        return None
    ordered = sorted(history, key=lambda actual: actual.period.starts_on)
    return indicator_chart(
        IndicatorSeries(indicator=indicator, values=[actual.value for actual in ordered]),
        [actual.period.name for actual in ordered],
    )


def _figure(value) -> str:
    return _("no figure") if value is None else figure_text(value)


# Targets against actuals (the dashboard's second section).

TARGET_OUTCOMES = [
    ("target_met", gettext_lazy("Target met")),
    ("target_missed", gettext_lazy("Target missed")),
    ("target_unreported", gettext_lazy("No actual yet")),
]


def target_summary_chart(rows: list[GoalTargets]) -> StatusChart:
    """One bar per goal: its approved targets split into met, missed and not yet reported."""
    unit = StatusChart.scale(row.targets for row in rows)
    bars = []
    for index, row in enumerate(rows):
        counts = (row.met, row.missed, row.unreported)
        placed, end = stack(
            zip(TARGET_OUTCOMES, counts, strict=True), unit=unit, start=StatusChart.LABEL_WIDTH
        )
        bars.append(
            StackedBar(
                label=_("Goal %(number)s") % {"number": row.goal.number},
                total=row.targets,
                y=StatusChart.row_y(index),
                segments=[
                    Segment(status=outcome, label=str(label), count=count, x=x, width=width)
                    for (outcome, label), count, x, width in placed
                ],
                end_x=end + 6,
            )
        )
    description = " ".join(
        _(
            "Goal %(number)s: %(met)s of %(targets)s targets met, %(missed)s missed, "
            "%(unreported)s without an actual yet."
        )
        % {
            "number": row.goal.number,
            "targets": row.targets,
            "met": row.met,
            "missed": row.missed,
            "unreported": row.unreported,
        }
        for row in rows
    )
    return StatusChart(bars=bars, description=description)


@dataclass(frozen=True)
class PairedColumn:
    """A period's target and actual side by side (either may be missing)."""

    label: str
    target: Column
    actual: Column
    center_x: float

    @property
    def columns(self) -> list[tuple[Column, str]]:
        """The two columns with the CSS class each is drawn with."""
        return [(self.target, "target-column"), (self.actual, "actual")]


@dataclass(frozen=True)
class TargetActualChart(ColumnPlot):
    """For each approved period, the target (an outlined column) beside the actual (filled)."""

    RIGHT = 12

    periods: list[PairedColumn]
    grid: list[Level]
    unit: str
    description: str
    shows_values: bool  # whether the figures fit above the columns (they are in the table)
    baseline: str  # the indicator's baseline and target at the plan's end, "" where not set
    end_target: str

    @property
    def has_figures(self) -> bool:
        return any(
            column.value is not None
            for period in self.periods
            for column in (period.target, period.actual)
        )


def target_actual_chart(series: TargetSeries, period_names: list[str]) -> TargetActualChart:
    chart = TargetActualChart
    known = [value for value in (*series.targets, *series.actuals) if value is not None]
    top = _axis_top(math.ceil(max(known, default=0)))
    slot = chart.PLOT_WIDTH / max(len(period_names), 1)
    bar_width = round(min(slot * 0.35, 28), 1)

    def column(label: str, value, x: float) -> Column:
        return chart.column(label, value, x=x, width=bar_width, top=top)

    periods = []
    for index, (name, target, actual) in enumerate(
        zip(period_names, series.targets, series.actuals, strict=True)
    ):
        center = chart.LEFT + slot * index + slot / 2
        periods.append(
            PairedColumn(
                label=name,
                target=column(name, target, round(center - bar_width - 1, 1)),
                actual=column(name, actual, round(center + 1, 1)),
                center_x=round(center, 1),
            )
        )
    indicator = series.indicator
    unit = indicator.unit or indicator.get_measure_display()
    values_text = "; ".join(
        _("%(period)s: target %(target)s, actual %(actual)s")
        % {"period": name, "target": _figure(target), "actual": _figure(actual)}
        for name, target, actual in zip(period_names, series.targets, series.actuals, strict=True)
    )
    description = _("Targets and actuals by reporting period, in %(unit)s: %(values)s.") % {
        "unit": unit,
        "values": values_text or _("none yet"),
    }
    return TargetActualChart(
        periods=periods,
        grid=chart.grid_lines(top),
        unit=unit,
        description=description,
        shows_values=bar_width >= 24,
        baseline=indicator.display(indicator.baseline_value),
        end_target=indicator.display(indicator.end_target),
    )
