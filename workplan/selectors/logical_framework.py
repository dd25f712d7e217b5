"""Reads of the logframe page and its export: goals, their activities and the activities'
indicators, each with its baseline and the target and actual of every approved period."""

from collections import defaultdict
from dataclasses import dataclass

from django.db.models import CharField, Func, QuerySet
from django.db.models.functions import Cast
from django.http import QueryDict

from workplan.filters import ActivityFilter
from workplan.models import Activity, Actual, Goal, Indicator, Plan, ReportingPeriod, Target
from workplan.selectors.common import APPROVED


@dataclass
class LogframeIndicator:
    """An indicator's row of the logframe: its figures written out, with the target and the
    actual of each approved period (in the order of `Logframe.periods`)."""

    indicator: Indicator
    baseline: str
    end_target: str
    cells: list[tuple[str, str]]  # (target, actual) per period, "" where none


@dataclass
class LogframeActivity:
    activity: Activity
    indicators: list[LogframeIndicator]


@dataclass
class LogframeGoal:
    goal: Goal
    activities: list[LogframeActivity]


@dataclass
class Logframe:
    plan: Plan
    filterset: ActivityFilter
    periods: list[ReportingPeriod]
    goals: list[LogframeGoal]
    indicator_count: int

    def rows(self):
        """Every indicator with its activity and goal, in plan order (for the export)."""
        for section in self.goals:
            for entry in section.activities:
                for row in entry.indicators:
                    yield section.goal, entry.activity, row


def logframe(*, plan: Plan, params: QueryDict) -> Logframe:
    """Goals, their (filtered) activities and the activities' indicators, each with its
    baseline and the target and actual of every approved period, in six queries."""
    goals = list(plan.goals.all())
    filterset = ActivityFilter(
        params,
        queryset=Activity.objects.filter(goal__plan=plan)
        .select_related("goal")
        .order_by("goal__number", "sequence"),
        goals=goals,
    )
    activities = list(filterset.qs)
    indicators = list(
        Indicator.objects.filter(activity__in=[activity.pk for activity in activities]).order_by(
            "activity_id", "position", "id"
        )
    )
    periods = list(ReportingPeriod.objects.approved().order_by("starts_on"))
    by_id = {indicator.pk: indicator for indicator in indicators}
    targets: dict[tuple[int, int], str] = {}
    actuals: dict[tuple[int, int], str] = {}
    # Tens of thousands of figures, a few hundred distinct ones: each written out once.
    shown: dict[tuple[str, str], str] = {}
    for store, model in ((targets, Target), (actuals, Actual)):
        # Tens of thousands of rows at scale: read as text, trailing zeros trimmed by the
        # database, through a plain queryset (modeltranslation's rewrites cost more than the
        # query), and every approved figure of the plan (a join, not a list of ids).
        rows = (
            QuerySet(model)
            .filter(
                indicator__activity__goal__plan=plan,
                period__report_status=APPROVED,
                value__isnull=False,
            )
            .annotate(text=Cast(Func("value", function="trim_scale"), CharField()))
            .values_list("indicator_id", "period_id", "text")
        )
        for indicator_id, period_id, text in rows:
            indicator = by_id.get(indicator_id)
            if indicator is not None:
                figure = shown.get((indicator.measure, text))
                if figure is None:
                    figure = shown[indicator.measure, text] = indicator.display_text(text)
                store[indicator_id, period_id] = figure

    period_ids = [period.pk for period in periods]
    per_activity: dict[int, list[LogframeIndicator]] = defaultdict(list)
    for indicator in indicators:
        pk = indicator.pk
        per_activity[indicator.activity_id].append(
            LogframeIndicator(
                indicator=indicator,
                baseline=indicator.display(indicator.baseline_value),
                end_target=indicator.display(indicator.end_target),
                cells=[
                    (targets.get((pk, period_id), ""), actuals.get((pk, period_id), ""))
                    for period_id in period_ids
                ],
            )
        )
    per_goal: dict[int, list[LogframeActivity]] = defaultdict(list)
    for activity in activities:
        per_goal[activity.goal_id].append(
            LogframeActivity(activity=activity, indicators=per_activity[activity.pk])
        )
    filtering = bool(filterset.active_params)
    sections = [
        LogframeGoal(goal=goal, activities=per_goal[goal.pk])
        for goal in goals
        if per_goal[goal.pk] or not filtering
    ]
    return Logframe(
        plan=plan,
        filterset=filterset,
        periods=periods,
        goals=sections,
        indicator_count=len(indicators),
    )
