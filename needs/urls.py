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
]
