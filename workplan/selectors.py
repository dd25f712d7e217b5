"""Reads of the work plan for the public pages, the exports and the home page.

Each selector runs a fixed number of queries whatever the plan's size. Targets and actuals are
read from approved periods only: a figure or narrative still in draft, submitted or returned
never reaches a public page, an export or the search.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import (
    CharField,
    Count,
    F,
    Func,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    TextChoices,
    Value,
)
from django.db.models.functions import Cast
from django.http import QueryDict
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from library.models import Document
from workplan.filters import ActivityFilter
from workplan.models import (
    Activity,
    Actual,
    ActualBreakdown,
    BudgetLine,
    Goal,
    Indicator,
    Plan,
    ReportingPeriod,
    Target,
)
from workplan.models.results import figure_text

STATUSES = list(Activity.Status)
APPROVED = ReportingPeriod.ReportStatus.APPROVED


def published_actuals() -> QuerySet[Actual]:
    """Actuals of approved periods: the only ones the public sees."""
    return Actual.objects.filter(period__report_status=APPROVED)


def current_plan() -> Plan | None:
    """The plan the public pages show."""
    return Plan.objects.current().first()


def indicators_with_latest_actual() -> Prefetch:
    """Prefetch of each activity's indicators in order, each with its newest approved actual as
    `indicator.latest_actual` (a list of at most one): two queries for any number of them."""
    newest_first = (
        published_actuals()
        .select_related("period")
        .order_by("indicator_id", "-period__starts_on")
        .distinct("indicator_id")
    )
    return Prefetch(
        "indicators",
        queryset=Indicator.objects.order_by("position", "id").prefetch_related(
            Prefetch("actuals", queryset=newest_first, to_attr="latest_actual")
        ),
    )


def activity_filter(*, plan: Plan, params: QueryDict, goals: list[Goal]) -> ActivityFilter:
    """The plan's activities in number order with their stakeholders and latest progress,
    narrowed by the query string."""
    activities = (
        Activity.objects.filter(goal__plan=plan)
        .select_related("goal")
        .prefetch_related("stakeholders", indicators_with_latest_actual())
        .order_by("goal__number", "sequence")
    )
    return ActivityFilter(params, queryset=activities, goals=goals)


@dataclass
class GoalSection:
    goal: Goal
    activities: list[Activity]


@dataclass
class PlanPage:
    plan: Plan
    filterset: ActivityFilter
    sections: list[GoalSection]
    activity_count: int
    latest_report: ReportingPeriod | None = None
    strategic_framework: Document | None = None


def latest_report_period() -> ReportingPeriod | None:
    """The newest approved period: its progress report is the one the Work Plan page links."""
    return ReportingPeriod.objects.approved().order_by("-starts_on").first()


def strategic_framework(*, plan: Plan) -> Document | None:
    """The plan's Strategic Framework Document while it is public (no query when none is set)."""
    if plan.strategic_framework_id is None:
        return None
    return (
        Document.objects.visible_in(Document.PUBLIC_PAGES)
        .filter(pk=plan.strategic_framework_id)
        .defer("search_en", "search_ru")  # never shown
        .first()
    )


def plan_page(*, plan: Plan, params: QueryDict) -> PlanPage:
    """The plan's goals, each with its (filtered) activities; goals left without a matching
    activity are left out while a filter applies; the latest progress report and the Strategic
    Framework Document."""
    goals = list(plan.goals.all())
    filterset = activity_filter(plan=plan, params=params, goals=goals)
    by_goal: dict[int, list[Activity]] = defaultdict(list)
    activities = list(filterset.qs)
    for activity in activities:
        by_goal[activity.goal_id].append(activity)
    filtering = bool(filterset.active_params)
    sections = [
        GoalSection(goal=goal, activities=by_goal[goal.pk])
        for goal in goals
        if by_goal[goal.pk] or not filtering
    ]
    return PlanPage(
        plan=plan,
        filterset=filterset,
        sections=sections,
        activity_count=len(activities),
        latest_report=latest_report_period(),
        strategic_framework=strategic_framework(plan=plan),
    )


def activity_detail(*, number: str) -> Activity | None:
    """One activity of the current plan, by its number ("1.10"), with its indicators and each
    one's approved actuals newest first (and their breakdown and evidence)."""
    goal_number, sequence = (int(part) for part in number.split("."))
    history = (
        published_actuals()
        .select_related("period", "evidence_document")
        .order_by("-period__starts_on")
    )
    targets = Target.objects.filter(period__report_status=APPROVED).select_related("period")
    indicators = Indicator.objects.order_by("position", "id").prefetch_related(
        Prefetch("actuals", queryset=history), Prefetch("targets", queryset=targets)
    )
    activity = (
        Activity.objects.filter(
            goal__plan__is_current=True, goal__number=goal_number, sequence=sequence
        )
        .select_related("goal__plan")
        .prefetch_related("stakeholders", Prefetch("indicators", queryset=indicators))
        .first()
    )
    if activity is not None:
        # Read in one query whether or not there are actuals, so the page's count is fixed.
        rows = defaultdict(list)
        for row in (
            ActualBreakdown.objects.filter(
                actual__indicator__activity=activity, actual__period__report_status=APPROVED
            )
            .select_related("administration")
            .order_by("administration__code", "sex")
        ):
            rows[row.actual_id].append(row)
        for indicator in activity.indicators.all():
            for actual in indicator.actuals.all():
                actual.breakdown_rows = rows[actual.pk]
    return activity


@dataclass
class StatusRow:
    """How many activities of a goal (or of the whole plan) are in each status."""

    label: str
    counts: list[int]

    @property
    def total(self) -> int:
        return sum(self.counts)


@dataclass
class IndicatorSeries:
    """A measured indicator's approved actual values, one per period (None: no figure)."""

    indicator: Indicator
    values: list = field(default_factory=list)

    @property
    def activity(self) -> Activity:
        return self.indicator.activity


@dataclass
class Dashboard:
    plan: Plan
    goal_rows: list[StatusRow]
    totals: StatusRow


def _status_counts(activities: QuerySet[Activity], *, per: str | None = None) -> dict:
    """Activities counted by status (in STATUSES order), per value of `per` (all under None)."""
    counts: dict = defaultdict(lambda: [0] * len(STATUSES))
    group = [per, "status"] if per else ["status"]
    for row in activities.values(*group).annotate(n=Count("id")).order_by():
        counts[row.get(per)][STATUSES.index(row["status"])] = row["n"]
    return counts


def dashboard(*, plan: Plan) -> Dashboard:
    """Activities by status per goal (targets against actuals: `targets_against_actuals`)."""
    goals = list(plan.goals.all())
    activities = Activity.objects.filter(goal__plan=plan)
    counts = _status_counts(activities, per="goal_id")
    goal_rows = [
        StatusRow(label=_("Goal %(number)s") % {"number": goal.number}, counts=counts[goal.pk])
        for goal in goals
    ]
    totals = StatusRow(
        label=_("All goals"),
        counts=[sum(row.counts[i] for row in goal_rows) for i in range(len(STATUSES))],
    )
    return Dashboard(plan=plan, goal_rows=goal_rows, totals=totals)


@dataclass
class Glance:
    """The current plan in a few figures, for the home page."""

    plan: Plan
    goal_count: int
    totals: StatusRow
    latest_period: ReportingPeriod | None

    @property
    def statuses(self) -> list[tuple[Activity.Status, int]]:
        return [
            (status, count)
            for status, count in zip(STATUSES, self.totals.counts, strict=True)
            if count
        ]


def plan_at_a_glance() -> Glance | None:
    """The current plan's activities by status and its latest reporting period."""
    plan = current_plan()
    if plan is None:
        return None
    activities = Activity.objects.filter(goal__plan=plan)
    counts = _status_counts(activities)
    latest_period = (
        ReportingPeriod.objects.approved()
        .filter(actuals__indicator__activity__goal__plan=plan)
        .order_by("-starts_on")
        .first()
    )
    return Glance(
        plan=plan,
        goal_count=plan.goals.count(),
        totals=StatusRow(label=_("All goals"), counts=counts[None]),
        latest_period=latest_period,
    )


def activity_numbers() -> list[str]:
    """The numbers ("1.10") of the current plan's activities in plan order, read as plain rows
    (the sitemap lists them all)."""
    rows = (
        Activity.objects.filter(goal__plan__is_current=True)
        .order_by("goal__number", "sequence")
        .values_list("goal__number", "sequence")
    )
    return [f"{goal}.{sequence}" for goal, sequence in rows]


@dataclass
class LogframeIndicator:
    """An indicator's row of the logframe: its figures written out, with the target and the
    actual of each approved period (in the order of `Logframe.periods`)."""

    indicator: Indicator
    baseline: str
    end_target: str
    cells: list[tuple[str, str]]  # (target, actual) per period, "" where none


@dataclass
class LogframeActivity:
    activity: Activity
    indicators: list[LogframeIndicator]


@dataclass
class LogframeGoal:
    goal: Goal
    activities: list[LogframeActivity]


@dataclass
class Logframe:
    plan: Plan
    filterset: ActivityFilter
    periods: list[ReportingPeriod]
    goals: list[LogframeGoal]
    indicator_count: int

    def rows(self):
        """Every indicator with its activity and goal, in plan order (for the export)."""
        for section in self.goals:
            for entry in section.activities:
                for row in entry.indicators:
                    yield section.goal, entry.activity, row


def logframe(*, plan: Plan, params: QueryDict) -> Logframe:
    """Goals, their (filtered) activities and the activities' indicators, each with its
    baseline and the target and actual of every approved period, in six queries."""
    goals = list(plan.goals.all())
    filterset = ActivityFilter(
        params,
        queryset=Activity.objects.filter(goal__plan=plan)
        .select_related("goal")
        .order_by("goal__number", "sequence"),
        goals=goals,
    )
    activities = list(filterset.qs)
    indicators = list(
        Indicator.objects.filter(activity__in=[activity.pk for activity in activities]).order_by(
            "activity_id", "position", "id"
        )
    )
    periods = list(ReportingPeriod.objects.approved().order_by("starts_on"))
    by_id = {indicator.pk: indicator for indicator in indicators}
    targets: dict[tuple[int, int], str] = {}
    actuals: dict[tuple[int, int], str] = {}
    # Tens of thousands of figures, a few hundred distinct ones: each written out once.
    shown: dict[tuple[str, str], str] = {}
    for store, model in ((targets, Target), (actuals, Actual)):
        # Tens of thousands of rows at scale: read as text, trailing zeros trimmed by the
        # database, through a plain queryset (modeltranslation's rewrites cost more than the
        # query), and every approved figure of the plan (a join, not a list of ids).
        rows = (
            QuerySet(model)
            .filter(
                indicator__activity__goal__plan=plan,
                period__report_status=APPROVED,
                value__isnull=False,
            )
            .annotate(text=Cast(Func("value", function="trim_scale"), CharField()))
            .values_list("indicator_id", "period_id", "text")
        )
        for indicator_id, period_id, text in rows:
            indicator = by_id.get(indicator_id)
            if indicator is not None:
                figure = shown.get((indicator.measure, text))
                if figure is None:
                    figure = shown[indicator.measure, text] = indicator.display_text(text)
                store[indicator_id, period_id] = figure

    period_ids = [period.pk for period in periods]
    per_activity: dict[int, list[LogframeIndicator]] = defaultdict(list)
    for indicator in indicators:
        pk = indicator.pk
        per_activity[indicator.activity_id].append(
            LogframeIndicator(
                indicator=indicator,
                baseline=indicator.display(indicator.baseline_value),
                end_target=indicator.display(indicator.end_target),
                cells=[
                    (targets.get((pk, period_id), ""), actuals.get((pk, period_id), ""))
                    for period_id in period_ids
                ],
            )
        )
    per_goal: dict[int, list[LogframeActivity]] = defaultdict(list)
    for activity in activities:
        per_goal[activity.goal_id].append(
            LogframeActivity(activity=activity, indicators=per_activity[activity.pk])
        )
    filtering = bool(filterset.active_params)
    sections = [
        LogframeGoal(goal=goal, activities=per_goal[goal.pk])
        for goal in goals
        if per_goal[goal.pk] or not filtering
    ]
    return Logframe(
        plan=plan,
        filterset=filterset,
        periods=periods,
        goals=sections,
        indicator_count=len(indicators),
    )


def computed_indicators() -> QuerySet[Indicator]:
    """The current plan's indicators whose actuals the portal computes from its records."""
    return Indicator.objects.filter(activity__goal__plan__is_current=True, source__gt="").order_by(
        "pk"
    )


def periods_to_compute(*, today: datetime.date) -> QuerySet[ReportingPeriod]:
    """Periods begun and not yet approved: their computed actuals follow the records."""
    return (
        ReportingPeriod.objects.filter(starts_on__lte=today)
        .exclude(report_status=ReportingPeriod.ReportStatus.APPROVED)
        .order_by("starts_on")
    )


@dataclass
class IatiFigure:
    """An approved target or actual as the IATI file writes it: the figure as text ("12.5",
    "" for none) and its words in each language (a target's note, an actual's narrative)."""

    value: str
    texts: dict[str, str]


@dataclass
class IatiBudget:
    """One year of an activity's budget, for the IATI file's `budget` elements. Nothing fills
    it yet: the budget models come separately, and their selector is to give these."""

    starts_on: datetime.date
    ends_on: datetime.date
    amount: str
    currency: str
    value_date: datetime.date


@dataclass
class IatiPlan:
    """The current plan with what its IATI file publishes: activities in number order, their
    indicators, the approved periods (oldest first) and the approved figures by (indicator,
    period)."""

    plan: Plan
    activities: list[Activity]
    indicators: dict[int, list[Indicator]]
    periods: list[ReportingPeriod]
    targets: dict[tuple[int, int], IatiFigure]
    actuals: dict[tuple[int, int], IatiFigure]
    budgets: dict[int, list[IatiBudget]] = field(default_factory=dict)
    # The goals, each a parent activity in the file carrying the goal's budget per year (the
    # budget is kept per goal, not per activity).
    goals: list[Goal] = field(default_factory=list)
    goal_budgets: dict[int, list[IatiBudget]] = field(default_factory=dict)


def _iati_figures(model, *, plan: Plan, text_field: str) -> dict[tuple[int, int], IatiFigure]:
    """A plan's approved targets or actuals with their words in each language, read as plain
    rows (15,000 of each at scale)."""
    languages = [code for code, _name in settings.LANGUAGES]
    rows = (
        QuerySet(model)
        .filter(indicator__activity__goal__plan=plan, period__report_status=APPROVED)
        .annotate(text=Cast(Func("value", function="trim_scale"), CharField()))
        .values_list(
            "indicator_id", "period_id", "text", *(f"{text_field}_{code}" for code in languages)
        )
    )
    return {
        (indicator_id, period_id): IatiFigure(
            # A translation column is NULL where that language was never written.
            value=text or "",
            texts={code: words or "" for code, words in zip(languages, texts, strict=True)},
        )
        for indicator_id, period_id, text, *texts in rows
    }


def iati_plan(*, plan: Plan) -> IatiPlan:
    """What `/workplan/iati.xml` publishes of the plan, in eight queries: figures of approved
    periods only."""
    activities = list(
        Activity.objects.filter(goal__plan=plan)
        .select_related("goal")
        .order_by("goal__number", "sequence")
    )
    indicators: dict[int, list[Indicator]] = defaultdict(list)
    for indicator in Indicator.objects.filter(activity__goal__plan=plan).order_by(
        "activity_id", "position", "id"
    ):
        indicators[indicator.activity_id].append(indicator)
    return IatiPlan(
        plan=plan,
        activities=activities,
        indicators=indicators,
        periods=list(ReportingPeriod.objects.approved().order_by("starts_on")),
        targets=_iati_figures(Target, plan=plan, text_field="note"),
        actuals=_iati_figures(Actual, plan=plan, text_field="narrative"),
        goals=list(plan.goals.order_by("number")),
        goal_budgets=_iati_goal_budgets(plan),
    )


def _iati_goal_budgets(plan: Plan) -> dict[int, list[IatiBudget]]:
    """Each goal's budget lines as IATI yearly budgets (a budget is a plan of spending, public
    as the dashboard's yearly totals are; what was spent stays with the approved periods)."""
    budgets: dict[int, list[IatiBudget]] = defaultdict(list)
    for line in BudgetLine.objects.filter(goal__plan=plan).order_by("goal_id", "year"):
        start = datetime.date(line.year, 1, 1)
        budgets[line.goal_id].append(
            IatiBudget(
                starts_on=start,
                ends_on=datetime.date(line.year, 12, 31),
                amount=figure_text(line.amount),
                currency=line.currency,
                value_date=start,
            )
        )
    return dict(budgets)


# Targets against actuals on the dashboard: indicators that count (numbers and percentages).
COUNTED = [Indicator.Measure.NUMBER, Indicator.Measure.PERCENTAGE]


@dataclass
class GoalTargets:
    """A goal's targets of approved periods: how many there are, how many the actual met, how
    many it missed, how many have no actual yet."""

    goal: Goal
    targets: int
    met: int
    missed: int

    @property
    def unreported(self) -> int:
        return self.targets - self.met - self.missed


@dataclass
class TargetSeries:
    """An indicator's target and actual in each approved period (`TargetsBoard.periods`), as
    decimals (None: none set)."""

    indicator: Indicator
    targets: list
    actuals: list

    @property
    def activity(self) -> Activity:
        return self.indicator.activity


@dataclass
class TargetsBoard:
    goals: list[GoalTargets]
    goal: Goal | None  # the goal whose indicators are drawn
    periods: list[ReportingPeriod]
    series: list[TargetSeries]


def _goal_number(value: str | None) -> int | None:
    if value and value.isascii() and value.isdecimal() and len(value) < 6:
        return int(value)
    return None


def targets_against_actuals(*, plan: Plan, goal: str | None) -> TargetsBoard:
    """Every goal's approved targets counted as met, missed or not reported, and one goal's
    counting indicators with their target and actual per approved period (the first goal when
    `goal` names none of the plan's): five queries, whatever the plan's size."""
    goals = list(plan.goals.all())
    # The actual of the target's indicator and period; compared in the database, one row a goal.
    actual = Subquery(
        QuerySet(Actual)
        .filter(indicator=OuterRef("indicator"), period=OuterRef("period"))
        .values("value")[:1]
    )
    met = Q(indicator__direction=Indicator.Direction.HIGHER, actual__gte=F("value")) | Q(
        indicator__direction=Indicator.Direction.LOWER, actual__lte=F("value")
    )
    counts = {
        row["indicator__activity__goal_id"]: row
        for row in QuerySet(Target)
        .filter(
            indicator__activity__goal__plan=plan,
            indicator__measure__in=COUNTED,
            period__report_status=APPROVED,
            value__isnull=False,
        )
        .annotate(actual=actual)
        .values("indicator__activity__goal_id")
        .annotate(
            targets=Count("id"),
            met=Count("id", filter=met),
            reported=Count("id", filter=Q(actual__isnull=False)),
        )
        .order_by()
    }
    rows = []
    for each in goals:
        row = counts.get(each.pk, {"targets": 0, "met": 0, "reported": 0})
        rows.append(
            GoalTargets(
                goal=each,
                targets=row["targets"],
                met=row["met"],
                missed=row["reported"] - row["met"],
            )
        )

    number = _goal_number(goal)
    chosen = next((each for each in goals if each.number == number), goals[0] if goals else None)
    indicators = list(
        Indicator.objects.filter(activity__goal=chosen, measure__in=COUNTED)
        .select_related("activity__goal")
        .order_by("activity__sequence", "position", "id")
    )

    def figures(model, kind: str) -> QuerySet:
        return (
            QuerySet(model)
            .filter(
                indicator__activity__goal=chosen,
                indicator__measure__in=COUNTED,
                period__report_status=APPROVED,
                value__isnull=False,
            )
            .annotate(kind=Value(kind))
            .values_list("kind", "indicator_id", "period_id", "value")
            .order_by()
        )

    values: dict[tuple[str, int, int], object] = {}
    period_ids = set()
    # Targets and actuals in one query.
    both = figures(Target, "target").union(figures(Actual, "actual"), all=True).order_by()
    for kind, indicator_id, period_id, value in both:
        values[kind, indicator_id, period_id] = value
        period_ids.add(period_id)
    periods = [
        period
        for period in ReportingPeriod.objects.approved().order_by("starts_on")
        if period.pk in period_ids
    ]
    series = [
        TargetSeries(
            indicator=indicator,
            targets=[values.get(("target", indicator.pk, period.pk)) for period in periods],
            actuals=[values.get(("actual", indicator.pk, period.pk)) for period in periods],
        )
        for indicator in indicators
    ]
    return TargetsBoard(goals=rows, goal=chosen, periods=periods, series=series)


class Result(TextChoices):
    """How an indicator did in a period, as the progress report counts it."""

    MET = "met", gettext_lazy("Target met")
    BELOW = "below", gettext_lazy("Below the target")
    NO_TARGET = "no_target", gettext_lazy("No target for the period")
    IN_WORDS = "in_words", gettext_lazy("Reported in words")
    NOT_REPORTED = "not_reported", gettext_lazy("Not reported")


RESULTS = list(Result)


def indicator_result(indicator: Indicator, target: Target | None, actual: Actual | None) -> str:
    """Whether the period's actual reached its target, in the indicator's direction."""
    if actual is None:
        return Result.NOT_REPORTED
    if actual.value is None:
        return Result.IN_WORDS
    if target is None or target.value is None:
        return Result.NO_TARGET
    if indicator.direction == Indicator.Direction.LOWER:
        return Result.MET if actual.value <= target.value else Result.BELOW
    return Result.MET if actual.value >= target.value else Result.BELOW


@dataclass
class ReportIndicator:
    indicator: Indicator
    target: Target | None
    actual: Actual | None
    result: str
    breakdown: list[ActualBreakdown]

    @property
    def result_label(self) -> str:
        return Result(self.result).label


@dataclass
class ReportActivity:
    activity: Activity
    indicators: list[ReportIndicator]


@dataclass
class ReportGoal:
    goal: Goal
    activities: list[ReportActivity]
    results: StatusRow  # the goal's indicators counted by result, in RESULTS order


@dataclass
class PeriodReport:
    plan: Plan
    period: ReportingPeriod
    goals: list[ReportGoal]
    totals: StatusRow
    other_periods: list[ReportingPeriod]  # the other approved periods, newest first

    @property
    def indicator_count(self) -> int:
        return self.totals.total


def report_identifiers() -> list[str]:
    """The identifiers of the approved periods, newest first: each has a progress report."""
    periods = ReportingPeriod.objects.approved().order_by("-starts_on").only("name_en", "starts_on")
    return [period.identifier for period in periods]


def approved_period(*, identifier: str) -> tuple[ReportingPeriod | None, list[ReportingPeriod]]:
    """The approved period of that identifier ("2021"), or None, and the other approved
    periods newest first; one query (periods are few)."""
    periods = list(ReportingPeriod.objects.approved().order_by("-starts_on"))
    found = next((period for period in periods if period.identifier == identifier), None)
    return found, [period for period in periods if period != found]


def period_report(*, plan: Plan, identifier: str) -> PeriodReport | None:
    """The progress report of an approved period: every goal and activity of the plan, each
    indicator with its baseline and the period's target, actual (narrative, evidence,
    breakdown) and result; None for a period that is unknown or not approved. Seven queries
    whatever the plan's size."""
    period, others = approved_period(identifier=identifier)
    if period is None:
        return None
    goals = list(plan.goals.all())
    activities = list(
        Activity.objects.filter(goal__plan=plan)
        .select_related("goal")
        .order_by("goal__number", "sequence")
    )
    indicators = list(
        Indicator.objects.filter(activity__goal__plan=plan).order_by(
            "activity_id", "position", "id"
        )
    )
    of_plan = {"indicator__activity__goal__plan": plan, "period": period}
    targets = {target.indicator_id: target for target in Target.objects.filter(**of_plan)}
    actuals = {
        actual.indicator_id: actual
        for actual in Actual.objects.filter(**of_plan).select_related("evidence_document")
    }
    breakdown: dict[int, list[ActualBreakdown]] = defaultdict(list)
    for row in (
        ActualBreakdown.objects.filter(
            actual__indicator__activity__goal__plan=plan, actual__period=period
        )
        .select_related("administration")
        .order_by("actual_id", "administration__code", "sex")
    ):
        breakdown[row.actual_id].append(row)

    per_activity: dict[int, list[ReportIndicator]] = defaultdict(list)
    for indicator in indicators:
        target, actual = targets.get(indicator.pk), actuals.get(indicator.pk)
        per_activity[indicator.activity_id].append(
            ReportIndicator(
                indicator=indicator,
                target=target,
                actual=actual,
                result=indicator_result(indicator, target, actual),
                breakdown=breakdown[actual.pk] if actual else [],
            )
        )
    per_goal: dict[int, list[ReportActivity]] = defaultdict(list)
    for activity in activities:
        per_goal[activity.goal_id].append(
            ReportActivity(activity=activity, indicators=per_activity[activity.pk])
        )
    sections = []
    for goal in goals:
        counts = [0] * len(RESULTS)
        for entry in per_goal[goal.pk]:
            for row in entry.indicators:
                counts[RESULTS.index(row.result)] += 1
        sections.append(
            ReportGoal(
                goal=goal,
                activities=per_goal[goal.pk],
                results=StatusRow(
                    label=_("Goal %(number)s") % {"number": goal.number}, counts=counts
                ),
            )
        )
    totals = StatusRow(
        label=_("All goals"),
        counts=[
            sum(section.results.counts[i] for section in sections) for i in range(len(RESULTS))
        ],
    )
    return PeriodReport(
        plan=plan, period=period, goals=sections, totals=totals, other_periods=others
    )
