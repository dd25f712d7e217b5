"""Writes to the plan's budget outside the admin's own forms: the spreadsheet import, demo and
scale data. Expenditure of an approved (locked) period is refused, as its results are."""

from collections.abc import Mapping
from decimal import Decimal

from django.db import transaction

from administrations.models import Administration
from workplan.models import (
    BudgetLine,
    Contribution,
    Donor,
    Expenditure,
    Goal,
    Plan,
    ReportingPeriod,
)
from workplan.models.results import check_period_open
from workplan.services import _set_translations


@transaction.atomic
def donor_create(*, name: Mapping[str, str], website: str = "") -> Donor:
    """A new donor, named in each language given."""
    donor = Donor(website=website)
    _set_translations(donor, "name", name)
    donor.full_clean()
    donor.save()
    return donor


@transaction.atomic
def budget_line_set(
    *, goal: Goal, year: int, amount: Decimal | int, notes: Mapping[str, str] | None = None
) -> BudgetLine:
    """The goal's budget for the year: created, or changed (notes in the languages given)."""
    line = BudgetLine.objects.filter(goal=goal, year=year).first() or BudgetLine(
        goal=goal, year=year
    )
    line.amount = amount
    _set_translations(line, "note", notes or {})
    line.full_clean()
    line.save()
    return line


@transaction.atomic
def contribution_set(
    *,
    plan: Plan,
    year: int,
    source: str,
    amount: Decimal | int,
    administration: Administration | None = None,
    donor: Donor | None = None,
    notes: Mapping[str, str] | None = None,
) -> Contribution:
    """The source's contribution for the year of the plan: created, or changed."""
    contribution = Contribution.objects.filter(
        plan=plan, year=year, source=source, administration=administration, donor=donor
    ).first() or Contribution(
        plan=plan, year=year, source=source, administration=administration, donor=donor
    )
    contribution.amount = amount
    _set_translations(contribution, "note", notes or {})
    contribution.full_clean()
    contribution.save()
    return contribution


@transaction.atomic
def expenditure_set(
    *,
    goal: Goal,
    period: ReportingPeriod,
    amount: Decimal | int,
    notes: Mapping[str, str] | None = None,
) -> Expenditure:
    """What the goal spent in the period: created, or changed while the period is open."""
    check_period_open(period.pk)
    expenditure = Expenditure.objects.filter(goal=goal, period=period).first() or Expenditure(
        goal=goal, period=period
    )
    expenditure.amount = amount
    _set_translations(expenditure, "note", notes or {})
    expenditure.full_clean()
    expenditure.save()
    return expenditure
