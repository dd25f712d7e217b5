from django.urls import path

from portal import views

app_name = "members"

urlpatterns = [
    path("", views.MembersHomeView.as_view(), name="home"),
    path("countries/<slug:code>/", views.CountryView.as_view(), name="country"),
]
