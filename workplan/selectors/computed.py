"""Reads of the nightly computation of indicators: which indicators the portal computes from its
own records, and for which periods."""

import datetime

from django.db.models import QuerySet

from workplan.models import Indicator, ReportingPeriod


def computed_indicators() -> QuerySet[Indicator]:
    """The current plan's indicators whose actuals the portal computes from its records."""
    return Indicator.objects.filter(activity__goal__plan__is_current=True, source__gt="").order_by(
        "pk"
    )


def periods_to_compute(*, today: datetime.date) -> QuerySet[ReportingPeriod]:
    """Periods begun and not yet approved: their computed actuals follow the records."""
    return (
        ReportingPeriod.objects.filter(starts_on__lte=today)
        .exclude(report_status=ReportingPeriod.ReportStatus.APPROVED)
        .order_by("starts_on")
    )
