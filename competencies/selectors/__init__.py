"""Reads of the competency framework, shaped for its pages."""

from competencies.selectors.assessments import (
    assessments_of,
    gap_profile,
    rating_initial,
    rating_sheet,
)
from competencies.selectors.framework import (
    competency_codes,
    competency_dictionary,
    competency_page,
    framework_overview,
    job_description,
    position_catalogue,
    position_choices,
    position_comparison,
    position_slugs,
    qualification_tables,
    topical_clusters,
)

__all__ = [
    "assessments_of",
    "competency_codes",
    "competency_dictionary",
    "competency_page",
    "framework_overview",
    "gap_profile",
    "job_description",
    "position_catalogue",
    "position_choices",
    "position_comparison",
    "position_slugs",
    "qualification_tables",
    "rating_initial",
    "rating_sheet",
    "topical_clusters",
]
