"""Reads of the work plan for the public pages, the exports, the IATI file and the home page,
one module a page (or a reader) and `common` for what they share.

Each selector runs a fixed number of queries whatever the plan's size. Targets and actuals are
read from approved periods only: a figure or narrative still in draft, submitted or returned
never reaches a public page, an export or the search. Callers import from `workplan.selectors`
(other apps may, by the layers' rule), which names everything below.
"""

from workplan.selectors.common import (
    APPROVED,
    STATUSES,
    StatusRow,
    current_plan,
    published_actuals,
)
from workplan.selectors.computed import computed_indicators, periods_to_compute
from workplan.selectors.home import Glance, plan_at_a_glance
from workplan.selectors.iati import IatiBudget, IatiFigure, IatiPlan, iati_plan
from workplan.selectors.logical_framework import (
    Logframe,
    LogframeActivity,
    LogframeGoal,
    LogframeIndicator,
    logframe,
)
from workplan.selectors.plan import (
    GoalSection,
    IndicatorSeries,
    PlanPage,
    activity_detail,
    activity_filter,
    activity_numbers,
    indicators_with_latest_actual,
    latest_report_period,
    plan_page,
    strategic_framework,
)
from workplan.selectors.progress import (
    COUNTED,
    Dashboard,
    GoalTargets,
    TargetsBoard,
    TargetSeries,
    dashboard,
    targets_against_actuals,
)
from workplan.selectors.report import (
    RESULTS,
    PeriodReport,
    ReportActivity,
    ReportGoal,
    ReportIndicator,
    Result,
    approved_period,
    indicator_result,
    period_report,
    report_identifiers,
)

__all__ = [
    "APPROVED",
    "COUNTED",
    "RESULTS",
    "STATUSES",
    "Dashboard",
    "Glance",
    "GoalSection",
    "GoalTargets",
    "IatiBudget",
    "IatiFigure",
    "IatiPlan",
    "IndicatorSeries",
    "Logframe",
    "LogframeActivity",
    "LogframeGoal",
    "LogframeIndicator",
    "PeriodReport",
    "PlanPage",
    "ReportActivity",
    "ReportGoal",
    "ReportIndicator",
    "Result",
    "StatusRow",
    "TargetSeries",
    "TargetsBoard",
    "activity_detail",
    "activity_filter",
    "activity_numbers",
    "approved_period",
    "computed_indicators",
    "current_plan",
    "dashboard",
    "iati_plan",
    "indicator_result",
    "indicators_with_latest_actual",
    "latest_report_period",
    "logframe",
    "period_report",
    "periods_to_compute",
    "plan_at_a_glance",
    "plan_page",
    "published_actuals",
    "report_identifiers",
    "strategic_framework",
    "targets_against_actuals",
]
