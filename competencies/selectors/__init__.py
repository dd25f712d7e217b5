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
from competencies.selectors.gaps import MIN_PEOPLE, gaps_by_administration
from competencies.selectors.profiles import (
    profile_assessments_of,
    profile_by_key,
    profile_choices,
    profile_key,
    profile_rating_initial,
    profile_result,
    profile_statements,
)
from competencies.selectors.versions import (
    consultations_open,
    position_changes,
    version_detail,
    version_list,
    version_pages,
    version_position,
)

__all__ = [
    "MIN_PEOPLE",
    "assessments_of",
    "competency_codes",
    "competency_dictionary",
    "competency_page",
    "consultations_open",
    "framework_overview",
    "gaps_by_administration",
    "gap_profile",
    "job_description",
    "position_catalogue",
    "position_changes",
    "position_choices",
    "position_comparison",
    "position_slugs",
    "profile_assessments_of",
    "profile_by_key",
    "profile_choices",
    "profile_key",
    "profile_rating_initial",
    "profile_result",
    "profile_statements",
    "qualification_tables",
    "rating_initial",
    "rating_sheet",
    "topical_clusters",
    "version_detail",
    "version_list",
    "version_pages",
    "version_position",
]
