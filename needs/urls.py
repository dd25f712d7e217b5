from django.urls import path

from needs import views

app_name = "needs"

# Members only: a member reads their administration's requests, its focal point sends them, the
# office (staff) reads all and moves them along the workflow.
urlpatterns = [
    path("members/needs/", views.NeedListView.as_view(), name="list"),
    path("members/needs/new/", views.NeedCreateView.as_view(), name="new"),
    path("members/needs/<int:pk>/", views.NeedDetailView.as_view(), name="detail"),
    path("members/needs/analysis/", views.NeedsAnalysisView.as_view(), name="analysis"),
    *[
        path(
            f"members/needs/analysis.{file_format}",
            views.NeedsAnalysisExportView.as_view(),
            {"file_format": file_format},
            name=f"analysis_{file_format}",
        )
        for file_format in ("csv", "xlsx")
    ],
    path(
        "members/needs/<int:pk>/attachments/<int:attachment>/",
        views.NeedAttachmentView.as_view(),
        name="attachment",
    ),
    # Staff holding needs.add_mission record a mission; the report for those who read the request.
    path(
        "members/needs/<int:pk>/missions/new/",
        views.MissionCreateView.as_view(),
        name="mission_new",
    ),
    path(
        "members/needs/<int:pk>/missions/<int:mission>/report/",
        views.MissionReportView.as_view(),
        name="mission_report",
    ),
    # No login: the signed link mailed to the host's focal point and to the expert (see views).
    path(
        "needs/missions/evaluate/<str:token>/",
        views.EvaluationView.as_view(),
        name="evaluate",
    ),
]
