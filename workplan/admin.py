"""The work plan in the admin: every change kept in the edit history, deletions recoverable.

Activities are registered before goals: reversion then follows an activity's progress entries
(its inline) and a goal's activities, so a version holds them all.
"""

from django import forms
from django.contrib import admin, messages
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from import_export.admin import ImportMixin
from modeltranslation.admin import TranslationStackedInline, TranslationTabularInline

from core.admin import AllOrNothingImportMixin, BoundedInlineMixin, TranslatedHistoryAdmin
from core.spreadsheets import FORMATS
from workplan import services
from workplan.models import Activity, Goal, Plan, ProgressEntry, ReportingPeriod, Stakeholder
from workplan.resources import NUMBER, PlanTableResource


class ProgressEntryInline(BoundedInlineMixin, TranslationStackedInline):
    model = ProgressEntry
    extra = 0
    max_num = 100  # one a reporting period (yearly)
    fields = ["period", "summary", "value", "reported_on", "author"]
    readonly_fields = ["author"]
    ordering = ["-period__starts_on"]
    classes = ["collapse"]


@admin.register(Activity)
class ActivityAdmin(AllOrNothingImportMixin, ImportMixin, TranslatedHistoryAdmin):
    resource_classes = [PlanTableResource]
    import_formats = FORMATS
    import_models = (ProgressEntry,)  # a row may record a period's progress
    list_display = ["number", "title", "status", "stakeholder_names", "is_countable"]
    list_display_links = ["number", "title"]
    list_filter = ["goal__plan", "goal", "status", "stakeholders"]
    list_select_related = ["goal"]
    search_fields = [
        f"{field}_{language}"
        for field in ("title", "expected_output", "indicator", "intended_outcome")
        for language in ("en", "ru")
    ]
    search_help_text = _("Searches the texts in both languages; a number such as 1.10 finds it.")
    ordering = ["goal__plan", "goal__number", "sequence"]
    formfield_overrides = {models.ManyToManyField: {"widget": forms.CheckboxSelectMultiple}}
    fieldsets = [
        (None, {"fields": ["goal", "sequence", "title", "stakeholders"]}),
        (_("Status"), {"fields": ["status", "status_note"]}),
        (
            _("Results"),
            {"fields": ["expected_output", "indicator", "intended_outcome"]},
        ),
        (
            _("Indicator figures"),
            {
                "fields": ["unit", "baseline", "target"],
                "description": _(
                    "For an indicator that counts something: what it counts, where it started "
                    "and where it should get to. Progress entries then record the count."
                ),
            },
        ),
    ]
    inlines = [ProgressEntryInline]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("stakeholders")

    @admin.display(description=_("number"), ordering="goal__number")
    def number(self, activity):
        return activity.number

    @admin.display(description=_("stakeholders"))
    def stakeholder_names(self, activity):
        return ", ".join(stakeholder.name for stakeholder in activity.stakeholders.all())

    @admin.display(description=_("countable"), boolean=True)
    def is_countable(self, activity):
        return activity.is_countable

    def get_search_results(self, request, queryset, search_term):
        number = NUMBER.match(search_term)
        if number:
            goal_number, sequence = (int(part) for part in number.groups())
            return queryset.filter(goal__number=goal_number, sequence=sequence), False
        return super().get_search_results(request, queryset, search_term)

    def save_formset(self, request, form, formset, change):
        if formset.model is ProgressEntry:
            for entry_form in formset.forms:
                if entry_form.has_changed() and not formset._should_delete_form(entry_form):
                    entry_form.instance.author = request.user
        super().save_formset(request, form, formset, change)


class ActivityInline(BoundedInlineMixin, TranslationTabularInline):
    model = Activity
    extra = 0
    max_num = 200  # a goal's activities (the plan has 27 in all)
    fields = ["sequence", "title", "status"]
    ordering = ["sequence"]
    show_change_link = True


@admin.register(Goal)
class GoalAdmin(TranslatedHistoryAdmin):
    list_display = ["__str__", "plan", "number"]
    list_filter = ["plan"]
    list_select_related = ["plan"]
    search_fields = ["title_en", "title_ru", "expected_impact_en", "expected_impact_ru"]
    ordering = ["plan", "number"]
    inlines = [ActivityInline]


@admin.register(Plan)
class PlanAdmin(TranslatedHistoryAdmin):
    list_display = ["title", "start_year", "end_year", "is_current"]
    list_filter = ["is_current"]
    search_fields = ["title_en", "title_ru"]
    readonly_fields = ["is_current"]
    actions = ["make_current"]

    @admin.action(description=_("Show the selected plan on the public pages"))
    def make_current(self, request, queryset):
        if queryset.count() != 1:
            self.message_user(request, _("Select exactly one plan."), messages.ERROR)
            return
        plan = services.plan_make_current(plan=queryset.get(), by=request.user)
        self.message_user(
            request, _("“%(plan)s” is now the current plan.") % {"plan": plan}, messages.SUCCESS
        )


@admin.register(Stakeholder)
class StakeholderAdmin(TranslatedHistoryAdmin):
    list_display = ["name", "slug", "position"]
    list_editable = ["position"]
    search_fields = ["name_en", "name_ru", "slug"]
    prepopulated_fields = {"slug": ["name_en"]}


@admin.register(ReportingPeriod)
class ReportingPeriodAdmin(TranslatedHistoryAdmin):
    list_display = ["name", "starts_on", "ends_on", "entry_count"]
    list_filter = ["starts_on"]
    search_fields = ["name_en", "name_ru"]
    date_hierarchy = "starts_on"

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(entries=models.Count("progress_entries"))

    @admin.display(description=_("progress entries"), ordering="entries")
    def entry_count(self, period):
        return ngettext("%(count)s entry", "%(count)s entries", period.entries) % {
            "count": period.entries
        }


@admin.register(ProgressEntry)
class ProgressEntryAdmin(TranslatedHistoryAdmin):
    list_display = ["activity", "period", "value", "reported_on", "author"]
    list_filter = ["period", "activity__goal__plan", "activity__goal", "activity__status"]
    list_select_related = ["activity__goal", "period", "author"]
    search_fields = ["summary_en", "summary_ru", "activity__title_en", "activity__title_ru"]
    autocomplete_fields = ["activity"]
    readonly_fields = ["author"]
    date_hierarchy = "reported_on"
    ordering = ["-period__starts_on", "activity__goal__number", "activity__sequence"]

    def save_model(self, request, obj, form, change):
        obj.author = request.user
        super().save_model(request, obj, form, change)
