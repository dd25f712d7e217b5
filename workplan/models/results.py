"""The results framework: an activity's indicators, with a target and an actual per period.

An indicator says what is measured (a number, a percentage, yes or no, or a description) and
which way is better; its baseline is where it stood in a given year. Each reporting period may
set a target and record the actual, with a narrative in both languages, its evidence (a library
document or a link) and, where it helps, the actual broken down by administration and, for an
indicator that counts people, by sex. Figures of a period are public once its report is
approved (`ReportingPeriod.report_status`), and locked from then on.
"""

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from workplan.models.plan import Activity, ReportingPeriod

VALUE_DIGITS = {"max_digits": 14, "decimal_places": 2}


def figure_text(value: Decimal | None) -> str:
    """A figure as people write it: 12, 12.5, not 12.00 (empty for no figure)."""
    if value is None:
        return ""
    text = f"{value:f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


class Indicator(models.Model):
    class Measure(models.TextChoices):
        NUMBER = "number", pgettext_lazy("measure", "Number")
        PERCENTAGE = "percentage", _("Percentage")
        YES_NO = "yes_no", _("Yes or no")
        QUALITATIVE = "qualitative", _("Qualitative (described in words)")

    class Direction(models.TextChoices):
        HIGHER = "higher", _("Higher is better")
        LOWER = "lower", _("Lower is better")

    class Source(models.TextChoices):
        """Where the actuals come from: staff, or the portal's own records (portal.indicators
        computes those each night)."""

        ENTERED = "", _("Entered by staff")
        NEEDS_ANALYSED = (
            "needs_analysed",
            _("Requests for capacity building collected and analysed"),
        )
        MISSIONS = "missions", _("Expert missions started")
        PARTICIPANTS = "participants", _("Participants confirmed for events")
        ATTENDED = "attended", _("Participants who attended events")

    activity = models.ForeignKey(
        Activity, verbose_name=_("activity"), on_delete=models.CASCADE, related_name="indicators"
    )
    position = models.PositiveSmallIntegerField(_("position"), default=1)
    name = models.TextField(_("indicator"))
    measure = models.CharField(
        _("measure"), max_length=20, choices=Measure.choices, default=Measure.NUMBER
    )
    unit = models.CharField(
        _("unit"),
        max_length=100,
        blank=True,
        help_text=_("What a number counts, e.g. “participants trained”."),
    )
    direction = models.CharField(
        _("direction"), max_length=10, choices=Direction.choices, default=Direction.HIGHER
    )
    baseline_value = models.DecimalField(
        _("baseline"), null=True, blank=True, validators=[MinValueValidator(0)], **VALUE_DIGITS
    )
    baseline_year = models.PositiveSmallIntegerField(
        _("baseline year"),
        null=True,
        blank=True,
        validators=[MinValueValidator(2000), MaxValueValidator(2100)],
    )
    end_target = models.DecimalField(
        _("target at the plan's end"),
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
        help_text=_("Where the indicator should be when the plan ends; targets per period below."),
        **VALUE_DIGITS,
    )
    means_of_verification = models.TextField(
        _("means of verification"),
        blank=True,
        help_text=_("Where the figure comes from, e.g. “attendance lists of the workshops”."),
    )
    source = models.CharField(
        _("actuals from"),
        max_length=20,
        choices=Source.choices,
        default=Source.ENTERED,
        blank=True,
        db_index=True,
        help_text=_(
            "Computed from the portal's records each night for every period not yet approved, "
            "with a breakdown by administration; no hand entry."
        ),
    )
    counts_people = models.BooleanField(
        _("counts people"),
        default=False,
        help_text=_("Actuals may then be broken down by sex."),
    )

    class Meta:
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        ordering = ["activity_id", "position", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["activity", "position"],
                name="workplan_indicator_position_unique_in_activity",
                violation_error_message=_("The activity already has an indicator at this place."),
            ),
        ]

    def __str__(self):
        return self.name

    @property
    def anchor(self) -> str:
        """An HTML id for the indicator: "indicator-12"."""
        return f"indicator-{self.pk}"

    @property
    def is_quantitative(self) -> bool:
        return self.measure != self.Measure.QUALITATIVE

    def value_errors(self, value: Decimal | None) -> list[str]:
        """What is wrong with a figure for this indicator (a baseline, target or actual)."""
        if value is None:
            return []
        if self.measure == self.Measure.QUALITATIVE:
            return [_("This indicator is described in words: give no figure, use the text.")]
        if self.measure == self.Measure.YES_NO and value not in (0, 1):
            return [_("For a yes-or-no indicator, give 1 for yes or 0 for no.")]
        if self.measure == self.Measure.PERCENTAGE and value > 100:
            return [_("A percentage cannot be more than 100.")]
        return []

    def display(self, value: Decimal | None) -> str:
        """A figure of this indicator as the public pages write it."""
        if value is None:
            return ""
        if self.measure == self.Measure.YES_NO:
            return str(_("Yes") if value else _("No"))
        if self.measure == self.Measure.PERCENTAGE:
            return f"{figure_text(value)}%"
        return figure_text(value)

    def display_text(self, text: str) -> str:
        """`display` of a figure read as text ("12.5"), for pages that read thousands."""
        if self.measure == self.Measure.YES_NO:
            return str(_("Yes") if text not in ("0", "0.00") else _("No"))
        if self.measure == self.Measure.PERCENTAGE:
            return f"{text}%"
        return text

    def clean(self):
        super().clean()
        errors = {
            field: messages
            for field in ("baseline_value", "end_target")
            if (messages := self.value_errors(getattr(self, field)))
        }
        if self.source and self.measure != self.Measure.NUMBER:
            errors["source"] = [_("The portal's records give a number: choose the measure Number.")]
        if errors:
            raise ValidationError(errors)


def check_period_open(period_id: int | None) -> None:
    """The one place that refuses a change to the figures of a locked (approved) period: the
    services call it before a write, the admin's forms when a row of the period changed."""
    if (
        period_id
        and ReportingPeriod.objects.filter(
            pk=period_id, report_status=ReportingPeriod.ReportStatus.APPROVED
        ).exists()
    ):
        raise ValidationError(
            _(
                "The report of this period is approved and locked: a reviewer must reopen it "
                "before its figures change."
            ),
            code="locked",
        )


class PeriodFigure(models.Model):
    """What a target and an actual share: an indicator, a period and a figure."""

    indicator = models.ForeignKey(Indicator, verbose_name=_("indicator"), on_delete=models.CASCADE)
    period = models.ForeignKey(
        ReportingPeriod, verbose_name=_("reporting period"), on_delete=models.PROTECT
    )
    value = models.DecimalField(
        _("value"), null=True, blank=True, validators=[MinValueValidator(0)], **VALUE_DIGITS
    )

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        if self.indicator_id and (messages := self.indicator.value_errors(self.value)):
            raise ValidationError({"value": messages})


class Target(PeriodFigure):
    note = models.CharField(
        _("note"),
        max_length=300,
        blank=True,
        help_text=_("The target in words, for an indicator described in words."),
    )

    class Meta:
        verbose_name = _("target")
        verbose_name_plural = _("targets")
        ordering = ["indicator_id", "period__starts_on"]
        default_related_name = "targets"
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "period"],
                name="workplan_one_target_per_period",
                violation_error_message=_("The indicator already has a target for this period."),
            ),
        ]

    def __str__(self):
        return _("Target of %(indicator)s, %(period)s") % {
            "indicator": self.indicator,
            "period": self.period,
        }


class Actual(PeriodFigure):
    narrative = models.TextField(_("narrative"), blank=True)
    evidence_document = models.ForeignKey(
        "library.Document",
        verbose_name=_("evidence: a library document"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="workplan_actuals",
    )
    evidence_url = models.URLField(_("evidence: a link"), blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reported by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="workplan_actuals",
    )
    reported_on = models.DateField(_("reported on"), default=timezone.localdate)
    # Set when the figure was computed from the portal's records (Indicator.source), not entered.
    computed_at = models.DateTimeField(_("computed at"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("actual")
        verbose_name_plural = _("actuals")
        ordering = ["indicator_id", "-period__starts_on"]
        default_related_name = "actuals"
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "period"],
                name="workplan_one_actual_per_period",
                violation_error_message=_("The indicator already has an actual for this period."),
            ),
        ]
        indexes = [models.Index(fields=["period", "indicator"], name="workplan_actual_period")]

    def __str__(self):
        return _("Actual of %(indicator)s, %(period)s") % {
            "indicator": self.indicator,
            "period": self.period,
        }

    def clean(self):
        super().clean()
        if self.value is None and not (self.narrative_en or self.narrative_ru):
            raise ValidationError(_("Give the figure, the narrative or both."))


class ActualBreakdown(models.Model):
    class Sex(models.TextChoices):
        FEMALE = "female", _("Women")
        MALE = "male", _("Men")

    actual = models.ForeignKey(
        Actual, verbose_name=_("actual"), on_delete=models.CASCADE, related_name="breakdown"
    )
    administration = models.ForeignKey(
        "administrations.Administration",
        verbose_name=_("administration"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="workplan_breakdowns",
    )
    sex = models.CharField(_("sex"), max_length=10, choices=Sex.choices, blank=True)
    value = models.DecimalField(_("value"), validators=[MinValueValidator(0)], **VALUE_DIGITS)

    class Meta:
        verbose_name = _("breakdown of an actual")
        verbose_name_plural = _("breakdown of the actual")
        ordering = ["actual_id", "administration__code", "sex"]
        constraints = [
            models.CheckConstraint(
                condition=Q(administration__isnull=False) | ~Q(sex=""),
                name="workplan_breakdown_names_a_group",
                violation_error_message=_("Give the administration, the sex or both."),
            ),
            models.UniqueConstraint(
                fields=["actual", "administration", "sex"],
                nulls_distinct=False,
                name="workplan_breakdown_group_once",
                violation_error_message=_("This group is already in the breakdown."),
            ),
        ]

    def __str__(self):
        parts = [str(part) for part in (self.administration, self.get_sex_display()) if part]
        return ", ".join(parts)

    def clean(self):
        super().clean()
        if self.actual_id and self.sex and not self.actual.indicator.counts_people:
            raise ValidationError(
                {"sex": _("Only an indicator that counts people is broken down by sex.")}
            )
