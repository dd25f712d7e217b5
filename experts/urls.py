from django.urls import path

from experts import views

app_name = "experts"

# Members only (personal data); nominating, confirming and updating: focal points. The expert's
# own record is outside /members/ (the expert has no account): its signed link is its key.
urlpatterns = [
    path("experts/record/withdrawn/", views.RecordWithdrawnView.as_view(), name="record_withdrawn"),
    path("experts/record/<str:token>/", views.ExpertRecordView.as_view(), name="record"),
    path("members/experts/", views.ExpertListView.as_view(), name="list"),
    path(
        "members/experts/export.csv",
        views.ExpertExportView.as_view(),
        {"file_format": "csv"},
        name="export_csv",
    ),
    path(
        "members/experts/export.xlsx",
        views.ExpertExportView.as_view(),
        {"file_format": "xlsx"},
        name="export_xlsx",
    ),
    path("members/experts/<int:pk>/", views.ExpertDetailView.as_view(), name="detail"),
    path("members/experts/<int:pk>/cv/", views.ExpertCvView.as_view(), name="cv"),
    path("members/experts/<int:pk>/confirm/", views.ExpertConfirmView.as_view(), name="confirm"),
    path("members/experts/<int:pk>/update/", views.ExpertUpdateView.as_view(), name="update"),
    path("members/experts/stale/", views.StaleListView.as_view(), name="stale"),
    path("members/experts/nominate/", views.NominateView.as_view(), name="nominate"),
    path("members/experts/nominations/", views.NominationListView.as_view(), name="nominations"),
    path(
        "members/experts/nominations/<int:pk>/correct/",
        views.NominationCorrectView.as_view(),
        name="nomination_correct",
    ),
    path(
        "members/experts/nominations/<int:pk>/withdraw/",
        views.NominationWithdrawView.as_view(),
        name="nomination_withdraw",
    ),
    path(
        "members/experts/nominations/<int:pk>/cv/",
        views.NominationCvView.as_view(),
        name="nomination_cv",
    ),
]
