import datetime

from django import forms
from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from import_export.admin import ImportExportModelAdmin

from administrations.admin import RecordedExportMixin
from contacts.models import SPOKEN_LANGUAGES, ContactPoint, TrainingCentre, verification_cutoff
from contacts.resources import ContactPointResource, TrainingCentreResource
from core.admin import AllOrNothingImportMixin, TranslatedHistoryAdmin
from core.spreadsheets import FORMATS


class VerificationFilter(admin.SimpleListFilter):
    title = _("verification")
    parameter_name = "verified"

    def lookups(self, request, model_admin):
        return [
            ("stale", _("Not verified in 12 months")),
            ("recent", _("Verified in the last 12 months")),
        ]

    def queryset(self, request, queryset):
        cutoff: datetime.date = verification_cutoff()
        if self.value() == "stale":
            return queryset.not_verified_since(cutoff)
        if self.value() == "recent":
            return queryset.filter(verified_on__gte=cutoff)
        return queryset


class ContactPointAdminForm(forms.ModelForm):
    languages = forms.MultipleChoiceField(
        label=_("Working languages"),
        choices=SPOKEN_LANGUAGES,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    class Meta:
        model = ContactPoint
        fields = [
            "administration",
            "role",
            "name",
            "title",
            "email",
            "phone",
            "languages",
            "verified_on",
        ]


class SpreadsheetAdmin(AllOrNothingImportMixin, ImportExportModelAdmin):
    """CSV and XLSX import (previewed, with row errors, all or nothing) and export."""

    formats = FORMATS


# Import/export buttons and the history's "Recover deleted" button share the change list.
@admin.register(ContactPoint)
class ContactPointAdmin(RecordedExportMixin, SpreadsheetAdmin, TranslatedHistoryAdmin):
    form = ContactPointAdminForm
    resource_classes = [ContactPointResource]
    list_display = ["name", "role", "administration", "email", "phone", "verified_on"]
    list_filter = [VerificationFilter, "role", "administration"]
    list_select_related = ["administration"]
    search_fields = [
        "name_en",
        "name_ru",
        "title_en",
        "title_ru",
        "email",
        "administration__name_en",
        "administration__name_ru",
        "administration__code",
    ]
    autocomplete_fields = ["administration"]
    date_hierarchy = "verified_on"
    readonly_fields = ["updated_at"]


@admin.register(TrainingCentre)
class TrainingCentreAdmin(SpreadsheetAdmin, TranslatedHistoryAdmin):
    resource_classes = [TrainingCentreResource]
    list_display = ["name", "city", "administration", "is_wco_rtc", "elearning_platform"]
    list_filter = ["is_wco_rtc", "administration"]
    list_select_related = ["administration"]
    search_fields = [
        "name_en",
        "name_ru",
        "city_en",
        "city_ru",
        "programmes_en",
        "programmes_ru",
        "administration__name_en",
        "administration__name_ru",
    ]
    autocomplete_fields = ["administration"]
