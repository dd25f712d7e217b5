"""Reads of the home page's work-plan box: the current plan in a few figures."""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from workplan.models import Activity, Plan, ReportingPeriod
from workplan.selectors.common import STATUSES, StatusRow, current_plan, status_counts


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
    counts = status_counts(activities)
    latest_period = (
        ReportingPeriod.objects.approved()
        .filter(actuals__indicator__activity__goal__plan=plan)
        .order_by("-starts_on")
        .first()
    )
    return Glance(
        plan=plan,
        goal_count=plan.goals.count(),
        totals=StatusRow(label=_("All goals"), counts=counts[None]),
        latest_period=latest_period,
    )
