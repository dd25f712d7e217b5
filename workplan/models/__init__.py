"""The work plan's models: the plan itself (`plan`), its results framework (`results`) and its
budget (`budget`)."""

from workplan.models.budget import BudgetLine, Contribution, Donor, Expenditure
from workplan.models.plan import (
    SEARCH_CONFIGS,
    SEARCHED_FIELDS,
    Activity,
    Goal,
    Plan,
    ReportingPeriod,
    Stakeholder,
    activity_search_vector,
)
from workplan.models.results import Actual, ActualBreakdown, Indicator, Target

__all__ = [
    "SEARCHED_FIELDS",
    "SEARCH_CONFIGS",
    "Activity",
    "Actual",
    "ActualBreakdown",
    "BudgetLine",
    "Contribution",
    "Donor",
    "Expenditure",
    "Goal",
    "Indicator",
    "Plan",
    "ReportingPeriod",
    "Stakeholder",
    "Target",
    "activity_search_vector",
]
