"""Work plans of any size for tests, built in a handful of queries."""

import datetime

from workplan.models import (
    Activity,
    Actual,
    Goal,
    Indicator,
    Plan,
    ReportingPeriod,
    Stakeholder,
    Target,
)


def make_big_plan(
    *, goals: int = 10, per_goal: int = 30, periods: int = 10, indicators: int = 1
) -> Plan:
    """A current plan of goals × per_goal activities, each with `indicators` indicators that have
    a target and an actual in every (approved) period (half of the activities' indicators count
    something and carry figures). The seed plan stops being current."""
    Plan.objects.update(is_current=False)
    plan = Plan.objects.create(
        title_en="Big plan", title_ru="Большой план", start_year=2030, is_current=True
    )
    goal_rows = Goal.objects.bulk_create(
        Goal(
            plan=plan,
            number=number,
            title_en=f"Goal title {number}",
            title_ru=f"Цель номер {number}",
            expected_impact_en=f"Impact {number}",
            expected_impact_ru=f"Воздействие {number}",
        )
        for number in range(1, goals + 1)
    )
    activities = Activity.objects.bulk_create(
        Activity(
            goal=goal,
            sequence=sequence,
            title_en=f"Activity {goal.number}.{sequence}",
            title_ru=f"Мероприятие {goal.number}.{sequence}",
            expected_output_en="Output",
            expected_output_ru="Результат",
            indicator_en="Number of events",
            indicator_ru="Количество мероприятий",
            intended_outcome_en="Outcome",
            intended_outcome_ru="Итог",
            status=list(Activity.Status)[sequence % len(Activity.Status)],
        )
        for goal in goal_rows
        for sequence in range(1, per_goal + 1)
    )
    stakeholders = list(Stakeholder.objects.all())
    Activity.stakeholders.through.objects.bulk_create(
        Activity.stakeholders.through(activity=activity, stakeholder=stakeholder)
        for index, activity in enumerate(activities)
        for stakeholder in stakeholders[: 1 + index % len(stakeholders)]
    )
    period_rows = ReportingPeriod.objects.bulk_create(
        ReportingPeriod(
            name_en=f"Year {year}",
            name_ru=f"Год {year}",
            starts_on=datetime.date(year, 1, 1),
            ends_on=datetime.date(year, 12, 31),
            report_status=ReportingPeriod.ReportStatus.APPROVED,
        )
        for year in range(2030, 2030 + periods)
    )

    def counts(activity: Activity) -> bool:
        return activity.sequence % 2 == 1

    indicator_rows = Indicator.objects.bulk_create(
        Indicator(
            activity=activity,
            position=position,
            name_en=f"Number of events {position}",
            name_ru=f"Количество мероприятий {position}",
            measure=Indicator.Measure.NUMBER if counts(activity) else Indicator.Measure.QUALITATIVE,
            unit_en="events" if counts(activity) else "",
            unit_ru="мероприятия" if counts(activity) else "",
            baseline_value=2 if counts(activity) else None,
            baseline_year=2029 if counts(activity) else None,
            end_target=20 if counts(activity) else None,
        )
        for activity in activities
        for position in range(1, indicators + 1)
    )
    Target.objects.bulk_create(
        Target(indicator=indicator, period=period, value=2 * step if indicator.unit_en else None)
        for indicator in indicator_rows
        for step, period in enumerate(period_rows, 1)
    )
    Actual.objects.bulk_create(
        Actual(
            indicator=indicator,
            period=period,
            narrative_en=f"Progress of {indicator.activity.title_en} in {period.name_en}",
            narrative_ru=f"Ход работы: {indicator.activity.title_ru}, {period.name_ru}",
            value=step if indicator.unit_en else None,
            reported_on=period.ends_on,
        )
        for indicator in indicator_rows
        for step, period in enumerate(period_rows, 1)
    )
    return plan
