"""Reads of the IATI file (`/workplan/iati.xml`): the current plan's activities and indicators,
the figures of approved periods in each language, and each goal's budget per year."""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import CharField, Func, QuerySet
from django.db.models.functions import Cast

from workplan.models import (
    Activity,
    Actual,
    BudgetLine,
    Goal,
    Indicator,
    Plan,
    ReportingPeriod,
    Target,
)
from workplan.models.results import figure_text
from workplan.selectors.common import APPROVED


@dataclass
class IatiFigure:
    """An approved target or actual as the IATI file writes it: the figure as text ("12.5",
    "" for none) and its words in each language (a target's note, an actual's narrative)."""

    value: str
    texts: dict[str, str]


@dataclass
class IatiBudget:
    """One year of an activity's budget, for the IATI file's `budget` elements. Nothing fills
    it yet: the budget models come separately, and their selector is to give these."""

    starts_on: datetime.date
    ends_on: datetime.date
    amount: str
    currency: str
    value_date: datetime.date


@dataclass
class IatiPlan:
    """The current plan with what its IATI file publishes: activities in number order, their
    indicators, the approved periods (oldest first) and the approved figures by (indicator,
    period)."""

    plan: Plan
    activities: list[Activity]
    indicators: dict[int, list[Indicator]]
    periods: list[ReportingPeriod]
    targets: dict[tuple[int, int], IatiFigure]
    actuals: dict[tuple[int, int], IatiFigure]
    budgets: dict[int, list[IatiBudget]] = field(default_factory=dict)
    # The goals, each a parent activity in the file carrying the goal's budget per year (the
    # budget is kept per goal, not per activity).
    goals: list[Goal] = field(default_factory=list)
    goal_budgets: dict[int, list[IatiBudget]] = field(default_factory=dict)


def _iati_figures(model, *, plan: Plan, text_field: str) -> dict[tuple[int, int], IatiFigure]:
    """A plan's approved targets or actuals with their words in each language, read as plain
    rows (15,000 of each at scale)."""
    languages = [code for code, _name in settings.LANGUAGES]
    rows = (
        QuerySet(model)
        .filter(indicator__activity__goal__plan=plan, period__report_status=APPROVED)
        .annotate(text=Cast(Func("value", function="trim_scale"), CharField()))
        .values_list(
            "indicator_id", "period_id", "text", *(f"{text_field}_{code}" for code in languages)
        )
    )
    return {
        (indicator_id, period_id): IatiFigure(
            # A translation column is NULL where that language was never written.
            value=text or "",
            texts={code: words or "" for code, words in zip(languages, texts, strict=True)},
        )
        for indicator_id, period_id, text, *texts in rows
    }


def iati_plan(*, plan: Plan) -> IatiPlan:
    """What `/workplan/iati.xml` publishes of the plan, in eight queries: figures of approved
    periods only."""
    activities = list(
        Activity.objects.filter(goal__plan=plan)
        .select_related("goal")
        .order_by("goal__number", "sequence")
    )
    indicators: dict[int, list[Indicator]] = defaultdict(list)
    for indicator in Indicator.objects.filter(activity__goal__plan=plan).order_by(
        "activity_id", "position", "id"
    ):
        indicators[indicator.activity_id].append(indicator)
    return IatiPlan(
        plan=plan,
        activities=activities,
        indicators=indicators,
        periods=list(ReportingPeriod.objects.approved().order_by("starts_on")),
        targets=_iati_figures(Target, plan=plan, text_field="note"),
        actuals=_iati_figures(Actual, plan=plan, text_field="narrative"),
        goals=list(plan.goals.order_by("number")),
        goal_budgets=_iati_goal_budgets(plan),
    )


def _iati_goal_budgets(plan: Plan) -> dict[int, list[IatiBudget]]:
    """Each goal's budget lines as IATI yearly budgets (a budget is a plan of spending, public
    as the dashboard's yearly totals are; what was spent stays with the approved periods)."""
    budgets: dict[int, list[IatiBudget]] = defaultdict(list)
    for line in BudgetLine.objects.filter(goal__plan=plan).order_by("goal_id", "year"):
        start = datetime.date(line.year, 1, 1)
        budgets[line.goal_id].append(
            IatiBudget(
                starts_on=start,
                ends_on=datetime.date(line.year, 12, 31),
                amount=figure_text(line.amount),
                currency=line.currency,
                value_date=start,
            )
        )
    return dict(budgets)
