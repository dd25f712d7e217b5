"""Import and export of contact points and training centres in the admin (CSV, XLSX).

Imports are previewed with their row errors and saved in one transaction: any invalid row and
nothing is saved. Every saved row is a revision in the edit history.
"""

import reversion
from django.utils.translation import gettext as _
from import_export import fields, resources, widgets

from administrations.models import Administration
from contacts.models import ContactPoint, TrainingCentre
from core.spreadsheets import clean_cell


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


class HistoryResource(resources.ModelResource):
    """Undoes the CSV formula guard of our exports and records each saved row in the history."""

    def before_import_row(self, row, **kwargs):
        for key in list(row.keys()):
            row[key] = clean_cell(row[key])

    def save_instance(self, instance, is_create, row, **kwargs):
        with reversion.create_revision():
            super().save_instance(instance, is_create, row, **kwargs)
            if kwargs.get("user") is not None:
                reversion.set_user(kwargs["user"])
            reversion.set_comment("Imported")


class ContactPointResource(HistoryResource):
    country = fields.Field(
        attribute="administration", column_name="country", widget=AdministrationWidget()
    )
    languages = fields.Field(
        attribute="languages", column_name="languages", widget=LanguagesWidget()
    )

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
        ]
        export_order = fields
        clean_model_instances = True
        use_transactions = True
        skip_unchanged = True
        report_skipped = False


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
