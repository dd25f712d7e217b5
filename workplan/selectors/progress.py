"""Reads of the progress dashboard: the activities of each goal by status, and the approved
targets against the actuals (every goal counted, one goal's indicators drawn period by period).
Targets and actuals of periods not yet approved never show."""

from dataclasses import dataclass

from django.db.models import Count, F, OuterRef, Q, QuerySet, Subquery, Value
from django.utils.translation import gettext as _

from workplan.models import Activity, Actual, Goal, Indicator, Plan, ReportingPeriod, Target
from workplan.selectors.common import APPROVED, STATUSES, StatusRow, status_counts


@dataclass
class Dashboard:
    plan: Plan
    goal_rows: list[StatusRow]
    totals: StatusRow


def dashboard(*, plan: Plan) -> Dashboard:
    """Activities by status per goal (targets against actuals: `targets_against_actuals`)."""
    goals = list(plan.goals.all())
    activities = Activity.objects.filter(goal__plan=plan)
    counts = status_counts(activities, per="goal_id")
    goal_rows = [
        StatusRow(label=_("Goal %(number)s") % {"number": goal.number}, counts=counts[goal.pk])
        for goal in goals
    ]
    totals = StatusRow(
        label=_("All goals"),
        counts=[sum(row.counts[i] for row in goal_rows) for i in range(len(STATUSES))],
    )
    return Dashboard(plan=plan, goal_rows=goal_rows, totals=totals)


# Targets against actuals on the dashboard: indicators that count (numbers and percentages).
COUNTED = [Indicator.Measure.NUMBER, Indicator.Measure.PERCENTAGE]


@dataclass
class GoalTargets:
    """A goal's targets of approved periods: how many there are, how many the actual met, how
    many it missed, how many have no actual yet."""

    goal: Goal
    targets: int
    met: int
    missed: int

    @property
    def unreported(self) -> int:
        return self.targets - self.met - self.missed


@dataclass
class TargetSeries:
    """An indicator's target and actual in each approved period (`TargetsBoard.periods`), as
    decimals (None: none set)."""

    indicator: Indicator
    targets: list
    actuals: list

    @property
    def activity(self) -> Activity:
        return self.indicator.activity


@dataclass
class TargetsBoard:
    goals: list[GoalTargets]
    goal: Goal | None  # the goal whose indicators are drawn
    periods: list[ReportingPeriod]
    series: list[TargetSeries]


def _goal_number(value: str | None) -> int | None:
    if value and value.isascii() and value.isdecimal() and len(value) < 6:
        return int(value)
    return None


def targets_against_actuals(*, plan: Plan, goal: str | None) -> TargetsBoard:
    """Every goal's approved targets counted as met, missed or not reported, and one goal's
    counting indicators with their target and actual per approved period (the first goal when
    `goal` names none of the plan's): five queries, whatever the plan's size."""
    goals = list(plan.goals.all())
    # The actual of the target's indicator and period; compared in the database, one row a goal.
    actual = Subquery(
        QuerySet(Actual)
        .filter(indicator=OuterRef("indicator"), period=OuterRef("period"))
        .values("value")[:1]
    )
    met = Q(indicator__direction=Indicator.Direction.HIGHER, actual__gte=F("value")) | Q(
        indicator__direction=Indicator.Direction.LOWER, actual__lte=F("value")
    )
    counts = {
        row["indicator__activity__goal_id"]: row
        for row in QuerySet(Target)
        .filter(
            indicator__activity__goal__plan=plan,
            indicator__measure__in=COUNTED,
            period__report_status=APPROVED,
            value__isnull=False,
        )
        .annotate(actual=actual)
        .values("indicator__activity__goal_id")
        .annotate(
            targets=Count("id"),
            met=Count("id", filter=met),
            reported=Count("id", filter=Q(actual__isnull=False)),
        )
        .order_by()
    }
    rows = []
    for each in goals:
        row = counts.get(each.pk, {"targets": 0, "met": 0, "reported": 0})
        rows.append(
            GoalTargets(
                goal=each,
                targets=row["targets"],
                met=row["met"],
                missed=row["reported"] - row["met"],
            )
        )

    number = _goal_number(goal)
    chosen = next((each for each in goals if each.number == number), goals[0] if goals else None)
    indicators = list(
        Indicator.objects.filter(activity__goal=chosen, measure__in=COUNTED)
        .select_related("activity__goal")
        .order_by("activity__sequence", "position", "id")
    )

    def figures(model, kind: str) -> QuerySet:
        return (
            QuerySet(model)
            .filter(
                indicator__activity__goal=chosen,
                indicator__measure__in=COUNTED,
                period__report_status=APPROVED,
                value__isnull=False,
            )
            .annotate(kind=Value(kind))
            .values_list("kind", "indicator_id", "period_id", "value")
            .order_by()
        )

    values: dict[tuple[str, int, int], object] = {}
    period_ids = set()
    # Targets and actuals in one query.
    both = figures(Target, "target").union(figures(Actual, "actual"), all=True).order_by()
    for kind, indicator_id, period_id, value in both:
        values[kind, indicator_id, period_id] = value
        period_ids.add(period_id)
    periods = [
        period
        for period in ReportingPeriod.objects.approved().order_by("starts_on")
        if period.pk in period_ids
    ]
    series = [
        TargetSeries(
            indicator=indicator,
            targets=[values.get(("target", indicator.pk, period.pk)) for period in periods],
            actuals=[values.get(("actual", indicator.pk, period.pk)) for period in periods],
        )
        for indicator in indicators
    ]
    return TargetsBoard(goals=rows, goal=chosen, periods=periods, series=series)
