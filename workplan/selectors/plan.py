"""Reads of the Work Plan page, of one activity's page and of the sitemap: the plan's goals with
their (filtered) activities, an activity with its indicators and their approved actuals."""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Prefetch
from django.http import QueryDict

from library.models import Document
from workplan.filters import ActivityFilter
from workplan.models import (
    Activity,
    ActualBreakdown,
    Goal,
    Indicator,
    Plan,
    ReportingPeriod,
    Target,
)
from workplan.selectors.common import APPROVED, published_actuals


def indicators_with_latest_actual() -> Prefetch:
    """Prefetch of each activity's indicators in order, each with its newest approved actual as
    `indicator.latest_actual` (a list of at most one): two queries for any number of them."""
    newest_first = (
        published_actuals()
        .select_related("period")
        .order_by("indicator_id", "-period__starts_on")
        .distinct("indicator_id")
    )
    return Prefetch(
        "indicators",
        queryset=Indicator.objects.order_by("position", "id").prefetch_related(
            Prefetch("actuals", queryset=newest_first, to_attr="latest_actual")
        ),
    )


def activity_filter(*, plan: Plan, params: QueryDict, goals: list[Goal]) -> ActivityFilter:
    """The plan's activities in number order with their stakeholders and latest progress,
    narrowed by the query string."""
    activities = (
        Activity.objects.filter(goal__plan=plan)
        .select_related("goal")
        .prefetch_related("stakeholders", indicators_with_latest_actual())
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
    latest_report: ReportingPeriod | None = None
    strategic_framework: Document | None = None


def latest_report_period() -> ReportingPeriod | None:
    """The newest approved period: its progress report is the one the Work Plan page links."""
    return ReportingPeriod.objects.approved().order_by("-starts_on").first()


def strategic_framework(*, plan: Plan) -> Document | None:
    """The plan's Strategic Framework Document while it is public (no query when none is set)."""
    if plan.strategic_framework_id is None:
        return None
    return (
        Document.objects.visible_in(Document.PUBLIC_PAGES)
        .filter(pk=plan.strategic_framework_id)
        .defer("search_en", "search_ru")  # never shown
        .first()
    )


def plan_page(*, plan: Plan, params: QueryDict) -> PlanPage:
    """The plan's goals, each with its (filtered) activities; goals left without a matching
    activity are left out while a filter applies; the latest progress report and the Strategic
    Framework Document."""
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
        plan=plan,
        filterset=filterset,
        sections=sections,
        activity_count=len(activities),
        latest_report=latest_report_period(),
        strategic_framework=strategic_framework(plan=plan),
    )


def activity_detail(*, number: str) -> Activity | None:
    """One activity of the current plan, by its number ("1.10"), with its indicators and each
    one's approved actuals newest first (and their breakdown and evidence)."""
    goal_number, sequence = (int(part) for part in number.split("."))
    history = (
        published_actuals()
        .select_related("period", "evidence_document")
        .order_by("-period__starts_on")
    )
    targets = Target.objects.filter(period__report_status=APPROVED).select_related("period")
    indicators = Indicator.objects.order_by("position", "id").prefetch_related(
        Prefetch("actuals", queryset=history), Prefetch("targets", queryset=targets)
    )
    activity = (
        Activity.objects.filter(
            goal__plan__is_current=True, goal__number=goal_number, sequence=sequence
        )
        .select_related("goal__plan")
        .prefetch_related("stakeholders", Prefetch("indicators", queryset=indicators))
        .first()
    )
    if activity is not None:
        # Read in one query whether or not there are actuals, so the page's count is fixed.
        rows = defaultdict(list)
        for row in (
            ActualBreakdown.objects.filter(
                actual__indicator__activity=activity, actual__period__report_status=APPROVED
            )
            .select_related("administration")
            .order_by("administration__code", "sex")
        ):
            rows[row.actual_id].append(row)
        for indicator in activity.indicators.all():
            for actual in indicator.actuals.all():
                actual.breakdown_rows = rows[actual.pk]
    return activity


@dataclass
class IndicatorSeries:
    """A measured indicator's approved actual values, one per period (None: no figure): what
    the activity's page draws of each indicator."""

    indicator: Indicator
    values: list = field(default_factory=list)

    @property
    def activity(self) -> Activity:
        return self.indicator.activity


def activity_numbers() -> list[str]:
    """The numbers ("1.10") of the current plan's activities in plan order, read as plain rows
    (the sitemap lists them all)."""
    rows = (
        Activity.objects.filter(goal__plan__is_current=True)
        .order_by("goal__number", "sequence")
        .values_list("goal__number", "sequence")
    )
    return [f"{goal}.{sequence}" for goal, sequence in rows]
