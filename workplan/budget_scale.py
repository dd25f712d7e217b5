"""Benchmark scale for the budget: every goal's budget for ten years of the plan, a contribution
of every member administration, the WCO, three donors and the host country in each of them, and
every goal's spending in every reporting period (run by `workplan.scale`)."""

from decimal import Decimal

from administrations.models import Administration
from core.scaling import bilingual
from workplan.models import BudgetLine, Contribution, Donor, Expenditure, Plan, ReportingPeriod

YEARS = 10
DONORS = [
    ("Benchmark Fund A", "Фонд для замеров А"),
    ("Benchmark Fund B", "Фонд для замеров Б"),
    ("Benchmark Fund C", "Фонд для замеров В"),
]


def load(*, plan: Plan, periods: list[ReportingPeriod], rng) -> str:
    goals = list(plan.goals.all())
    years = range(plan.start_year, plan.start_year + YEARS)
    have = set(BudgetLine.objects.values_list("goal_id", "year"))
    BudgetLine.objects.bulk_create(
        BudgetLine(goal=goal, year=year, amount=Decimal(rng.randrange(5, 50) * 1000))
        for goal in goals
        for year in years
        if (goal.pk, year) not in have
    )
    donors = [
        Donor.objects.filter(name_en=en).first()
        or Donor.objects.create(**bilingual("name", en, ru))
        for en, ru in DONORS
    ]
    members = list(Administration.objects.filter(is_member=True))
    given = set(
        Contribution.objects.filter(plan=plan).values_list(
            "year", "source", "administration_id", "donor_id"
        )
    )
    rows = []
    for year in years:
        sources = [("member", member.pk, None) for member in members]
        sources += [("wco", None, None), ("host", None, None)]
        sources += [("donor", None, donor.pk) for donor in donors]
        for source, administration_id, donor_id in sources:
            if (year, source, administration_id, donor_id) in given:
                continue
            rows.append(
                Contribution(
                    plan=plan,
                    year=year,
                    source=source,
                    administration_id=administration_id,
                    donor_id=donor_id,
                    amount=Decimal(rng.randrange(1, 40) * 500),
                )
            )
    Contribution.objects.bulk_create(rows, batch_size=2000)
    spent = set(Expenditure.objects.values_list("goal_id", "period_id"))
    Expenditure.objects.bulk_create(
        (
            Expenditure(goal=goal, period=period, amount=Decimal(rng.randrange(1, 45) * 1000))
            for goal in goals
            for period in periods
            if (goal.pk, period.pk) not in spent
        ),
        batch_size=2000,
    )
    return (
        f"{BudgetLine.objects.count()} budget lines, {Contribution.objects.count()} "
        f"contributions, {Expenditure.objects.count()} expenditure rows"
    )
