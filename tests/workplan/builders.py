"""Work plans of any size for tests, built in a handful of queries."""

import datetime

from workplan.models import Activity, Goal, Plan, ProgressEntry, ReportingPeriod, Stakeholder


def make_big_plan(*, goals: int = 10, per_goal: int = 30, periods: int = 10) -> Plan:
    """A current plan of goals × per_goal activities, each with progress in every period (half
    of the indicators count something and carry figures). The seed plan stops being current."""
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
            unit_en="events" if sequence % 2 else "",
            unit_ru="мероприятия" if sequence % 2 else "",
            baseline=2 if sequence % 2 else None,
            target=20 if sequence % 2 else None,
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
        )
        for year in range(2030, 2030 + periods)
    )
    ProgressEntry.objects.bulk_create(
        ProgressEntry(
            activity=activity,
            period=period,
            summary_en=f"Progress of {activity.title_en} in {period.name_en}",
            summary_ru=f"Ход работы: {activity.title_ru}, {period.name_ru}",
            value=step if activity.unit_en else None,
            reported_on=period.ends_on,
        )
        for activity in activities
        for step, period in enumerate(period_rows, 1)
    )
    return plan
