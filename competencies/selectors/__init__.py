"""Reads of the competency framework, shaped for its pages."""

from competencies.selectors.assessments import (
    assessments_of,
    gap_profile,
    rating_initial,
    rating_sheet,
)
from competencies.selectors.framework import (
    competency_choices,
    competency_codes,
    competency_dictionary,
    competency_page,
    framework_overview,
    job_description,
    level_choices,
    level_number_choices,
    position_catalogue,
    position_choices,
    position_comparison,
    position_slugs,
    qualification_tables,
    topical_clusters,
)
from competencies.selectors.gaps import MIN_PEOPLE, gaps_by_administration

__all__ = [
    "MIN_PEOPLE",
    "assessments_of",
    "competency_choices",
    "competency_codes",
    "competency_dictionary",
    "competency_page",
    "framework_overview",
    "gaps_by_administration",
    "gap_profile",
    "job_description",
    "level_choices",
    "level_number_choices",
    "position_catalogue",
    "position_choices",
    "position_comparison",
    "position_slugs",
    "qualification_tables",
    "rating_initial",
    "rating_sheet",
    "topical_clusters",
]
