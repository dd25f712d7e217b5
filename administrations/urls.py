from django.urls import path

from administrations import views

app_name = "administrations"

urlpatterns = [
    path("accounts/request/", views.AccountRequestView.as_view(), name="account_request"),
    path(
        "accounts/request/sent/",
        views.AccountRequestSentView.as_view(),
        name="account_request_sent",
    ),
    path(
        "accounts/invitation/<uidb64>/<token>/",
        views.InvitationView.as_view(),
        name="invitation",
    ),
    path("members/administration/users/", views.UsersView.as_view(), name="users"),
    path(
        "members/administration/users/requests/<int:pk>/approve/",
        views.AccountRequestApproveView.as_view(),
        name="request_approve",
    ),
    path(
        "members/administration/users/requests/<int:pk>/decline/",
        views.AccountRequestDeclineView.as_view(),
        name="request_decline",
    ),
    path(
        "members/administration/users/<int:pk>/deactivate/",
        views.UserActivationView.as_view(active=False),
        name="user_deactivate",
    ),
    path(
        "members/administration/users/<int:pk>/reactivate/",
        views.UserActivationView.as_view(active=True),
        name="user_reactivate",
    ),
    path(
        "members/administration/users/<int:pk>/invite/",
        views.UserInviteView.as_view(),
        name="user_invite",
    ),
]
