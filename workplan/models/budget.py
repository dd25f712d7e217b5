"""The plan's budget (Goal 6 of the Work Plan: funding, accountability and transparency).

Budget lines say what a goal may spend in a year; contributions say who pays for the plan's
years (a member administration, the WCO, a named donor or the host country); expenditure is what
a goal spent in a reporting period. Expenditure follows the period's report: public once the
report is approved, and locked from then on (`workplan.models.results.check_period_open`).

Every amount is in `settings.BUDGET_CURRENCY` (EUR unless configured) and keeps its currency's
code, so that no total ever adds two currencies.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from workplan.models.plan import Goal, Plan, ReportingPeriod

AMOUNT_DIGITS = {"max_digits": 14, "decimal_places": 2}
YEARS = [MinValueValidator(2000), MaxValueValidator(2100)]


def budget_currency() -> str:
    """The currency the budget is kept in (an ISO 4217 code)."""
    return settings.BUDGET_CURRENCY


def _amount_field():
    return models.DecimalField(_("amount"), validators=[MinValueValidator(0)], **AMOUNT_DIGITS)


def _currency_field():
    return models.CharField(_("currency"), max_length=3, default=budget_currency, editable=False)


def _amount_constraints(prefix: str) -> list[models.BaseConstraint]:
    return [
        models.CheckConstraint(
            condition=Q(amount__gte=0),
            name=f"{prefix}_amount_not_negative",
            violation_error_message=_("An amount cannot be negative."),
        ),
        models.CheckConstraint(
            condition=Q(currency__regex=r"^[A-Z]{3}$"), name=f"{prefix}_currency_is_a_code"
        ),
    ]


def _year_constraint(prefix: str) -> models.CheckConstraint:
    return models.CheckConstraint(
        condition=Q(year__gte=2000, year__lte=2100),
        name=f"{prefix}_year_in_range",
        violation_error_message=_("Give a year from 2000 to 2100."),
    )


def _check_currency(row) -> None:
    if row.currency != budget_currency():
        raise ValidationError(
            _("The budget is kept in %(currency)s: this amount is in %(other)s.")
            % {"currency": budget_currency(), "other": row.currency}
        )


def _year_errors(plan: Plan, year: int | None) -> dict[str, list[str]]:
    """The year must be one of the plan's."""
    if year is None:
        return {}
    if year < plan.start_year or (plan.end_year and year > plan.end_year):
        return {"year": [_("The year is outside the plan's years.")]}
    return {}


class Donor(models.Model):
    """A donor who funds part of the plan, named in both languages."""

    name = models.CharField(_("name"), max_length=200)
    website = models.URLField(_("website"), blank=True)

    class Meta:
        verbose_name = _("donor")
        verbose_name_plural = _("donors")
        ordering = ["name"]

    def __str__(self):
        return self.name


class BudgetLine(models.Model):
    """What a goal of the plan may spend in a year."""

    goal = models.ForeignKey(
        Goal, verbose_name=_("goal"), on_delete=models.CASCADE, related_name="budget_lines"
    )
    year = models.PositiveSmallIntegerField(_("year"), validators=YEARS)
    amount = _amount_field()
    currency = _currency_field()
    note = models.TextField(_("note"), blank=True)

    class Meta:
        verbose_name = _("budget line")
        verbose_name_plural = _("budget lines")
        ordering = ["year", "goal__number"]
        constraints = [
            models.UniqueConstraint(
                fields=["goal", "year"],
                name="workplan_budget_line_once_a_year",
                violation_error_message=_("The goal already has a budget line for this year."),
            ),
            _year_constraint("workplan_budget_line"),
            *_amount_constraints("workplan_budget_line"),
        ]
        indexes = [models.Index(fields=["year"], name="workplan_budget_line_year")]

    def __str__(self):
        return _("Budget of goal %(number)s, %(year)s") % {
            "number": self.goal.number,
            "year": self.year,
        }

    def clean(self):
        super().clean()
        _check_currency(self)
        if self.goal_id and (errors := _year_errors(self.goal.plan, self.year)):
            raise ValidationError(errors)


class Contribution(models.Model):
    """Money given for a year of the plan, by one source."""

    class Source(models.TextChoices):
        MEMBER = "member", _("A member administration")
        WCO = "wco", _("The WCO")
        DONOR = "donor", _("A donor")
        HOST = "host", _("The host country")

    plan = models.ForeignKey(
        Plan, verbose_name=_("work plan"), on_delete=models.CASCADE, related_name="contributions"
    )
    year = models.PositiveSmallIntegerField(_("year"), validators=YEARS)
    source = models.CharField(_("source"), max_length=10, choices=Source.choices)
    administration = models.ForeignKey(
        "administrations.Administration",
        verbose_name=_("administration"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="workplan_contributions",
        help_text=_("For a member administration's contribution only."),
    )
    donor = models.ForeignKey(
        Donor,
        verbose_name=_("donor"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="contributions",
        help_text=_("For a donor's contribution only."),
    )
    amount = _amount_field()
    currency = _currency_field()
    note = models.TextField(_("note"), blank=True)

    class Meta:
        verbose_name = _("contribution")
        verbose_name_plural = _("contributions")
        ordering = ["year", "source", "administration__code", "donor__name"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(source="member") & Q(administration__isnull=False))
                | (~Q(source="member") & Q(administration__isnull=True)),
                name="workplan_contribution_administration_for_members",
                violation_error_message=_(
                    "Name the administration for a member administration's contribution, "
                    "and only for it."
                ),
            ),
            models.CheckConstraint(
                condition=(Q(source="donor") & Q(donor__isnull=False))
                | (~Q(source="donor") & Q(donor__isnull=True)),
                name="workplan_contribution_donor_for_donors",
                violation_error_message=_(
                    "Name the donor for a donor's contribution, and only for it."
                ),
            ),
            models.CheckConstraint(
                condition=Q(source__in=["member", "wco", "donor", "host"]),
                name="workplan_contribution_source_known",
            ),
            models.UniqueConstraint(
                fields=["plan", "year", "source", "administration", "donor"],
                nulls_distinct=False,
                name="workplan_contribution_once_a_year",
                violation_error_message=_("This source already has a contribution for the year."),
            ),
            _year_constraint("workplan_contribution"),
            *_amount_constraints("workplan_contribution"),
        ]

    def __str__(self):
        return _("%(source)s, %(year)s") % {"source": self.source_name, "year": self.year}

    @property
    def source_name(self) -> str:
        """Who gave: the administration or the donor by name, else the kind of source."""
        if self.source == self.Source.MEMBER and self.administration_id:
            return str(self.administration)
        if self.source == self.Source.DONOR and self.donor_id:
            return str(self.donor)
        return str(self.get_source_display())

    def clean(self):
        super().clean()
        _check_currency(self)
        if self.plan_id and (errors := _year_errors(self.plan, self.year)):
            raise ValidationError(errors)


class Expenditure(models.Model):
    """What a goal spent in a reporting period: public once the period's report is approved."""

    goal = models.ForeignKey(
        Goal, verbose_name=_("goal"), on_delete=models.CASCADE, related_name="expenditures"
    )
    period = models.ForeignKey(
        ReportingPeriod,
        verbose_name=_("reporting period"),
        on_delete=models.PROTECT,
        related_name="expenditures",
    )
    amount = _amount_field()
    currency = _currency_field()
    note = models.TextField(_("note"), blank=True)

    class Meta:
        verbose_name = _("expenditure")
        verbose_name_plural = _("expenditure")
        ordering = ["period__starts_on", "goal__number"]
        constraints = [
            models.UniqueConstraint(
                fields=["goal", "period"],
                name="workplan_expenditure_once_a_period",
                violation_error_message=_("The goal already has expenditure for this period."),
            ),
            *_amount_constraints("workplan_expenditure"),
        ]
        indexes = [models.Index(fields=["period", "goal"], name="workplan_expenditure_period")]

    def __str__(self):
        return _("Expenditure of goal %(number)s, %(period)s") % {
            "number": self.goal.number,
            "period": self.period,
        }

    def clean(self):
        super().clean()
        _check_currency(self)
