"""The office's results-based Work Plan: plans, goals, activities and reporting periods.

A plan has numbered goals; a goal has numbered activities ("1.10" is the tenth activity of goal
1). The number is kept as two integers (the goal's number and the activity's sequence), so
plans sort naturally: 1.9 before 1.10. An activity's indicators, with their targets and actuals
per reporting period, are in `workplan.models.results`.
"""

from django.conf import settings
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

# PostgreSQL text search configuration of each content language.
SEARCH_CONFIGS = {"en": "english", "ru": "russian"}
SEARCHED_FIELDS = ("title", "expected_output", "indicator", "intended_outcome")


def activity_search_vector(language: str) -> SearchVector:
    """The full-text vector of an activity's text in one language.

    The GIN indexes below are built on exactly this expression, so a search that filters on it
    uses them.
    """
    config = SEARCH_CONFIGS[language]
    title, *others = (f"{field}_{language}" for field in SEARCHED_FIELDS)
    return SearchVector(title, weight="A", config=config) + SearchVector(
        *others, weight="B", config=config
    )


class PlanQuerySet(models.QuerySet):
    def current(self):
        return self.filter(is_current=True)


class Plan(models.Model):
    title = models.CharField(_("title"), max_length=200)
    introduction = models.TextField(_("introduction"), blank=True)
    start_year = models.PositiveSmallIntegerField(
        _("first year"), validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )
    end_year = models.PositiveSmallIntegerField(
        _("last year"),
        null=True,
        blank=True,
        validators=[MinValueValidator(2000), MaxValueValidator(2100)],
        help_text=_("Leave empty while the plan has no set end."),
    )
    is_current = models.BooleanField(
        _("current plan"),
        default=False,
        help_text=_("The plan shown on the public pages. Only one plan can be current."),
    )
    strategic_framework = models.ForeignKey(
        "library.Document",
        verbose_name=_("Strategic Framework Document"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        limit_choices_to={"visibility": "public"},
        error_messages={
            "invalid": _(
                "Choose a public document of the library: the Work Plan page links it for "
                "every visitor."
            )
        },
        help_text=_("A public library document, linked from the Work Plan page."),
    )

    objects = PlanQuerySet.as_manager()

    class Meta:
        verbose_name = _("work plan")
        verbose_name_plural = _("work plans")
        ordering = ["-start_year", "title"]
        constraints = [
            models.UniqueConstraint(
                fields=["is_current"],
                condition=Q(is_current=True),
                name="workplan_one_current_plan",
                violation_error_message=_("Another plan is already the current one."),
            ),
            models.CheckConstraint(
                condition=Q(end_year__isnull=True) | Q(end_year__gte=F("start_year")),
                name="workplan_plan_years_in_order",
                violation_error_message=_("The last year cannot come before the first year."),
            ),
        ]

    def __str__(self):
        return self.title


class Goal(models.Model):
    plan = models.ForeignKey(
        Plan, verbose_name=_("work plan"), on_delete=models.CASCADE, related_name="goals"
    )
    number = models.PositiveSmallIntegerField(_("number"), validators=[MinValueValidator(1)])
    title = models.CharField(_("title"), max_length=300)
    expected_impact = models.TextField(_("expected impact"), blank=True)

    class Meta:
        verbose_name = _("goal")
        verbose_name_plural = _("goals")
        ordering = ["plan", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "number"],
                name="workplan_goal_number_unique_in_plan",
                violation_error_message=_("The plan already has a goal with this number."),
            ),
            models.CheckConstraint(
                condition=Q(number__gte=1), name="workplan_goal_number_positive"
            ),
        ]

    def __str__(self):
        return _("Goal %(number)s: %(title)s") % {"number": self.number, "title": self.title}


class Stakeholder(models.Model):
    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(
        _("slug"), max_length=100, unique=True, help_text=_("Names the stakeholder in links.")
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("stakeholder")
        verbose_name_plural = _("stakeholders")
        ordering = ["position", "slug"]

    def __str__(self):
        return self.name


class Activity(models.Model):
    class Status(models.TextChoices):
        ONGOING = "ongoing", _("Ongoing")
        TO_BE_INITIATED = "to_be_initiated", _("To be initiated")
        INITIATED = "initiated", _("Initiated")
        TO_BE_COMPLETED = "to_be_completed", _("To be completed")
        COMPLETED = "completed", _("Completed")

    goal = models.ForeignKey(
        Goal, verbose_name=_("goal"), on_delete=models.CASCADE, related_name="activities"
    )
    sequence = models.PositiveSmallIntegerField(
        _("number within the goal"),
        validators=[MinValueValidator(1)],
        help_text=_("The second part of the activity's number: 3 for activity 1.3."),
    )
    title = models.CharField(_("activity"), max_length=500)
    stakeholders = models.ManyToManyField(
        Stakeholder,
        verbose_name=_("stakeholders"),
        related_name="activities",
        blank=True,
        help_text=_("None selected shows as “not applicable”."),
    )
    expected_output = models.TextField(_("expected output"), blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.ONGOING, db_index=True
    )
    status_note = models.CharField(
        _("status detail"),
        max_length=200,
        blank=True,
        help_text=_("When the status applies, shown after it, e.g. “in early 2020”."),
    )
    indicator = models.TextField(
        _("indicator"),
        blank=True,
        help_text=_(
            "The indicators in words, as the plan states them. Each one that is measured is "
            "also recorded as an indicator below, with its baseline, targets and actuals."
        ),
    )
    intended_outcome = models.TextField(_("intended outcome"), blank=True)

    class Meta:
        verbose_name = _("activity")
        verbose_name_plural = _("activities")
        ordering = ["goal__number", "sequence"]
        constraints = [
            models.UniqueConstraint(
                fields=["goal", "sequence"],
                name="workplan_activity_number_unique_in_goal",
                violation_error_message=_("The goal already has an activity with this number."),
            ),
            models.CheckConstraint(
                condition=Q(sequence__gte=1), name="workplan_activity_sequence_positive"
            ),
        ]
        indexes = [
            GinIndex(activity_search_vector("en"), name="workplan_activity_search_en"),
            GinIndex(activity_search_vector("ru"), name="workplan_activity_search_ru"),
        ]

    def __str__(self):
        return f"{self.number} {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("workplan:activity", kwargs={"number": self.number})

    @property
    def number(self) -> str:
        """The activity's number as people write it, e.g. "1.10"."""
        return f"{self.goal.number}.{self.sequence}"

    @property
    def anchor(self) -> str:
        """The number as an HTML id: "activity-1-10"."""
        return f"activity-{self.goal.number}-{self.sequence}"


class ReportingPeriodQuerySet(models.QuerySet):
    def approved(self):
        """The periods whose report a reviewer approved: the only ones the public sees."""
        return self.filter(report_status=ReportingPeriod.ReportStatus.APPROVED)


class ReportingPeriod(models.Model):
    """A reporting period, and the state of its report: targets and actuals entered for the
    period are public only once a reviewer has approved it, and locked from then on."""

    class ReportStatus(models.TextChoices):
        DRAFT = "draft", pgettext_lazy("report status", "Draft")
        SUBMITTED = "submitted", pgettext_lazy("report status", "Submitted for review")
        RETURNED = "returned", pgettext_lazy("report status", "Returned for changes")
        APPROVED = "approved", pgettext_lazy("report status", "Approved")

    name = models.CharField(
        _("name"), max_length=100, help_text=_("As readers know it, e.g. “2021” or “2022, H1”.")
    )
    starts_on = models.DateField(_("starts on"), unique=True)
    ends_on = models.DateField(_("ends on"))
    report_status = models.CharField(
        _("report status"),
        max_length=20,
        choices=ReportStatus.choices,
        default=ReportStatus.DRAFT,
        db_index=True,
    )
    review_comment = models.TextField(
        _("reviewer's comment"),
        blank=True,
        help_text=_("Why the report was returned or reopened, for those who prepare it."),
    )
    submitted_on = models.DateTimeField(_("submitted on"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewed by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="workplan_reviewed_periods",
    )
    reviewed_on = models.DateTimeField(_("reviewed on"), null=True, blank=True)

    objects = ReportingPeriodQuerySet.as_manager()

    class Meta:
        verbose_name = _("reporting period")
        verbose_name_plural = _("reporting periods")
        ordering = ["-starts_on"]
        permissions = [
            ("review_reportingperiod", _("Can approve, return and reopen a period's report")),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=F("starts_on")),
                name="workplan_period_dates_in_order",
                violation_error_message=_("A period cannot end before it starts."),
            ),
        ]

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        identifier = self.identifier
        if identifier and any(
            other.identifier == identifier
            for other in ReportingPeriod.objects.exclude(pk=self.pk).only("name_en", "starts_on")
        ):
            raise ValidationError(
                {
                    "name_en": _(
                        "Another reporting period has this name: the address of its report "
                        "would be the same (/reports/%(identifier)s/)."
                    )
                    % {"identifier": identifier}
                }
            )

    @property
    def identifier(self) -> str:
        """The period in addresses, from its English name as readers know it: "2021",
        "2022-h1" (the start date where the name has no Latin letters or digits)."""
        return slugify(self.name_en or "") or (self.starts_on.isoformat() if self.starts_on else "")

    def get_report_url(self) -> str:
        return reverse("workplan:report", kwargs={"period": self.identifier})

    @property
    def is_approved(self) -> bool:
        return self.report_status == self.ReportStatus.APPROVED

    @property
    def is_locked(self) -> bool:
        """An approved period's figures cannot change until a reviewer reopens it."""
        return self.is_approved
