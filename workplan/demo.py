"""Demo results for development: two reporting periods after the real plan's 2020 report, 2021
approved and public, 2022 still in draft, with targets and actuals in both languages, so the
plan, the dashboard, the logframe and the progress report have something to show and the review
something to do; the plan's Strategic Framework Document is the library's demo one.

The real plan itself comes from migration 0002 (its indicators from 0004); nothing here is real
data.
"""

import datetime

from accounts.models import User
from administrations.models import Administration
from library.models import Document
from workplan import budget_demo, services
from workplan.models import Activity, Indicator, Plan, ReportingPeriod

APPROVED_YEAR, DRAFT_YEAR = 2021, 2022
# Baseline and target at the plan's end of the indicators that count, by activity number, and
# whether they count people (demo figures).
INDICATOR_GOALS = {
    "1.1": (8, 30, False),
    "1.2": (4, 12, False),
    "1.4": (6, 15, False),
    "2.1": (2, 8, False),
    "3.3": (3, 10, False),
    "4.2": (5, 12, False),
    "7.1": (12000, 30000, False),
    "7.2": (10, 24, True),
}
# The public document library/demo.py loads (before this app's demo data) in English and Russian.
STRATEGIC_FRAMEWORK = "ROCB Europe Strategic Framework"
VERIFICATION = (
    "Reports of the events and their attendance lists, kept by the office.",
    "Отчёты о мероприятиях и списки участников, которые ведёт офис.",
)


def _period(year: int) -> ReportingPeriod:
    return ReportingPeriod.objects.filter(
        starts_on=datetime.date(year, 1, 1)
    ).first() or services.reporting_period_create(
        name={"en": str(year), "ru": str(year)},
        starts_on=datetime.date(year, 1, 1),
        ends_on=datetime.date(year, 12, 31),
    )


def load(*, stdout) -> None:
    plan = Plan.objects.current().first()
    if plan is None:
        return
    author = User.objects.filter(is_superuser=True).first()
    periods = [_period(APPROVED_YEAR), _period(DRAFT_YEAR)]
    administrations = list(Administration.objects.filter(is_member=True).order_by("code")[:3])
    activities = Activity.objects.filter(goal__plan=plan).select_related("goal")
    for activity in activities:
        indicator = activity.indicators.order_by("position").first()
        if indicator is None:
            continue
        figures = INDICATOR_GOALS.get(activity.number)
        counted = figures is not None and indicator.measure == Indicator.Measure.NUMBER
        if counted:
            baseline, end_target, counts_people = figures
            indicator.baseline_value, indicator.baseline_year = baseline, 2019
            indicator.end_target, indicator.counts_people = end_target, counts_people
            indicator.means_of_verification_en, indicator.means_of_verification_ru = VERIFICATION
            indicator.full_clean()
            indicator.save()
        for step, period in enumerate(periods, 1):
            if period.is_locked:  # loaded before
                continue
            value = None
            if counted:
                # Steady progress from the baseline towards the target, a little short of it.
                value = baseline + (end_target - baseline) * step // (len(periods) + 2)
                services.target_set(
                    indicator=indicator,
                    period=period,
                    value=baseline + (end_target - baseline) * step // (len(periods) + 1),
                )
            actual = services.actual_record(
                indicator=indicator,
                period=period,
                narratives={
                    "en": f"Demonstration entry: work on activity {activity.number} in "
                    f"{period.name_en} went ahead as planned.",
                    "ru": f"Демонстрационная запись: работа по мероприятию {activity.number} "
                    f"в {period.name_ru} году шла по плану.",
                },
                value=value,
                author=author,
                reported_on=period.ends_on,
            )
            if counted and value and administrations:
                # Most of the figure by administration; where people are counted, by sex too.
                share = value // (len(administrations) + 1)
                rows = [(administration, "", share) for administration in administrations]
                if counts_people:
                    rows += [(None, "female", value // 2), (None, "male", value - value // 2)]
                services.actual_breakdown_set(actual=actual, rows=rows)
    budget_demo.load(plan=plan, periods=periods)
    if author is not None:
        approved = periods[0]
        if approved.report_status != ReportingPeriod.ReportStatus.APPROVED:
            approved = services.period_report_submit(period=approved, by=author)
            services.period_report_approve(period=approved, by=author)
    framework = Document.objects.filter(
        title_en=STRATEGIC_FRAMEWORK, visibility=Document.Visibility.PUBLIC
    ).first()
    if framework is not None:
        services.plan_strategic_framework_set(plan=plan, document=framework, by=author)
    stdout.write(
        f"Work plan: demo results and budget for {APPROVED_YEAR} (approved) and {DRAFT_YEAR} "
        "(draft)."
    )
