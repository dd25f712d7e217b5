"""Reads of the work plan for the public pages, the exports and the home page.

Each selector runs a fixed number of queries whatever the plan's size.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Prefetch, Q, QuerySet
from django.http import QueryDict
from django.utils.translation import gettext as _

from workplan.filters import ActivityFilter
from workplan.models import Activity, Goal, Plan, ProgressEntry, ReportingPeriod

STATUSES = list(Activity.Status)


def current_plan() -> Plan | None:
    """The plan the public pages show."""
    return Plan.objects.current().first()


def latest_progress() -> Prefetch:
    """Prefetch of each activity's newest progress entry, as `activity.latest_progress` (a list
    of at most one), in one query for any number of activities."""
    newest_first = (
        ProgressEntry.objects.select_related("period")
        .order_by("activity_id", "-period__starts_on")
        .distinct("activity_id")
    )
    return Prefetch("progress_entries", queryset=newest_first, to_attr="latest_progress")


def activity_filter(*, plan: Plan, params: QueryDict, goals: list[Goal]) -> ActivityFilter:
    """The plan's activities in number order with their stakeholders and latest progress,
    narrowed by the query string."""
    activities = (
        Activity.objects.filter(goal__plan=plan)
        .select_related("goal")
        .prefetch_related("stakeholders", latest_progress())
        .order_by("goal__number", "sequence")
    )
    return ActivityFilter(params, queryset=activities, goals=goals)


@dataclass
class GoalSection:
    goal: Goal
    activities: list[Activity]


@dataclass
class PlanPage:
    plan: Plan
    filterset: ActivityFilter
    sections: list[GoalSection]
    activity_count: int


def plan_page(*, plan: Plan, params: QueryDict) -> PlanPage:
    """The plan's goals, each with its (filtered) activities; goals left without a matching
    activity are left out while a filter applies."""
    goals = list(plan.goals.all())
    filterset = activity_filter(plan=plan, params=params, goals=goals)
    by_goal: dict[int, list[Activity]] = defaultdict(list)
    activities = list(filterset.qs)
    for activity in activities:
        by_goal[activity.goal_id].append(activity)
    filtering = bool(filterset.active_params)
    sections = [
        GoalSection(goal=goal, activities=by_goal[goal.pk])
        for goal in goals
        if by_goal[goal.pk] or not filtering
    ]
    return PlanPage(
        plan=plan, filterset=filterset, sections=sections, activity_count=len(activities)
    )


def activity_detail(*, number: str) -> Activity | None:
    """One activity of the current plan, by its number ("1.10"), with its progress history
    newest first."""
    goal_number, sequence = (int(part) for part in number.split("."))
    history = ProgressEntry.objects.select_related("period").order_by("-period__starts_on")
    return (
        Activity.objects.filter(
            goal__plan__is_current=True, goal__number=goal_number, sequence=sequence
        )
        .select_related("goal__plan")
        .prefetch_related("stakeholders", Prefetch("progress_entries", queryset=history))
        .first()
    )


@dataclass
class StatusRow:
    """How many activities of a goal (or of the whole plan) are in each status."""

    label: str
    counts: list[int]

    @property
    def total(self) -> int:
        return sum(self.counts)


@dataclass
class IndicatorSeries:
    """A countable indicator's actual values, one per reporting period (None: no figure)."""

    activity: Activity
    values: list[int | None] = field(default_factory=list)


@dataclass
class Dashboard:
    plan: Plan
    goal_rows: list[StatusRow]
    totals: StatusRow
    periods: list[ReportingPeriod]
    indicators: list[IndicatorSeries]


def _status_counts(activities: QuerySet[Activity], *, per: str | None = None) -> dict:
    """Activities counted by status (in STATUSES order), per value of `per` (all under None)."""
    counts: dict = defaultdict(lambda: [0] * len(STATUSES))
    group = [per, "status"] if per else ["status"]
    for row in activities.values(*group).annotate(n=Count("id")).order_by():
        counts[row.get(per)][STATUSES.index(row["status"])] = row["n"]
    return counts


def dashboard(*, plan: Plan) -> Dashboard:
    """Activities by status per goal, and the countable indicators' values per period."""
    goals = list(plan.goals.all())
    activities = Activity.objects.filter(goal__plan=plan)
    counts = _status_counts(activities, per="goal_id")
    goal_rows = [
        StatusRow(label=_("Goal %(number)s") % {"number": goal.number}, counts=counts[goal.pk])
        for goal in goals
    ]
    totals = StatusRow(
        label=_("All goals"),
        counts=[sum(row.counts[i] for row in goal_rows) for i in range(len(STATUSES))],
    )

    countable = list(
        activities.exclude(Q(unit_en="") | Q(unit_en__isnull=True))
        .select_related("goal")
        .order_by("goal__number", "sequence")
    )
    figures = ProgressEntry.objects.filter(
        activity__in=[activity.pk for activity in countable], value__isnull=False
    ).select_related("period")
    values: dict[tuple[int, int], int] = {}
    periods: dict[int, ReportingPeriod] = {}
    for entry in figures:
        values[entry.activity_id, entry.period_id] = entry.value
        periods[entry.period_id] = entry.period
    ordered_periods = sorted(periods.values(), key=lambda period: period.starts_on)
    indicators = [
        IndicatorSeries(
            activity=activity,
            values=[values.get((activity.pk, period.pk)) for period in ordered_periods],
        )
        for activity in countable
    ]
    return Dashboard(
        plan=plan,
        goal_rows=goal_rows,
        totals=totals,
        periods=ordered_periods,
        indicators=indicators,
    )


@dataclass
class Glance:
    """The current plan in a few figures, for the home page."""

    plan: Plan
    goal_count: int
    totals: StatusRow
    latest_period: ReportingPeriod | None

    @property
    def statuses(self) -> list[tuple[Activity.Status, int]]:
        return [
            (status, count)
            for status, count in zip(STATUSES, self.totals.counts, strict=True)
            if count
        ]


def plan_at_a_glance() -> Glance | None:
    """The current plan's activities by status and its latest reporting period."""
    plan = current_plan()
    if plan is None:
        return None
    activities = Activity.objects.filter(goal__plan=plan)
    counts = _status_counts(activities)
    latest_period = (
        ReportingPeriod.objects.filter(progress_entries__activity__goal__plan=plan)
        .order_by("-starts_on")
        .first()
    )
    return Glance(
        plan=plan,
        goal_count=plan.goals.count(),
        totals=StatusRow(label=_("All goals"), counts=counts[None]),
        latest_period=latest_period,
    )


def activity_numbers() -> list[str]:
    """The numbers ("1.10") of the current plan's activities in plan order, read as plain rows
    (the sitemap lists them all)."""
    rows = (
        Activity.objects.filter(goal__plan__is_current=True)
        .order_by("goal__number", "sequence")
        .values_list("goal__number", "sequence")
    )
    return [f"{goal}.{sequence}" for goal, sequence in rows]
