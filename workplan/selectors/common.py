"""What the work plan's reads share: the current plan, the approved actuals (the only ones the
public sees), the order of the activities' statuses and a row of counts in that order."""

from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Count, QuerySet

from workplan.models import Activity, Actual, Plan, ReportingPeriod

STATUSES = list(Activity.Status)
APPROVED = ReportingPeriod.ReportStatus.APPROVED


def published_actuals() -> QuerySet[Actual]:
    """Actuals of approved periods: the only ones the public sees."""
    return Actual.objects.filter(period__report_status=APPROVED)


def current_plan() -> Plan | None:
    """The plan the public pages show."""
    return Plan.objects.current().first()


@dataclass
class StatusRow:
    """How many activities of a goal (or of the whole plan) are in each status."""

    label: str
    counts: list[int]

    @property
    def total(self) -> int:
        return sum(self.counts)


def status_counts(activities: QuerySet[Activity], *, per: str | None = None) -> dict:
    """Activities counted by status (in STATUSES order), per value of `per` (all under None)."""
    counts: dict = defaultdict(lambda: [0] * len(STATUSES))
    group = [per, "status"] if per else ["status"]
    for row in activities.values(*group).annotate(n=Count("id")).order_by():
        counts[row.get(per)][STATUSES.index(row["status"])] = row["n"]
    return counts
