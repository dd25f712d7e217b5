from django.urls import path
from django.views.decorators.cache import never_cache

from competencies import views
from core.cache import cache_public_page

app_name = "competencies"

urlpatterns = [
    # Public pages, the same for every visitor: cached, refreshed whenever staff edit.
    path("competencies/", cache_public_page(views.OverviewView.as_view()), name="overview"),
    path(
        "competencies/positions/",
        cache_public_page(views.PositionListView.as_view()),
        name="position_list",
    ),
    path(
        "competencies/positions/<slug:slug>/",
        cache_public_page(views.PositionDetailView.as_view()),
        name="position_detail",
    ),
    path(
        "competencies/dictionary/",
        cache_public_page(views.DictionaryView.as_view()),
        name="dictionary",
    ),
    path(
        "competencies/dictionary/<slug:code>/",
        cache_public_page(views.CompetencyDetailView.as_view()),
        name="competency_detail",
    ),
    path(
        "competencies/qualifications/",
        cache_public_page(views.QualificationsView.as_view()),
        name="qualifications",
    ),
    path(
        "competencies/compare/",
        cache_public_page(views.compare, params=["current", "target"]),
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
]
