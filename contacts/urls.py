from functools import wraps

from django.http import HttpResponsePermanentRedirect
from django.urls import path, register_converter, reverse

from contacts import views


class CountryCodeConverter:
    """An administration's part of a URL: its ISO code in lower case. An upper-case code is
    matched too, and `lower_case_country` sends it on to the lower-case address."""

    regex = "[a-zA-Z]{2}"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value.lower()


register_converter(CountryCodeConverter, "country_code")


def lower_case_country(view):
    """`/members/contacts/AL/` answers a permanent redirect to `/members/contacts/al/`, the one
    address of the page (people type the code as they write it)."""

    @wraps(view)
    def wrapper(request, *args, country: str, **kwargs):
        if country != country.lower():
            match = request.resolver_match
            url = reverse(match.view_name, args=match.args, kwargs=match.kwargs)
            query = request.META.get("QUERY_STRING", "")
            return HttpResponsePermanentRedirect(f"{url}?{query}" if query else url)
        return view(request, *args, country=country, **kwargs)

    return wrapper


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
        lower_case_country(views.AdministrationView.as_view()),
        name="administration",
    ),
    path(
        "members/contacts/<country_code:country>/add/",
        lower_case_country(views.ContactPointCreateView.as_view()),
        name="add",
    ),
    path(
        "members/contacts/<country_code:country>/<int:pk>/edit/",
        lower_case_country(views.ContactPointUpdateView.as_view()),
        name="edit",
    ),
    path(
        "members/contacts/<country_code:country>/<int:pk>/delete/",
        lower_case_country(views.ContactPointDeleteView.as_view()),
        name="delete",
    ),
    path(
        "members/contacts/<country_code:country>/confirm/",
        lower_case_country(views.ContactPointsConfirmView.as_view()),
        name="confirm",
    ),
    path("training-centres/", views.TrainingCentresView.as_view(), name="training_centres"),
]
