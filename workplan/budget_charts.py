"""Geometry of the budget's charts, drawn as SVG by the templates (as `workplan.charts`): budget
against spending per goal, and contributions per year by kind of source.

Each chart carries a title and a description that says every figure; the same figures stand in a
table beside it. Colours come from CSS classes, and each kind of bar also differs in shape
(outlined budget, filled spending) or is named in the legend and the table.
"""

from dataclasses import dataclass
from decimal import Decimal

from django.utils.formats import number_format
from django.utils.translation import gettext as _

from workplan.budget_selectors import GoalExecution, SourceShare
from workplan.charts import BarChart, bar_length, stack


def money(value: Decimal | None) -> str:
    """An amount as the page's language writes it: grouped, cents only where there are any."""
    if value is None:
        return ""
    places = 0 if value == value.to_integral_value() else 2
    return number_format(value, decimal_pos=places, use_l10n=True, force_grouping=True)


@dataclass(frozen=True)
class ExecutionBar:
    label: str
    y: float
    budget_width: float
    spent_width: float
    text: str  # "80%", or the amount spent where nothing was budgeted

    @property
    def spent_y(self) -> float:
        return self.y + ExecutionChart.BAR_HEIGHT

    @property
    def label_y(self) -> float:
        return self.y + ExecutionChart.BAR_HEIGHT

    @property
    def text_x(self) -> float:
        return ExecutionChart.LABEL_WIDTH + max(self.budget_width, self.spent_width) + 6


@dataclass(frozen=True)
class ExecutionChart(BarChart):
    """Per goal, an outlined bar for the budget and a filled one for the spending below it (of
    `ExecutionBar`s)."""

    LABEL_WIDTH = 80
    BAR_WIDTH = 400
    BAR_HEIGHT = 12
    ROW_HEIGHT = 36
    width = LABEL_WIDTH + BAR_WIDTH + 60


def execution_text(row: GoalExecution, currency: str) -> str:
    figures = {"label": row.label, "budgeted": money(row.budgeted), "spent": money(row.spent)}
    if row.execution is None:
        return _("%(label)s: nothing budgeted, %(spent)s spent.") % figures
    return _("%(label)s: %(budgeted)s budgeted, %(spent)s spent (%(percent)s%%).") % {
        **figures,
        "percent": row.execution,
    }


def execution_chart(rows: list[GoalExecution], *, currency: str) -> ExecutionChart:
    unit = ExecutionChart.scale([*(row.budgeted for row in rows), *(row.spent for row in rows)])
    bars = [
        ExecutionBar(
            label=row.label,
            y=ExecutionChart.row_y(index),
            budget_width=bar_length(row.budgeted, unit),
            spent_width=bar_length(row.spent, unit),
            text=f"{row.execution}%" if row.execution is not None else money(row.spent),
        )
        for index, row in enumerate(rows)
    ]
    description = _("Amounts in %(currency)s.") % {"currency": currency}
    description += " " + " ".join(execution_text(row, currency) for row in rows)
    return ExecutionChart(bars=bars, description=description)


@dataclass(frozen=True)
class ShareSegment:
    source: str
    label: str
    amount: str
    x: float
    width: float


@dataclass(frozen=True)
class ShareBar:
    label: str
    total: str
    y: float
    segments: list[ShareSegment]
    end_x: float

    @property
    def label_y(self) -> float:
        return self.y + ContributionsChart.BAR_HEIGHT / 2


@dataclass(frozen=True)
class ContributionsChart(BarChart):
    """Per year, one bar split by kind of source, on one scale (of `ShareBar`s)."""

    LABEL_WIDTH = 50
    BAR_WIDTH = 400
    width = LABEL_WIDTH + BAR_WIDTH + 90


def contributions_chart(
    years: list[tuple[int, list[SourceShare]]], *, currency: str
) -> ContributionsChart:
    totals = [sum((share.amount for share in shares), Decimal(0)) for _year, shares in years]
    unit = ContributionsChart.scale(totals)
    bars, texts = [], []
    for index, ((year, shares), total) in enumerate(zip(years, totals, strict=True)):
        placed, end = stack(
            ((share, share.amount) for share in shares),
            unit=unit,
            start=ContributionsChart.LABEL_WIDTH,
        )
        segments = [
            ShareSegment(
                source=share.source.value,
                label=str(share.source.label),
                amount=money(amount),
                x=x,
                width=width,
            )
            for share, amount, x, width in placed
        ]
        bars.append(
            ShareBar(
                label=str(year),
                total=money(total),
                y=ContributionsChart.row_y(index),
                segments=segments,
                end_x=end + 6,
            )
        )
        parts = "; ".join(f"{segment.label}: {segment.amount}" for segment in segments)
        texts.append(
            _("%(year)s: %(total)s in all (%(parts)s).")
            % {"year": year, "total": money(total), "parts": parts or _("none")}
        )
    description = _("Amounts in %(currency)s.") % {"currency": currency}
    return ContributionsChart(bars=bars, description=" ".join([description, *texts]))
