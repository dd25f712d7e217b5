"""The budget in the admin: donors, budget lines, contributions and expenditure, each with its
edit history and a spreadsheet import (all rows or none, row errors in the preview). Expenditure
of an approved period shows but does not change, as the period's results."""

from django.contrib import admin
from import_export.admin import ImportMixin

from core.admin import AllOrNothingImportMixin, TranslatedHistoryAdmin
from core.spreadsheets import FORMATS
from workplan.admin import LockedFigureAdmin
from workplan.budget_resources import BudgetLineResource, ContributionResource, ExpenditureResource
from workplan.models import BudgetLine, Contribution, Donor, Expenditure


class BudgetImportMixin(AllOrNothingImportMixin, ImportMixin):
    import_formats = FORMATS


@admin.register(Donor)
class DonorAdmin(TranslatedHistoryAdmin):
    list_display = ["name", "website"]
    list_filter: list[str] = []
    list_select_related: list[str] = []
    search_fields = ["name_en", "name_ru"]


@admin.register(BudgetLine)
class BudgetLineAdmin(BudgetImportMixin, TranslatedHistoryAdmin):
    resource_classes = [BudgetLineResource]
    list_display = ["__str__", "goal", "year", "amount", "currency"]
    list_filter = ["goal__plan", "year", "goal"]
    list_select_related = ["goal"]
    search_fields = ["goal__title_en", "goal__title_ru", "note_en", "note_ru"]
    autocomplete_fields = ["goal"]
    readonly_fields = ["currency"]
    fields = ["goal", "year", "amount", "currency", "note"]
    ordering = ["-year", "goal__number"]


@admin.register(Contribution)
class ContributionAdmin(BudgetImportMixin, TranslatedHistoryAdmin):
    resource_classes = [ContributionResource]
    list_display = ["__str__", "year", "source", "administration", "donor", "amount", "currency"]
    list_filter = ["plan", "year", "source"]
    list_select_related = ["plan", "administration", "donor"]
    search_fields = [
        "administration__name_en",
        "administration__name_ru",
        "administration__code",
        "donor__name_en",
        "donor__name_ru",
        "note_en",
        "note_ru",
    ]
    autocomplete_fields = ["administration", "donor"]
    readonly_fields = ["currency"]
    fields = ["plan", "year", "source", "administration", "donor", "amount", "currency", "note"]
    ordering = ["-year", "source"]


@admin.register(Expenditure)
class ExpenditureAdmin(BudgetImportMixin, LockedFigureAdmin):
    resource_classes = [ExpenditureResource]
    list_display = ["__str__", "goal", "period", "amount", "currency"]
    list_filter = ["period", "period__report_status", "goal__plan"]
    list_select_related = ["goal", "period"]
    search_fields = ["goal__title_en", "goal__title_ru", "note_en", "note_ru"]
    autocomplete_fields = ["goal"]
    readonly_fields = ["currency"]
    fields = ["goal", "period", "amount", "currency", "note"]
    ordering = ["-period__starts_on", "goal__number"]
