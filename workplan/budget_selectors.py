"""Reads of the plan's budget: the public yearly totals and execution per goal, the members'
budget page and its export, and per-year totals for other readers (the IATI file).

Expenditure is read from approved periods only, wherever it is shown: a period's spending is
known once its report is approved, as its results are. The public reads give yearly totals and
goals only, never a source or an administration. Each selector runs a fixed number of queries
whatever the budget's size.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import DecimalField, F, IntegerField, QuerySet, Sum, Value
from django.db.models.functions import ExtractYear
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from workplan.models import (
    BudgetLine,
    Contribution,
    Expenditure,
    Goal,
    Plan,
    ReportingPeriod,
)
from workplan.models.budget import budget_currency

APPROVED = ReportingPeriod.ReportStatus.APPROVED
ZERO = Decimal("0.00")
# Names of the currencies the office may keep its budget in, for readers ("amounts in euros").
CURRENCY_NAMES = {
    "EUR": gettext_lazy("euros"),
    "USD": gettext_lazy("US dollars"),
    "CHF": gettext_lazy("Swiss francs"),
}
# The order in which the sources of contributions are listed.
SOURCES = list(Contribution.Source)


def currency_name() -> str:
    """The budget's currency as readers say it ("euros"), or its code."""
    code = budget_currency()
    return str(CURRENCY_NAMES.get(code, code))


def approved_expenditure() -> QuerySet[Expenditure]:
    """Expenditure of approved periods: the only spending any page shows."""
    return Expenditure.objects.filter(period__report_status=APPROVED)


# Totals by year ---------------------------------------------------------------------------------


def budget_totals_by_year(plan: Plan) -> dict[int, Decimal]:
    """The plan's budget (every goal's lines) per year, in year order."""
    rows = (
        BudgetLine.objects.filter(goal__plan=plan)
        .values_list("year")
        .annotate(total=Sum("amount"))
        .order_by("year")
    )
    return dict(rows)


def goal_budgets_by_year(plan: Plan) -> dict[int, dict[int, Decimal]]:
    """Each goal's budget per year, by goal id, then year (the IATI file's budgets)."""
    budgets: dict[int, dict[int, Decimal]] = defaultdict(dict)
    for goal_id, year, amount in (
        BudgetLine.objects.filter(goal__plan=plan)
        .order_by("goal_id", "year")
        .values_list("goal_id", "year", "amount")
    ):
        budgets[goal_id][year] = amount
    return dict(budgets)


def goal_expenditure_by_year(plan: Plan) -> dict[int, dict[int, Decimal]]:
    """Each goal's spending in approved periods per year (of the period's start), by goal id,
    then year (the IATI file's expenditure: never a period not approved)."""
    spent: dict[int, dict[int, Decimal]] = defaultdict(dict)
    for goal_id, year, amount in (
        approved_expenditure()
        .filter(goal__plan=plan)
        .annotate(year=ExtractYear("period__starts_on"))
        .values_list("goal_id", "year")
        .annotate(total=Sum("amount"))
        .order_by("goal_id", "year")
    ):
        spent[goal_id][int(year)] = amount
    return dict(spent)


@dataclass
class YearTotal:
    """A year of the plan: its budget, the contributions for it and the approved spending."""

    year: int
    budget: Decimal = ZERO
    contributions: Decimal = ZERO
    expenditure: Decimal = ZERO
    reported: bool = False  # a period of the year has an approved report

    @property
    def execution(self) -> Decimal | None:
        return _percent(self.expenditure, self.budget) if self.reported else None


@dataclass
class GoalExecution:
    """A goal's spending in the approved periods against its budget for their years."""

    label: str
    budgeted: Decimal = ZERO
    spent: Decimal = ZERO
    goal: Goal | None = None

    @property
    def execution(self) -> Decimal | None:
        return _percent(self.spent, self.budgeted)


def _percent(part: Decimal, whole: Decimal) -> Decimal | None:
    if not whole:
        return None
    return (part * 100 / whole).quantize(Decimal("1"))


def goal_label(number: int) -> str:
    return _("Goal %(number)s") % {"number": number}


@dataclass
class PublicBudget:
    """What the public pages show of the budget: totals per year and execution per goal."""

    currency: str
    years: list[YearTotal]
    goals: list[GoalExecution]
    reported_years: list[int]

    @property
    def total(self) -> GoalExecution:
        return GoalExecution(
            label=_("All goals"),
            budgeted=sum((row.budgeted for row in self.goals), ZERO),
            spent=sum((row.spent for row in self.goals), ZERO),
        )


BUDGET, CONTRIBUTIONS, SPENT, REPORTED = "budget", "contributions", "spent", "reported"


def public_budget(*, plan: Plan) -> PublicBudget:
    """Yearly totals (budget, contributions, approved spending) and each goal's execution in
    the years with an approved report, in one query: the dashboard's budget section."""
    number = IntegerField()
    money = DecimalField(max_digits=16, decimal_places=2)

    def rows(queryset, kind, *, goal, year, amount):
        return (
            queryset.annotate(kind=Value(kind), n=goal, y=year)
            .values_list("kind", "n", "y")
            .annotate(total=amount)
            .order_by()
        )

    budget = rows(
        BudgetLine.objects.filter(goal__plan=plan),
        BUDGET,
        goal=F("goal__number"),
        year=F("year"),
        amount=Sum("amount"),
    )
    contributions = rows(
        Contribution.objects.filter(plan=plan),
        CONTRIBUTIONS,
        goal=Value(None, output_field=number),
        year=F("year"),
        amount=Sum("amount"),
    )
    spent = rows(
        approved_expenditure().filter(goal__plan=plan),
        SPENT,
        goal=F("goal__number"),
        year=ExtractYear("period__starts_on"),
        amount=Sum("amount"),
    )
    reported = rows(
        ReportingPeriod.objects.approved(),
        REPORTED,
        goal=Value(None, output_field=number),
        year=ExtractYear("starts_on"),
        amount=Sum(Value(0, output_field=money)),
    )
    years: dict[int, YearTotal] = {}
    budgets: dict[tuple[int, int], Decimal] = {}
    goals: dict[int, GoalExecution] = {}
    reported_years: set[int] = set()
    combined = budget.union(contributions, spent, reported, all=True).order_by()
    for kind, goal_number, year, total in combined:
        year = int(year)  # the union's column is numeric (EXTRACT gives numeric)
        if kind == REPORTED:
            reported_years.add(year)
            continue
        row = years.setdefault(year, YearTotal(year=year))
        if kind == BUDGET:
            row.budget += total
            budgets[goal_number, year] = total
        elif kind == CONTRIBUTIONS:
            row.contributions += total
        else:
            row.expenditure += total
            goal = goals.setdefault(goal_number, GoalExecution(label=goal_label(goal_number)))
            goal.spent += total
    for (goal_number, year), total in budgets.items():
        if year in reported_years:
            goal = goals.setdefault(goal_number, GoalExecution(label=goal_label(goal_number)))
            goal.budgeted += total
    for year, row in years.items():
        row.reported = year in reported_years
    return PublicBudget(
        currency=currency_name(),
        years=[years[year] for year in sorted(years)],
        goals=[goals[number] for number in sorted(goals)],
        reported_years=sorted(year for year in reported_years if year in years),
    )


# The members' page --------------------------------------------------------------------------------


@dataclass
class AmountRow:
    """A row of amounts, one a column (None: nothing recorded), with its total."""

    label: str
    cells: list[Decimal | None]
    obj: object = None  # the goal, administration or donor named, for the page to translate
    kind: str = ""

    @property
    def total(self) -> Decimal:
        return sum((cell for cell in self.cells if cell is not None), ZERO)


def _column_totals(label: str, rows: list[AmountRow], width: int) -> AmountRow:
    cells = [
        sum((row.cells[i] for row in rows if row.cells[i] is not None), ZERO) for i in range(width)
    ]
    return AmountRow(label=label, cells=cells)


@dataclass
class SourceShare:
    """The contributions of one kind of source in one year."""

    source: Contribution.Source
    amount: Decimal


@dataclass
class BudgetOverview:
    plan: Plan
    currency: str
    years: list[int]
    budget: list[AmountRow]
    budget_total: AmountRow
    contributions: list[AmountRow]
    contributions_total: AmountRow
    shares: list[tuple[int, list[SourceShare]]]  # per year, by kind of source
    periods: list[ReportingPeriod]
    expenditure: list[AmountRow]
    expenditure_total: AmountRow
    execution: list[GoalExecution]
    yearly: list[YearTotal] = field(default_factory=list)

    @property
    def execution_total(self) -> GoalExecution:
        return GoalExecution(
            label=_("All goals"),
            budgeted=sum((row.budgeted for row in self.execution), ZERO),
            spent=sum((row.spent for row in self.execution), ZERO),
        )

    @property
    def year_names(self) -> list[str]:
        return [str(year) for year in self.years]

    @property
    def period_names(self) -> list[str]:
        return [period.name for period in self.periods]

    @property
    def is_empty(self) -> bool:
        return not (self.budget or self.contributions or self.expenditure)


def budget_overview(*, plan: Plan) -> BudgetOverview:
    """The members' view of the plan's budget: per goal and year, contributions by source and
    year, approved expenditure per goal and period, and execution (spent against budgeted, in
    the years with an approved report), in five queries."""
    goals = list(plan.goals.all())
    lines = {
        (goal_id, year): amount
        for goal_id, year, amount in BudgetLine.objects.filter(goal__plan=plan).values_list(
            "goal_id", "year", "amount"
        )
    }
    contributions = list(
        Contribution.objects.filter(plan=plan).select_related("administration", "donor")
    )
    periods = list(ReportingPeriod.objects.approved().order_by("starts_on"))
    spent = {
        (goal_id, period_id): amount
        for goal_id, period_id, amount in approved_expenditure()
        .filter(goal__plan=plan)
        .values_list("goal_id", "period_id", "amount")
    }
    years = sorted(
        {year for _goal, year in lines} | {contribution.year for contribution in contributions}
    )

    budget = [
        AmountRow(
            label=goal_label(goal.number),
            obj=goal,
            cells=[lines.get((goal.pk, year)) for year in years],
        )
        for goal in goals
        if any((goal.pk, year) in lines for year in years)
    ]

    by_source: dict[tuple, AmountRow] = {}
    for contribution in sorted(contributions, key=_source_order):
        key = (contribution.source, contribution.administration_id, contribution.donor_id)
        row = by_source.get(key)
        if row is None:
            row = by_source[key] = AmountRow(
                label=contribution.source_name,
                obj=contribution.administration or contribution.donor,
                kind=contribution.source,
                cells=[None] * len(years),
            )
        row.cells[years.index(contribution.year)] = contribution.amount
    source_rows = list(by_source.values())
    shares = [
        (
            year,
            [
                SourceShare(
                    source=source,
                    amount=sum(
                        (
                            row.cells[index]
                            for row in source_rows
                            if row.kind == source and row.cells[index] is not None
                        ),
                        ZERO,
                    ),
                )
                for source in SOURCES
            ],
        )
        for index, year in enumerate(years)
    ]

    reported = [
        period for period in periods if any((goal.pk, period.pk) in spent for goal in goals)
    ]
    expenditure = [
        AmountRow(
            label=goal_label(goal.number),
            obj=goal,
            cells=[spent.get((goal.pk, period.pk)) for period in reported],
        )
        for goal in goals
        if any((goal.pk, period.pk) in spent for period in reported)
    ]

    reported_years = {period.starts_on.year for period in periods}
    execution = []
    for goal in goals:
        budgeted = sum(
            (amount for (goal_id, year), amount in lines.items() if goal_id == goal.pk),
            ZERO,
        )
        row = GoalExecution(
            label=goal_label(goal.number),
            goal=goal,
            budgeted=sum(
                (
                    amount
                    for (goal_id, year), amount in lines.items()
                    if goal_id == goal.pk and year in reported_years
                ),
                ZERO,
            ),
            spent=sum(
                (amount for (goal_id, _period), amount in spent.items() if goal_id == goal.pk),
                ZERO,
            ),
        )
        if budgeted or row.spent:
            execution.append(row)

    yearly = []
    for index, year in enumerate(years):
        yearly.append(
            YearTotal(
                year=year,
                budget=sum((row.cells[index] or ZERO for row in budget), ZERO),
                contributions=sum((row.cells[index] or ZERO for row in source_rows), ZERO),
                expenditure=sum(
                    (
                        amount
                        for (_goal, period_id), amount in spent.items()
                        if _period_year(periods, period_id) == year
                    ),
                    ZERO,
                ),
                reported=year in reported_years,
            )
        )

    return BudgetOverview(
        plan=plan,
        currency=currency_name(),
        years=years,
        budget=budget,
        budget_total=_column_totals(_("All goals"), budget, len(years)),
        contributions=source_rows,
        contributions_total=_column_totals(_("All sources"), source_rows, len(years)),
        shares=shares,
        periods=reported,
        expenditure=expenditure,
        expenditure_total=_column_totals(_("All goals"), expenditure, len(reported)),
        execution=execution,
        yearly=yearly,
    )


def _source_order(contribution: Contribution) -> tuple:
    return (SOURCES.index(contribution.source), contribution.source_name.casefold())


def _period_year(periods: list[ReportingPeriod], period_id: int) -> int | None:
    for period in periods:
        if period.pk == period_id:
            return period.starts_on.year
    return None


EXPORT_HEADERS = [
    gettext_lazy("Table"),
    gettext_lazy("Year"),
    gettext_lazy("Reporting period"),
    gettext_lazy("Goal"),
    gettext_lazy("Source"),
    gettext_lazy("Amount"),
    gettext_lazy("Currency"),
]


def budget_rows(overview: BudgetOverview) -> tuple[list[str], list[list]]:
    """The members' page as one long table (headers, rows) for the CSV and XLSX export: every
    budget line, contribution and approved expenditure, in the page's language."""
    code = budget_currency()
    rows: list[list] = []
    for row in overview.budget:
        for year, cell in zip(overview.years, row.cells, strict=True):
            if cell is not None:
                rows.append([_("Budget"), year, "", str(row.obj), "", cell, code])
    for row in overview.contributions:
        for year, cell in zip(overview.years, row.cells, strict=True):
            if cell is not None:
                rows.append([_("Contributions"), year, "", "", row.label, cell, code])
    for row in overview.expenditure:
        for period, cell in zip(overview.periods, row.cells, strict=True):
            if cell is not None:
                rows.append(
                    [
                        _("Expenditure"),
                        period.starts_on.year,
                        period.name,
                        str(row.obj),
                        "",
                        cell,
                        code,
                    ]
                )
    return [str(header) for header in EXPORT_HEADERS], rows
