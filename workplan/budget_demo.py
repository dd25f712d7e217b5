"""Demo budget for development (invented figures): each goal's budget for the seed plan's years
2020 to 2022, the contributions of three member administrations, the WCO, a donor and the host
country, and each goal's spending in 2020, 2021 (approved, public) and 2022 (in draft: on no
page until its report is approved). Loaded by `workplan.demo` before 2021 is approved."""

import datetime
from decimal import Decimal

from administrations.models import Administration
from workplan import budget_services
from workplan.models import Donor, Expenditure, Plan, ReportingPeriod

YEARS = (2020, 2021, 2022)
# Each goal's yearly budget (EUR), by goal number.
GOAL_BUDGETS = {1: 40000, 2: 30000, 3: 25000, 4: 20000, 5: 15000, 6: 10000, 7: 12000}
# The share of its budget a goal spent in each year (per cent).
SPENT = {2020: 92, 2021: 78, 2022: 35}
MEMBER_SHARE, WCO_SHARE, DONOR_SHARE, HOST_SHARE = 30000, 40000, 25000, 35000
DONOR = ("Demonstration Development Fund", "Демонстрационный фонд развития")
NOTES = (
    "Demonstration figure, not the office's accounts.",
    "Демонстрационная сумма, не данные бухгалтерии офиса.",
)


def load(*, plan: Plan, periods: list[ReportingPeriod]) -> None:
    en, ru = NOTES
    goals = list(plan.goals.order_by("number"))
    for year in YEARS:
        growth = Decimal(100 + 5 * (year - YEARS[0])) / 100
        for goal in goals:
            budget_services.budget_line_set(
                goal=goal,
                year=year,
                amount=(GOAL_BUDGETS.get(goal.number, 10000) * growth).quantize(Decimal("1")),
                notes={"en": en, "ru": ru},
            )
        for administration in Administration.objects.filter(is_member=True).order_by("code")[:3]:
            budget_services.contribution_set(
                plan=plan,
                year=year,
                source="member",
                administration=administration,
                amount=MEMBER_SHARE,
            )
        budget_services.contribution_set(plan=plan, year=year, source="wco", amount=WCO_SHARE)
        budget_services.contribution_set(plan=plan, year=year, source="host", amount=HOST_SHARE)
    donor = Donor.objects.filter(name_en=DONOR[0]).first() or budget_services.donor_create(
        name={"en": DONOR[0], "ru": DONOR[1]}
    )
    for year in YEARS[1:]:
        budget_services.contribution_set(
            plan=plan, year=year, source="donor", donor=donor, amount=DONOR_SHARE
        )
    for period in [
        ReportingPeriod.objects.get(starts_on=datetime.date(YEARS[0], 1, 1)),
        *periods,
    ]:
        year = period.starts_on.year
        for goal in goals:
            line = goal.budget_lines.get(year=year)
            amount = (line.amount * SPENT[year] / 100).quantize(Decimal("1"))
            if period.is_locked:
                # The seed's 2020 report is approved (migration 0004): its demo spending is
                # written as it would have been before the approval.
                Expenditure.objects.update_or_create(
                    goal=goal,
                    period=period,
                    defaults={"amount": amount, "note_en": en, "note_ru": ru},
                )
            else:
                budget_services.expenditure_set(
                    goal=goal, period=period, amount=amount, notes={"en": en, "ru": ru}
                )
