from django.urls import path, register_converter

from contacts import views


class CountryCodeConverter:
    """An administration's part of a URL: its ISO code in lower case."""

    regex = "[a-z]{2}"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value.lower()


register_converter(CountryCodeConverter, "country_code")

app_name = "contacts"

urlpatterns = [
    path("members/contacts/", views.DirectoryView.as_view(), name="directory"),
    *[
        path(
            f"members/contacts/export.{file_format}",
            views.directory_export,
            {"file_format": file_format},
            name=f"export_{file_format}",
        )
        for file_format in ("csv", "xlsx", "vcf")
    ],
    path(
        "members/contacts/<country_code:country>/",
        views.AdministrationView.as_view(),
        name="administration",
    ),
    path(
        "members/contacts/<country_code:country>/add/",
        views.ContactPointCreateView.as_view(),
        name="add",
    ),
    path(
        "members/contacts/<country_code:country>/<int:pk>/edit/",
        views.ContactPointUpdateView.as_view(),
        name="edit",
    ),
    path(
        "members/contacts/<country_code:country>/<int:pk>/delete/",
        views.ContactPointDeleteView.as_view(),
        name="delete",
    ),
    path(
        "members/contacts/<country_code:country>/confirm/",
        views.ContactPointsConfirmView.as_view(),
        name="confirm",
    ),
    path("training-centres/", views.TrainingCentresView.as_view(), name="training_centres"),
]
