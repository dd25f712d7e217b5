from django.urls import path
from django.views.decorators.cache import never_cache

from competencies import views
from core.cache import cache_public_page

app_name = "competencies"

# What the public pages read (core.generations): staff's edits of the framework refresh them, a
# member's self-assessment leaves them cached. The overview names the consultation under way.
FRAMEWORK = (
    "competencies.FunctionalArea competencies.JobPosition competencies.CompetencyFamily "
    "competencies.Competency competencies.ProficiencyLevel competencies.LevelDescriptor "
    "competencies.Requirement competencies.ConsultationRound"
)
# The numbered versions (a position's page says which one holds it and what changed).
VERSIONS = (
    "competencies.FrameworkVersion competencies.VersionedPosition "
    "competencies.VersionedCompetency competencies.VersionedRequirement "
    "competencies.VersionedDescriptor competencies.ProficiencyLevel "
    "competencies.FunctionalArea competencies.CompetencyFamily competencies.ConsultationRound"
)
QUALIFICATIONS = "competencies.QualificationLevel competencies.TopicalCluster"
# A competency's page lists the e-learning that builds it.
COMPETENCY = f"{FRAMEWORK} outreach.Tool"

urlpatterns = [
    # Public pages, the same for every visitor: cached, refreshed when what they read changes.
    path(
        "competencies/",
        cache_public_page(views.OverviewView.as_view(), reads=FRAMEWORK),
        name="overview",
    ),
    path(
        "competencies/positions/",
        cache_public_page(views.PositionListView.as_view(), reads=FRAMEWORK),
        name="position_list",
    ),
    path(
        "competencies/positions/<slug:slug>/",
        cache_public_page(views.PositionDetailView.as_view(), reads=f"{FRAMEWORK} {VERSIONS}"),
        name="position_detail",
    ),
    path(
        "competencies/versions/",
        cache_public_page(views.VersionListView.as_view(), reads=VERSIONS),
        name="version_list",
    ),
    path(
        "competencies/versions/<int:number>/",
        cache_public_page(views.VersionDetailView.as_view(), reads=VERSIONS),
        name="version_detail",
    ),
    path(
        "competencies/versions/<int:number>/positions/<slug:slug>/",
        cache_public_page(views.VersionPositionView.as_view(), reads=VERSIONS),
        name="version_position",
    ),
    path(
        "competencies/dictionary/",
        cache_public_page(views.DictionaryView.as_view(), reads=FRAMEWORK),
        name="dictionary",
    ),
    path(
        "competencies/dictionary/<slug:code>/",
        cache_public_page(views.CompetencyDetailView.as_view(), reads=COMPETENCY),
        name="competency_detail",
    ),
    path(
        "competencies/qualifications/",
        cache_public_page(views.QualificationsView.as_view(), reads=QUALIFICATIONS),
        name="qualifications",
    ),
    path(
        "competencies/compare/",
        cache_public_page(views.compare, reads=FRAMEWORK, params=["current", "target"]),
        name="compare",
    ),
    # A member's own self-assessments: personal, never stored by any cache.
    path(
        "competencies/self-assessment/",
        never_cache(views.AssessmentListView.as_view()),
        name="assessment_list",
    ),
    path(
        "competencies/self-assessment/new/",
        never_cache(views.assessment_form),
        name="assessment_start",
    ),
    path(
        "competencies/self-assessment/<int:pk>/",
        never_cache(views.AssessmentDetailView.as_view()),
        name="assessment_detail",
    ),
    path(
        "competencies/self-assessment/<int:pk>/edit/",
        never_cache(views.assessment_form),
        name="assessment_edit",
    ),
    path(
        "competencies/self-assessment/<int:pk>/delete/",
        never_cache(views.assessment_delete),
        name="assessment_delete",
    ),
    path(
        "competencies/self-assessment/profiles/new/",
        never_cache(views.profile_assessment_form),
        name="profile_assessment_start",
    ),
    path(
        "competencies/self-assessment/profiles/<int:pk>/",
        never_cache(views.ProfileAssessmentDetailView.as_view()),
        name="profile_assessment_detail",
    ),
    path(
        "competencies/self-assessment/profiles/<int:pk>/edit/",
        never_cache(views.profile_assessment_form),
        name="profile_assessment_edit",
    ),
    path(
        "competencies/self-assessment/profiles/<int:pk>/delete/",
        never_cache(views.profile_assessment_delete),
        name="profile_assessment_delete",
    ),
    # The members' consultation on the draft framework: members only, never cached.
    path(
        "members/competencies/consultation/",
        never_cache(views.ConsultationListView.as_view()),
        name="consultation",
    ),
    path(
        "members/competencies/consultation/<int:pk>/",
        never_cache(views.ConsultationRoundView.as_view()),
        name="consultation_round",
    ),
    path(
        "members/competencies/consultation/<int:pk>/positions/<slug:slug>/",
        never_cache(views.ConsultationPositionView.as_view()),
        name="consultation_position",
    ),
    path(
        "members/competencies/consultation/<int:pk>/dictionary/<slug:code>/",
        never_cache(views.ConsultationCompetencyView.as_view()),
        name="consultation_competency",
    ),
    path(
        "members/competencies/consultation/<int:pk>/response/",
        never_cache(views.ConsultationResponseView.as_view()),
        name="consultation_response",
    ),
    path(
        "members/competencies/consultation/comments/<int:pk>/edit/",
        never_cache(views.consultation_comment_edit),
        name="consultation_comment_edit",
    ),
]
