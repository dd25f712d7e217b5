from modeltranslation.translator import TranslationOptions, register

from workplan.models import Activity, Goal, Plan, ProgressEntry, ReportingPeriod, Stakeholder


@register(Plan)
class PlanTranslation(TranslationOptions):
    fields = ("title", "introduction")


@register(Goal)
class GoalTranslation(TranslationOptions):
    fields = ("title", "expected_impact")


@register(Stakeholder)
class StakeholderTranslation(TranslationOptions):
    fields = ("name",)


@register(Activity)
class ActivityTranslation(TranslationOptions):
    fields = (
        "title",
        "expected_output",
        "status_note",
        "indicator",
        "unit",
        "intended_outcome",
    )


@register(ReportingPeriod)
class ReportingPeriodTranslation(TranslationOptions):
    fields = ("name",)


@register(ProgressEntry)
class ProgressEntryTranslation(TranslationOptions):
    fields = ("summary",)
