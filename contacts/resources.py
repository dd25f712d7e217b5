"""Contact points and training centres as tables (CSV, XLSX): the admin imports and exports
them, and members download the directory's contact points through the same resource.

Imports are previewed with their row errors and saved in one transaction: any invalid row and
nothing is saved. Every saved row is a revision in the edit history.
"""

import reversion
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, gettext_noop
from import_export import fields, widgets

from administrations.models import Administration
from contacts.models import ContactPoint, TrainingCentre
from core import history
from core.spreadsheets import Resource


class AdministrationWidget(widgets.ForeignKeyWidget):
    """An administration by its ISO code, in any case."""

    def __init__(self):
        super().__init__(Administration, field="code")

    def clean(self, value, row=None, **kwargs):
        code = str(value or "").strip().upper()
        try:
            return super().clean(code or None, row, **kwargs)
        except Administration.DoesNotExist:
            # A ValueError becomes an error of this row's field, shown in the preview.
            raise ValueError(
                _("No administration has the code %(code)s.") % {"code": code}
            ) from None


class LanguagesWidget(widgets.SimpleArrayWidget):
    """Working languages as ISO codes separated by commas: "en, ru"."""

    def __init__(self):
        super().__init__(separator=",")

    def clean(self, value, row=None, **kwargs):
        return [
            code.strip().lower() for code in super().clean(value, row, **kwargs) if code.strip()
        ]


class HistoryResource(Resource):
    """Records each saved row in the history."""

    def save_instance(self, instance, is_create, row, **kwargs):
        with reversion.create_revision():
            super().save_instance(instance, is_create, row, **kwargs)
            if kwargs.get("user") is not None:
                reversion.set_user(kwargs["user"])
            history.note(gettext_noop("Imported"))


class ContactPointResource(HistoryResource):
    """Every column of a contact point: the admin's (both languages, codes), which it imports,
    and the directory download's (`DOWNLOAD`: the page language's names and labels)."""

    headers = {
        "id": gettext_lazy("ID"),
        "country_name": gettext_lazy("Country"),
        "country": gettext_lazy("ISO code"),
        "role": gettext_lazy("Role code"),
        "role_name": gettext_lazy("Role"),
        "name": gettext_lazy("Name"),
        "name_en": gettext_lazy("Name in English"),
        "name_ru": gettext_lazy("Name in Russian"),
        "title": gettext_lazy("Job title"),
        "title_en": gettext_lazy("Job title in English"),
        "title_ru": gettext_lazy("Job title in Russian"),
        "email": gettext_lazy("Email address"),
        "phone": gettext_lazy("Phone"),
        "languages": gettext_lazy("Language codes"),
        "language_names": gettext_lazy("Working languages"),
        "verified_on": gettext_lazy("Verified on"),
    }
    country = fields.Field(
        attribute="administration", column_name="country", widget=AdministrationWidget()
    )
    languages = fields.Field(
        attribute="languages", column_name="languages", widget=LanguagesWidget()
    )
    # Read out for the download only (an import leaves them alone).
    country_name = fields.Field(attribute="administration__name", readonly=True)
    role_name = fields.Field(attribute="get_role_display", readonly=True)
    name = fields.Field(attribute="name", readonly=True)
    title = fields.Field(attribute="title", readonly=True)
    language_names = fields.Field(readonly=True)

    # The directory's download, in this order.
    DOWNLOAD = [
        "country_name",
        "country",
        "role_name",
        "name",
        "title",
        "email",
        "phone",
        "language_names",
        "verified_on",
    ]

    class Meta:
        model = ContactPoint
        fields = [
            "id",
            "country",
            "role",
            "name_en",
            "name_ru",
            "title_en",
            "title_ru",
            "email",
            "phone",
            "languages",
            "verified_on",
            "country_name",
            "role_name",
            "name",
            "title",
            "language_names",
        ]
        export_order = fields
        clean_model_instances = True
        use_transactions = True
        skip_unchanged = True
        report_skipped = False

    def get_queryset(self):
        return ContactPoint.objects.select_related("administration")

    def dehydrate_language_names(self, contact: ContactPoint) -> str:
        return ", ".join(contact.language_names())


class TrainingCentreResource(HistoryResource):
    country = fields.Field(
        attribute="administration", column_name="country", widget=AdministrationWidget()
    )

    class Meta:
        model = TrainingCentre
        fields = [
            "id",
            "country",
            "name_en",
            "name_ru",
            "city_en",
            "city_ru",
            "latitude",
            "longitude",
            "programmes_en",
            "programmes_ru",
            "elearning_platform",
            "url",
            "is_wco_rtc",
        ]
        export_order = fields
        clean_model_instances = True
        use_transactions = True
        skip_unchanged = True
        report_skipped = False
