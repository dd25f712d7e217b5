"""Writes to the work plan outside the admin's own forms: reporting, imports, demo data."""

import datetime
from collections.abc import Mapping

import reversion
from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from accounts.models import User
from workplan.models import Activity, Plan, ProgressEntry, ReportingPeriod

LANGUAGES = [code for code, _name in settings.LANGUAGES]


def _set_translations(obj, field: str, texts: Mapping[str, str]) -> None:
    for language, text in texts.items():
        if language not in LANGUAGES:
            raise ValueError(f"Unknown language {language!r}")
        setattr(obj, f"{field}_{language}", text)


@transaction.atomic
def reporting_period_create(
    *, name: Mapping[str, str], starts_on: datetime.date, ends_on: datetime.date
) -> ReportingPeriod:
    """A new reporting period, named in each language given."""
    period = ReportingPeriod(starts_on=starts_on, ends_on=ends_on)
    _set_translations(period, "name", name)
    period.full_clean()
    period.save()
    return period


@transaction.atomic
def activity_set_baseline_and_target(
    *, activity: Activity, baseline: int | None, target: int | None
) -> Activity:
    """The figures a countable indicator starts from and aims at."""
    activity.baseline, activity.target = baseline, target
    activity.full_clean()
    activity.save(update_fields=["baseline", "target"])
    return activity


@transaction.atomic
def progress_entry_record(
    *,
    activity: Activity,
    period: ReportingPeriod,
    summaries: Mapping[str, str],
    value: int | None,
    author: User | None,
    reported_on: datetime.date | None = None,
) -> ProgressEntry:
    """The activity's progress for the period: created, or updated in the languages given
    (the other language's text is kept)."""
    entry = ProgressEntry.objects.filter(activity=activity, period=period).first()
    if entry is None:
        entry = ProgressEntry(activity=activity, period=period)
    _set_translations(entry, "summary", summaries)
    entry.value = value
    entry.author = author
    entry.reported_on = reported_on or timezone.localdate()
    entry.full_clean()
    entry.save()
    return entry


@transaction.atomic
def plan_make_current(*, plan: Plan, by: User) -> Plan:
    """Show this plan on the public pages instead of the one shown until now; the history of
    both plans says who did it."""
    with reversion.create_revision():
        reversion.set_user(by)
        reversion.set_comment(gettext("Shown on the public pages"))
        for shown in Plan.objects.filter(is_current=True).exclude(pk=plan.pk):
            shown.is_current = False
            shown.save(update_fields=["is_current"])
        plan.is_current = True
        plan.full_clean()
        plan.save(update_fields=["is_current"])
    return plan
