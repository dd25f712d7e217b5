"""The Work Plan indicators whose actuals come from the portal's own records instead of hand
entry (`workplan.Indicator.source`): requests collected and analysed, expert missions, event
participants confirmed, and those who attended. Computed for every period under way and not
yet approved, each with its breakdown by administration (attendance by sex too, where the
indicator counts people) and the time of the calculation; an approved period keeps the
figures it was approved with. Here, in the top layer, because it reads several apps."""

import datetime

from django.utils import timezone

from needs import selectors as needs_selectors
from outreach import selectors as outreach_selectors
from workplan import selectors as workplan_selectors
from workplan import services as workplan_services
from workplan.models import Indicator

COUNTS = {
    Indicator.Source.NEEDS_ANALYSED: needs_selectors.analysed_counts,
    Indicator.Source.MISSIONS: needs_selectors.mission_counts,
    Indicator.Source.PARTICIPANTS: outreach_selectors.participant_counts,
    Indicator.Source.ATTENDED: outreach_selectors.attendance_counts,
}
# The sources that also count by sex (of the people who gave it).
COUNTS_BY_SEX = {Indicator.Source.ATTENDED: outreach_selectors.attendance_counts_by_sex}


def indicators_compute(*, now: datetime.datetime | None = None) -> int:
    """Compute every computed indicator's actual for each open period; the number written."""
    now = now or timezone.now()
    written = 0
    periods = list(workplan_selectors.periods_to_compute(today=timezone.localdate(now)))
    for indicator in workplan_selectors.computed_indicators():
        counts = COUNTS[indicator.source]
        by_sex = COUNTS_BY_SEX.get(indicator.source) if indicator.counts_people else None
        for period in periods:
            workplan_services.actual_compute(
                indicator=indicator,
                period=period,
                counts=counts(start=period.starts_on, end=period.ends_on),
                computed_at=now,
                by_sex=by_sex(start=period.starts_on, end=period.ends_on) if by_sex else None,
            )
            written += 1
    return written
