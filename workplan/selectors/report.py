"""Reads of an approved period's progress report (the page, its PDF, the sitemap's list): every
goal, activity and indicator with the period's target, actual and result."""

from collections import defaultdict
from dataclasses import dataclass

from django.db.models import TextChoices
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from workplan.models import (
    Activity,
    Actual,
    ActualBreakdown,
    Goal,
    Indicator,
    Plan,
    ReportingPeriod,
    Target,
)
from workplan.selectors.common import StatusRow


class Result(TextChoices):
    """How an indicator did in a period, as the progress report counts it."""

    MET = "met", gettext_lazy("Target met")
    BELOW = "below", gettext_lazy("Below the target")
    NO_TARGET = "no_target", gettext_lazy("No target for the period")
    IN_WORDS = "in_words", gettext_lazy("Reported in words")
    NOT_REPORTED = "not_reported", gettext_lazy("Not reported")


RESULTS = list(Result)


def indicator_result(indicator: Indicator, target: Target | None, actual: Actual | None) -> str:
    """Whether the period's actual reached its target, in the indicator's direction."""
    if actual is None:
        return Result.NOT_REPORTED
    if actual.value is None:
        return Result.IN_WORDS
    if target is None or target.value is None:
        return Result.NO_TARGET
    if indicator.direction == Indicator.Direction.LOWER:
        return Result.MET if actual.value <= target.value else Result.BELOW
    return Result.MET if actual.value >= target.value else Result.BELOW


@dataclass
class ReportIndicator:
    indicator: Indicator
    target: Target | None
    actual: Actual | None
    result: str
    breakdown: list[ActualBreakdown]

    @property
    def result_label(self) -> str:
        return Result(self.result).label


@dataclass
class ReportActivity:
    activity: Activity
    indicators: list[ReportIndicator]


@dataclass
class ReportGoal:
    goal: Goal
    activities: list[ReportActivity]
    results: StatusRow  # the goal's indicators counted by result, in RESULTS order


@dataclass
class PeriodReport:
    plan: Plan
    period: ReportingPeriod
    goals: list[ReportGoal]
    totals: StatusRow
    other_periods: list[ReportingPeriod]  # the other approved periods, newest first

    @property
    def indicator_count(self) -> int:
        return self.totals.total

    @property
    def goal_rows(self) -> list[StatusRow]:
        """Each goal's indicators counted by result (the dashboard's table has the same rows)."""
        return [section.results for section in self.goals]


def report_identifiers() -> list[str]:
    """The identifiers of the approved periods, newest first: each has a progress report."""
    periods = ReportingPeriod.objects.approved().order_by("-starts_on").only("name_en", "starts_on")
    return [period.identifier for period in periods]


def approved_period(*, identifier: str) -> tuple[ReportingPeriod | None, list[ReportingPeriod]]:
    """The approved period of that identifier ("2021"), or None, and the other approved
    periods newest first; one query (periods are few)."""
    periods = list(ReportingPeriod.objects.approved().order_by("-starts_on"))
    found = next((period for period in periods if period.identifier == identifier), None)
    return found, [period for period in periods if period != found]


def period_report(*, plan: Plan, identifier: str) -> PeriodReport | None:
    """The progress report of an approved period: every goal and activity of the plan, each
    indicator with its baseline and the period's target, actual (narrative, evidence,
    breakdown) and result; None for a period that is unknown or not approved. Seven queries
    whatever the plan's size."""
    period, others = approved_period(identifier=identifier)
    if period is None:
        return None
    goals = list(plan.goals.all())
    activities = list(
        Activity.objects.filter(goal__plan=plan)
        .select_related("goal")
        .order_by("goal__number", "sequence")
    )
    indicators = list(
        Indicator.objects.filter(activity__goal__plan=plan).order_by(
            "activity_id", "position", "id"
        )
    )
    of_plan = {"indicator__activity__goal__plan": plan, "period": period}
    targets = {target.indicator_id: target for target in Target.objects.filter(**of_plan)}
    actuals = {
        actual.indicator_id: actual
        for actual in Actual.objects.filter(**of_plan).select_related("evidence_document")
    }
    breakdown: dict[int, list[ActualBreakdown]] = defaultdict(list)
    for row in (
        ActualBreakdown.objects.filter(
            actual__indicator__activity__goal__plan=plan, actual__period=period
        )
        .select_related("administration")
        .order_by("actual_id", "administration__code", "sex")
    ):
        breakdown[row.actual_id].append(row)

    per_activity: dict[int, list[ReportIndicator]] = defaultdict(list)
    for indicator in indicators:
        target, actual = targets.get(indicator.pk), actuals.get(indicator.pk)
        per_activity[indicator.activity_id].append(
            ReportIndicator(
                indicator=indicator,
                target=target,
                actual=actual,
                result=indicator_result(indicator, target, actual),
                breakdown=breakdown[actual.pk] if actual else [],
            )
        )
    per_goal: dict[int, list[ReportActivity]] = defaultdict(list)
    for activity in activities:
        per_goal[activity.goal_id].append(
            ReportActivity(activity=activity, indicators=per_activity[activity.pk])
        )
    sections = []
    for goal in goals:
        counts = [0] * len(RESULTS)
        for entry in per_goal[goal.pk]:
            for row in entry.indicators:
                counts[RESULTS.index(row.result)] += 1
        sections.append(
            ReportGoal(
                goal=goal,
                activities=per_goal[goal.pk],
                results=StatusRow(
                    label=_("Goal %(number)s") % {"number": goal.number}, counts=counts
                ),
            )
        )
    totals = StatusRow(
        label=_("All goals"),
        counts=[
            sum(section.results.counts[i] for section in sections) for i in range(len(RESULTS))
        ],
    )
    return PeriodReport(
        plan=plan, period=period, goals=sections, totals=totals, other_periods=others
    )
