"""Pages of the competency framework, one module a part: the framework's public pages, its
numbered versions, the self-assessments (against a position or a qualifications profile) and the
members' consultation. The public ones are cached in urls.py; the self-assessment pages belong
to members, each to its author alone, and the consultation's pages to the members: neither is
ever cached. urls.py names the views through this package."""

from competencies.views.assessments import (
    AssessmentDetailView,
    AssessmentListView,
    assessment_delete,
    assessment_form,
)
from competencies.views.consultation import (
    ConsultationCompetencyView,
    ConsultationListView,
    ConsultationPositionView,
    ConsultationResponseView,
    ConsultationRoundView,
    consultation_comment_edit,
)
from competencies.views.framework import (
    CompetencyDetailView,
    DictionaryView,
    OverviewView,
    PositionDetailView,
    PositionListView,
    QualificationsView,
    compare,
)
from competencies.views.profiles import (
    ProfileAssessmentDetailView,
    profile_assessment_delete,
    profile_assessment_form,
)
from competencies.views.versions import VersionDetailView, VersionListView, VersionPositionView

__all__ = [
    "AssessmentDetailView",
    "AssessmentListView",
    "CompetencyDetailView",
    "ConsultationCompetencyView",
    "ConsultationListView",
    "ConsultationPositionView",
    "ConsultationResponseView",
    "ConsultationRoundView",
    "DictionaryView",
    "OverviewView",
    "PositionDetailView",
    "PositionListView",
    "ProfileAssessmentDetailView",
    "QualificationsView",
    "VersionDetailView",
    "VersionListView",
    "VersionPositionView",
    "assessment_delete",
    "assessment_form",
    "compare",
    "consultation_comment_edit",
    "profile_assessment_delete",
    "profile_assessment_form",
]
