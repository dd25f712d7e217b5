"""Benchmark scale: the current plan grown to 500 activities (the real plan's 27 and generated
ones under more goals) with three indicators each (1,500), ten yearly reporting periods, all
approved, and a target and an actual for every indicator in every period (15,000 of
each), with figures for the counting indicators, in both languages; and the budget
(`workplan.budget_scale`).

The search indexes of Activity are on expressions, so PostgreSQL keeps them; nothing is stored
beside the text. Every row gets its first version in the edit history here, as the app's
post-migrate hook would give it on the next `migrate` (a minute at full scale).
"""

import datetime

from django.db.models import Max

from core.initial_versions import create_initial_versions
from core.scaling import bilingual, generator, pick, scaled
from workplan import budget_scale
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

ACTIVITIES = 500
PERIODS = 10  # yearly, the real plan's 2020 report and the nine years before it
ACTIVITIES_PER_GOAL = 25
INDICATORS_PER_ACTIVITY = 3
MEASURES = [Indicator.Measure.NUMBER, Indicator.Measure.YES_NO, Indicator.Measure.QUALITATIVE]

TOPICS = [
    ("risk management", "управлению рисками"),
    ("post-clearance audit", "пост-таможенному аудиту"),
    ("the Revised Kyoto Convention", "Пересмотренной Киотской конвенции"),
    ("e-learning", "электронному обучению"),
    ("competency-based HRM", "управлению персоналом на основе компетенций"),
    ("integrity", "добросовестности"),
    ("AEO programmes", "программам УЭО"),
    ("coordinated border management", "скоординированному управлению границами"),
]
KINDS = [
    ("Regional workshop on", "Региональный семинар по"),
    ("National training course on", "Национальный учебный курс по"),
    ("Expert mission on", "Экспертная миссия по"),
    ("Study visit on", "Ознакомительный визит по"),
    ("Webinar series on", "Серия вебинаров по"),
]
UNITS = [
    ("participants trained", "обученных участников"),
    ("events held", "проведённых мероприятий"),
    ("administrations involved", "участвующих администраций"),
]


def _periods() -> list[ReportingPeriod]:
    """The ten yearly periods, creating those missing."""
    last = ReportingPeriod.objects.order_by("-starts_on").values_list("starts_on", flat=True)
    last_year = last[0].year if last else 2020
    years = range(last_year - PERIODS + 1, last_year + 1)
    existing = set(
        ReportingPeriod.objects.filter(starts_on__year__in=years).values_list(
            "starts_on__year", flat=True
        )
    )
    ReportingPeriod.objects.bulk_create(
        ReportingPeriod(
            **bilingual("name", str(year), str(year)),
            starts_on=datetime.date(year, 1, 1),
            ends_on=datetime.date(year, 12, 31),
        )
        for year in years
        if year not in existing
    )
    return list(ReportingPeriod.objects.filter(starts_on__year__in=years).order_by("starts_on"))


def _new_activities(plan: Plan, count: int, rng) -> list[Activity]:
    """`count` generated activities under new goals of the plan, a third of them countable."""
    statuses = list(Activity.Status)
    first_goal = (plan.goals.order_by("-number").values_list("number", flat=True).first() or 0) + 1
    goal_count = -(-count // ACTIVITIES_PER_GOAL)
    goals = Goal.objects.bulk_create(
        Goal(
            plan=plan,
            number=number,
            **bilingual("title", f"Goal {number} of the benchmark", f"Цель {number} для замеров"),
            **bilingual(
                "expected_impact",
                "Stronger customs administrations across the region.",
                "Более сильные таможенные администрации во всём регионе.",
            ),
        )
        for number in range(first_goal, first_goal + goal_count)
    )
    activities = []
    for n in range(count):
        topic, kind = rng.choice(TOPICS), rng.choice(KINDS)
        countable = n % 3 == 0
        unit = rng.choice(UNITS) if countable else ("", "")
        activities.append(
            Activity(
                goal=goals[n // ACTIVITIES_PER_GOAL],
                sequence=n % ACTIVITIES_PER_GOAL + 1,
                status=rng.choice(statuses),
                **bilingual("title", f"{kind[0]} {topic[0]}", f"{kind[1]} {topic[1]}"),
                **bilingual(
                    "expected_output",
                    f"Officers of the member administrations apply {topic[0]} in their work.",
                    f"Сотрудники администраций-членов применяют знания по {topic[1]} в работе.",
                ),
                **bilingual("status_note", "", ""),
                **bilingual(
                    "indicator",
                    f"Number of {unit[0]}" if countable else "Feedback of the participants",
                    f"Количество {unit[1]}" if countable else "Отзывы участников",
                ),
                **bilingual(
                    "intended_outcome",
                    "Better trade facilitation and compliance in the region.",
                    "Лучшее упрощение торговли и соблюдение требований в регионе.",
                ),
            )
        )
    activities = Activity.objects.bulk_create(activities, batch_size=1000)
    stakeholders = list(Stakeholder.objects.all())
    Activity.stakeholders.through.objects.bulk_create(
        (
            Activity.stakeholders.through(activity_id=activity.pk, stakeholder_id=stakeholder.pk)
            for activity in activities
            for stakeholder in rng.sample(stakeholders, rng.randint(1, min(3, len(stakeholders))))
        ),
        batch_size=2000,
    )
    return activities


def _indicators(activities: list[Activity], rng) -> list[Indicator]:
    """Three indicators for each activity (the real plan's have one already): a count, a
    yes-or-no and one in words."""
    have = dict(
        Indicator.objects.values("activity_id")
        .annotate(last=Max("position"))
        .values_list("activity_id", "last")
    )
    rows = []
    for activity in activities:
        for position in range(have.get(activity.pk, 0) + 1, INDICATORS_PER_ACTIVITY + 1):
            # A count (on the dashboard), a yes-or-no (1 from the start: done), one in words.
            measure = MEASURES[position - 1]
            counts = measure == Indicator.Measure.NUMBER
            unit = rng.choice(UNITS) if counts else ("", "")
            baseline = rng.randrange(0, 20) if counts else None
            end_target = baseline + rng.randrange(10, 60) if counts else None
            if measure == Indicator.Measure.YES_NO:
                baseline, end_target = 0, 1
            names = {
                Indicator.Measure.NUMBER: (f"Number of {unit[0]}", f"Количество {unit[1]}"),
                Indicator.Measure.YES_NO: (
                    "Training plan adopted by the administrations",
                    "План обучения принят администрациями",
                ),
                Indicator.Measure.QUALITATIVE: (
                    "Feedback of the participants",
                    "Отзывы участников",
                ),
            }[measure]
            rows.append(
                Indicator(
                    activity=activity,
                    position=position,
                    **bilingual("name", *names),
                    measure=measure,
                    **bilingual("unit", *unit),
                    baseline_value=baseline,
                    baseline_year=None if measure == Indicator.Measure.QUALITATIVE else 2010,
                    end_target=end_target,
                    **bilingual(
                        "means_of_verification",
                        "Attendance lists and reports of the events.",
                        "Списки участников и отчёты о мероприятиях.",
                    ),
                    counts_people=counts and unit[0] == "participants trained",
                )
            )
    Indicator.objects.bulk_create(rows, batch_size=2000)
    return list(Indicator.objects.filter(activity__in=activities))


def _figures(indicators: list[Indicator], periods: list[ReportingPeriod], rng) -> None:
    """A target and an actual of every indicator in every period, steady progress from the
    baseline towards the target at the plan's end."""
    reported = set(Actual.objects.values_list("indicator_id", "period_id"))
    targeted = set(Target.objects.values_list("indicator_id", "period_id"))
    targets, actuals = [], []
    for indicator in indicators:
        for step, period in enumerate(periods, 1):
            value = target = None
            if indicator.measure == Indicator.Measure.YES_NO:
                target, value = 1, int(step > len(periods) // 2)
            elif indicator.baseline_value is not None and indicator.end_target is not None:
                gap = indicator.end_target - indicator.baseline_value
                target = indicator.baseline_value + gap * step // len(periods)
                value = indicator.baseline_value + gap * step * 9 // (10 * len(periods))
            if (indicator.pk, period.pk) not in targeted:
                targets.append(Target(indicator=indicator, period=period, value=target))
            if (indicator.pk, period.pk) in reported:
                continue
            actuals.append(
                Actual(
                    indicator=indicator,
                    period=period,
                    **pick(
                        rng,
                        [
                            (
                                f"Work went ahead as planned in {period.name_en}.",
                                f"В {period.name_ru} году работа шла по плану.",
                            ),
                            (
                                f"Two events were postponed to {period.starts_on.year + 1}.",
                                f"Два мероприятия перенесены на {period.starts_on.year + 1} год.",
                            ),
                        ],
                        "narrative",
                    ),
                    value=value,
                    reported_on=period.ends_on,
                )
            )
    Target.objects.bulk_create(targets, batch_size=2000)
    Actual.objects.bulk_create(actuals, batch_size=2000)


def load(*, stdout, scale: float = 1.0) -> None:
    plan = Plan.objects.current().first()
    if plan is None:
        plan = Plan.objects.create(
            **bilingual("title", "Benchmark plan", "План для замеров"), start_year=2011
        )
        plan.is_current = True
        plan.save(update_fields=["is_current"])
    rng = generator(5)
    existing = Activity.objects.filter(goal__plan=plan).count()
    _new_activities(plan, max(1, scaled(ACTIVITIES, scale) - existing), rng)
    periods = _periods()
    activities = list(Activity.objects.filter(goal__plan=plan))
    indicators = _indicators(activities, rng)
    _figures(indicators, periods, rng)
    # Every period approved: the public pages show all ten.
    ReportingPeriod.objects.filter(pk__in=[period.pk for period in periods]).update(
        report_status=ReportingPeriod.ReportStatus.APPROVED
    )
    budget = budget_scale.load(plan=plan, periods=periods, rng=rng)
    create_initial_versions("workplan", comment="Initial version.")
    stdout.write(
        f"  {len(activities)} activities, {len(indicators)} indicators, {len(periods)} periods, "
        f"{Target.objects.count()} targets, {Actual.objects.count()} actuals; {budget}"
    )
