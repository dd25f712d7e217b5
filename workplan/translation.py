from modeltranslation.translator import TranslationOptions, register

from workplan.models import (
    Activity,
    Actual,
    BudgetLine,
    Contribution,
    Donor,
    Expenditure,
    Goal,
    Indicator,
    Plan,
    ReportingPeriod,
    Stakeholder,
    Target,
)


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
        "intended_outcome",
    )


@register(ReportingPeriod)
class ReportingPeriodTranslation(TranslationOptions):
    fields = ("name",)


@register(Indicator)
class IndicatorTranslation(TranslationOptions):
    fields = ("name", "unit", "means_of_verification")


@register(Target)
class TargetTranslation(TranslationOptions):
    fields = ("note",)


@register(Actual)
class ActualTranslation(TranslationOptions):
    fields = ("narrative",)


@register(Donor)
class DonorTranslation(TranslationOptions):
    fields = ("name",)


@register(BudgetLine)
class BudgetLineTranslation(TranslationOptions):
    fields = ("note",)


@register(Contribution)
class ContributionTranslation(TranslationOptions):
    fields = ("note",)


@register(Expenditure)
class ExpenditureTranslation(TranslationOptions):
    fields = ("note",)
