"""The work plan in the admin: every change kept in the edit history, deletions recoverable.

Indicators are registered before activities, and activities before goals: reversion then
follows an indicator's targets and actuals (its inlines), an activity's indicators and a goal's
activities, so a version holds them all. A period's report moves through the review by the
period list's actions, which call the services (approving, returning and reopening need the
reviewer permission); the figures of an approved period are locked.
"""

import reversion
from django import forms
from django.contrib import admin, messages
from django.contrib.admin.helpers import ActionForm
from django.core.exceptions import ValidationError
from django.db import models
from django.forms.models import BaseInlineFormSet
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from import_export.admin import ImportMixin
from modeltranslation.admin import TranslationStackedInline, TranslationTabularInline

from core.admin import AllOrNothingImportMixin, BoundedInlineMixin, TranslatedHistoryAdmin
from core.spreadsheets import FORMATS
from workplan import services
from workplan.models import (
    Activity,
    Actual,
    ActualBreakdown,
    Goal,
    Indicator,
    Plan,
    ReportingPeriod,
    Stakeholder,
    Target,
)
from workplan.models.results import check_period_open
from workplan.resources import NUMBER, PlanTableResource


def _period_ids(form) -> set[int]:
    """The periods a figure's form touches: the one it had and the one it is given."""
    instance, ids = form.instance, set()
    if isinstance(instance, ActualBreakdown):
        if instance.actual_id:
            ids.add(instance.actual.period_id)
        return ids
    if instance.pk:
        ids.add(type(instance).objects.filter(pk=instance.pk).values_list("period", flat=True)[0])
    if period := form.cleaned_data.get("period"):
        ids.add(period.pk)
    return ids


class LockedPeriodForm(forms.ModelForm):
    """A target, an actual or a breakdown row that changes in an approved period is refused."""

    def clean(self):
        cleaned = super().clean()
        if self.has_changed():
            for period_id in _period_ids(self):
                check_period_open(period_id)
        return cleaned


class LockedPeriodFormSet(BaseInlineFormSet):
    """Refuses to delete a row of an approved period (a change is refused by its form)."""

    def clean(self):
        super().clean()
        for form in self.deleted_forms:
            if form.instance.pk:
                for period_id in _period_ids(form):
                    check_period_open(period_id)


class TargetInline(BoundedInlineMixin, TranslationTabularInline):
    model = Target
    form = LockedPeriodForm
    formset = LockedPeriodFormSet
    extra = 0
    max_num = 100  # one a reporting period
    fields = ["period", "value", "note"]
    ordering = ["period__starts_on"]


class ActualInline(BoundedInlineMixin, TranslationStackedInline):
    model = Actual
    form = LockedPeriodForm
    formset = LockedPeriodFormSet
    extra = 0
    max_num = 100  # one a reporting period
    fields = [
        "period",
        "value",
        "narrative",
        "evidence_document",
        "evidence_url",
        "reported_on",
        "author",
        "computed_at",
    ]
    readonly_fields = ["author", "computed_at"]
    autocomplete_fields = ["evidence_document"]
    ordering = ["-period__starts_on"]
    show_change_link = True  # the breakdown is on the actual's own page


# An actual's breakdown rows belong to its versions (ActualAdmin's inline). Registered before
# the indicator admin registers Actual, as its own inline, without them.
reversion.register(ActualBreakdown)
reversion.register(Actual, follow=["breakdown"])


class BreakdownInline(BoundedInlineMixin, admin.TabularInline):
    model = ActualBreakdown
    form = LockedPeriodForm
    formset = LockedPeriodFormSet
    extra = 0
    max_num = 200  # the region's administrations, by sex
    fields = ["administration", "sex", "value"]
    autocomplete_fields = ["administration"]


def _set_author(request, formset):
    for entry_form in formset.forms:
        if entry_form.has_changed() and not formset._should_delete_form(entry_form):
            entry_form.instance.author = request.user


@admin.register(Indicator)
class IndicatorAdmin(TranslatedHistoryAdmin):
    list_display = ["__str__", "activity_number", "measure", "unit", "baseline_value"]
    list_filter = ["measure", "direction", "activity__goal__plan", "activity__goal"]
    list_select_related = ["activity__goal"]
    search_fields = [
        "name_en",
        "name_ru",
        "means_of_verification_en",
        "means_of_verification_ru",
        "activity__title_en",
        "activity__title_ru",
    ]
    autocomplete_fields = ["activity"]
    ordering = ["activity__goal__plan", "activity__goal__number", "activity__sequence", "position"]
    fieldsets = [
        (None, {"fields": ["activity", "position", "name", "means_of_verification"]}),
        (
            _("Measure"),
            {"fields": ["measure", "unit", "direction", "counts_people", "source"]},
        ),
        (_("Baseline and target"), {"fields": ["baseline_value", "baseline_year", "end_target"]}),
    ]
    inlines = [TargetInline, ActualInline]

    @admin.display(description=_("activity"), ordering="activity__goal__number")
    def activity_number(self, indicator):
        return indicator.activity.number

    def save_formset(self, request, form, formset, change):
        if formset.model is Actual:
            _set_author(request, formset)
        super().save_formset(request, form, formset, change)


class LockedFigureAdmin(TranslatedHistoryAdmin):
    """A target or an actual of an approved period shows, but does not change."""

    form = LockedPeriodForm

    def has_change_permission(self, request, obj=None):
        if obj is not None and obj.period.is_locked:
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        if obj is not None and obj.period.is_locked:
            return False
        return super().has_delete_permission(request, obj)


@admin.register(Actual)
class ActualAdmin(LockedFigureAdmin):
    list_display = ["indicator", "period", "value", "reported_on", "author"]
    list_filter = ["period", "period__report_status", "indicator__activity__goal"]
    list_select_related = ["indicator", "period", "author"]
    search_fields = ["narrative_en", "narrative_ru", "indicator__name_en", "indicator__name_ru"]
    autocomplete_fields = ["indicator", "evidence_document"]
    readonly_fields = ["author", "computed_at"]
    date_hierarchy = "reported_on"
    ordering = ["-period__starts_on", "indicator_id"]
    inlines = [BreakdownInline]

    def save_model(self, request, obj, form, change):
        obj.author = request.user
        super().save_model(request, obj, form, change)


@admin.register(Target)
class TargetAdmin(LockedFigureAdmin):
    list_display = ["indicator", "period", "value"]
    list_filter = ["period", "period__report_status"]
    list_select_related = ["indicator", "period"]
    search_fields = ["indicator__name_en", "indicator__name_ru", "note_en", "note_ru"]
    autocomplete_fields = ["indicator"]
    ordering = ["-period__starts_on", "indicator_id"]


class IndicatorInline(BoundedInlineMixin, TranslationStackedInline):
    model = Indicator
    extra = 0
    max_num = 50  # an activity's indicators
    fields = [
        "position",
        "name",
        "measure",
        "unit",
        "direction",
        "baseline_value",
        "baseline_year",
        "end_target",
        "means_of_verification",
        "counts_people",
    ]
    ordering = ["position"]
    show_change_link = True  # targets and actuals are on the indicator's page
    classes = ["collapse"]


@admin.register(Activity)
class ActivityAdmin(AllOrNothingImportMixin, ImportMixin, TranslatedHistoryAdmin):
    resource_classes = [PlanTableResource]
    import_formats = FORMATS
    import_models = (Indicator, Actual)  # a row may set an indicator and a period's actual
    list_display = ["number", "title", "status", "stakeholder_names", "indicator_count"]
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
    ]
    inlines = [IndicatorInline]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .prefetch_related("stakeholders")
            .annotate(indicators_count=models.Count("indicators"))
        )

    @admin.display(description=_("number"), ordering="goal__number")
    def number(self, activity):
        return activity.number

    @admin.display(description=_("stakeholders"))
    def stakeholder_names(self, activity):
        return ", ".join(stakeholder.name for stakeholder in activity.stakeholders.all())

    @admin.display(description=_("indicators"), ordering="indicators_count")
    def indicator_count(self, activity):
        return activity.indicators_count

    def get_search_results(self, request, queryset, search_term):
        number = NUMBER.match(search_term)
        if number:
            goal_number, sequence = (int(part) for part in number.groups())
            return queryset.filter(goal__number=goal_number, sequence=sequence), False
        return super().get_search_results(request, queryset, search_term)


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
    # Public documents only (the field's limit_choices_to), searched by title.
    autocomplete_fields = ["strategic_framework"]
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


class ReviewActionForm(ActionForm):
    comment = forms.CharField(
        label=_("Comment"),
        required=False,
        max_length=2000,
        help_text=_("Needed to return or reopen a report."),
    )


@admin.register(ReportingPeriod)
class ReportingPeriodAdmin(TranslatedHistoryAdmin):
    list_display = ["name", "starts_on", "ends_on", "report_status", "actual_count"]
    list_filter = ["report_status", "starts_on"]
    search_fields = ["name_en", "name_ru"]
    date_hierarchy = "starts_on"
    readonly_fields = [
        "report_status",
        "review_comment",
        "submitted_on",
        "reviewed_by",
        "reviewed_on",
    ]
    action_form = ReviewActionForm
    actions = ["submit_report", "approve_report", "return_report", "reopen_report"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(actual_total=models.Count("actuals"))

    @admin.display(description=_("actuals"), ordering="actual_total")
    def actual_count(self, period):
        return ngettext("%(count)s actual", "%(count)s actuals", period.actual_total) % {
            "count": period.actual_total
        }

    def has_review_permission(self, request):
        return request.user.has_perm(services.REVIEW_PERMISSION)

    def _review(self, request, queryset, step, done, **kwargs):
        for period in queryset:
            try:
                step(period=period, by=request.user, **kwargs)
            except ValidationError as error:
                self.message_user(request, f"{period}: {' '.join(error.messages)}", messages.ERROR)
            else:
                self.message_user(request, done % {"period": period}, messages.SUCCESS)

    @admin.action(description=_("Submit the selected reports for review"))
    def submit_report(self, request, queryset):
        self._review(request, queryset, services.period_report_submit, _("%(period)s: submitted."))

    @admin.action(description=_("Approve the selected reports"), permissions=["review"])
    def approve_report(self, request, queryset):
        self._review(request, queryset, services.period_report_approve, _("%(period)s: approved."))

    @admin.action(
        description=_("Return the selected reports with the comment"), permissions=["review"]
    )
    def return_report(self, request, queryset):
        self._review(
            request,
            queryset,
            services.period_report_return,
            _("%(period)s: returned."),
            comment=request.POST.get("comment", ""),
        )

    @admin.action(
        description=_("Reopen the selected approved reports, giving the reason"),
        permissions=["review"],
    )
    def reopen_report(self, request, queryset):
        self._review(
            request,
            queryset,
            services.period_report_reopen,
            _("%(period)s: reopened."),
            comment=request.POST.get("comment", ""),
        )


# The budget's admin classes, registered on import (their own module: workplan.budget_admin).
from workplan import budget_admin  # noqa: E402, F401
