"""Demo progress for development: three past reporting periods after the real plan's 2020
report, with figures for the countable indicators, so the dashboard has something to show.

The real plan itself comes from migration 0002; nothing here is real data.
"""

import datetime

from accounts.models import User
from workplan import services
from workplan.models import Activity, Plan, ReportingPeriod

YEARS = (2021, 2022, 2023)
# Baseline and target of the countable indicators, by activity number (demo figures).
INDICATOR_GOALS = {
    "1.1": (8, 30),
    "1.2": (4, 12),
    "1.4": (6, 15),
    "2.1": (2, 8),
    "3.3": (3, 10),
    "4.2": (5, 12),
    "7.1": (12000, 30000),
    "7.2": (10, 24),
}


def load(*, stdout) -> None:
    plan = Plan.objects.current().first()
    if plan is None:
        return
    author = User.objects.filter(is_staff=True).first()
    periods = [
        services.reporting_period_create(
            name={"en": str(year), "ru": str(year)},
            starts_on=datetime.date(year, 1, 1),
            ends_on=datetime.date(year, 12, 31),
        )
        for year in YEARS
        if not ReportingPeriod.objects.filter(starts_on=datetime.date(year, 1, 1)).exists()
    ]
    activities = Activity.objects.filter(goal__plan=plan).select_related("goal")
    for activity in activities:
        baseline_target = INDICATOR_GOALS.get(activity.number)
        if baseline_target and activity.is_countable:
            baseline, target = baseline_target
            services.activity_set_baseline_and_target(
                activity=activity, baseline=baseline, target=target
            )
        for step, period in enumerate(periods, 1):
            value = None
            if baseline_target and activity.is_countable:
                baseline, target = baseline_target
                # Steady progress from the baseline towards the target, a little short of it.
                value = baseline + (target - baseline) * step // (len(periods) + 1)
            services.progress_entry_record(
                activity=activity,
                period=period,
                summaries={
                    "en": f"Demonstration entry: work on activity {activity.number} in "
                    f"{period.name_en} went ahead as planned.",
                    "ru": f"Демонстрационная запись: работа по мероприятию {activity.number} "
                    f"в {period.name_ru} году шла по плану.",
                },
                value=value,
                author=author,
                reported_on=period.ends_on,
            )
    stdout.write(f"Work plan: demo progress for {len(periods)} reporting periods.")
