"""The office's framework: functional areas and positions (the job catalogue), competency
families and competencies (the dictionary), the proficiency scale with each competency's
descriptors, and the requirements that make a position's competency-based job description."""

from django.contrib.postgres.indexes import GinIndex
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from competencies.models.publication import Publication, PublishedQuerySet
from competencies.models.text import lines, search_field


class FunctionalArea(models.Model):
    """A functional area of the job catalogue: management, support or technical."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=120)
    description = models.TextField(_("description"), blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("functional area")
        verbose_name_plural = _("functional areas")
        ordering = ["position", "code"]

    def __str__(self):
        return self.name


class JobPosition(models.Model):
    """A position of the job catalogue; with its requirements, a competency-based job
    description."""

    area = models.ForeignKey(
        FunctionalArea,
        verbose_name=_("functional area"),
        on_delete=models.PROTECT,
        related_name="positions",
    )
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    title = models.CharField(_("title"), max_length=200)
    purpose = models.TextField(_("purpose"), help_text=_("Why the position exists, in a sentence."))
    duties = models.TextField(_("main duties"), blank=True, help_text=_("One duty per line."))
    reports_to = models.ForeignKey(
        "self",
        verbose_name=_("reports to"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="direct_reports",
    )
    status = Publication.status_field()
    endorsed_on = Publication.endorsed_on_field()
    endorsed_at = Publication.endorsed_at_field()
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    competencies = models.ManyToManyField(
        "Competency",
        through="Requirement",
        verbose_name=_("required competencies"),
        related_name="positions",
    )
    search_en = search_field("en", titles=("title",), texts=("purpose", "duties"))
    search_ru = search_field("ru", titles=("title",), texts=("purpose", "duties"))

    objects = PublishedQuerySet.as_manager()

    class Meta:
        verbose_name = _("job position")
        verbose_name_plural = _("job positions")
        ordering = ["area__position", "position", "slug"]
        indexes = [
            GinIndex(fields=["search_en"], name="competencies_position_en_gin"),
            GinIndex(fields=["search_ru"], name="competencies_position_ru_gin"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(reports_to=models.F("pk")),
                name="competencies_position_not_own_manager",
                violation_error_message=_("A position cannot report to itself."),
            ),
            *Publication.constraints("position"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("competencies:position_detail", args=[self.slug])

    def clean(self):
        super().clean()
        # A reporting line must end at the top: no position may (indirectly) report to itself.
        manager, seen = self.reports_to, set()
        while manager is not None and manager.pk not in seen:
            if self.pk and manager.pk == self.pk:
                raise ValidationError(
                    {"reports_to": _("This reporting line would lead back to the position.")}
                )
            seen.add(manager.pk)
            manager = manager.reports_to

    @property
    def duty_list(self) -> list[str]:
        return lines(self.duties)


class CompetencyFamily(models.Model):
    """A family of the dictionary: managerial and behavioural, support, operational."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=120)
    description = models.TextField(_("description"), blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("competency family")
        verbose_name_plural = _("competency families")
        ordering = ["position", "code"]

    def __str__(self):
        return self.name


class Competency(models.Model):
    family = models.ForeignKey(
        CompetencyFamily,
        verbose_name=_("family"),
        on_delete=models.PROTECT,
        related_name="competencies",
    )
    code = models.CharField(
        _("code"),
        max_length=12,
        unique=True,
        validators=[
            RegexValidator(
                r"^[A-Z]{1,4}-[0-9]{1,3}$",
                _("Use capital letters, a hyphen and a number, e.g. OP-04."),
            )
        ],
    )
    name = models.CharField(_("name"), max_length=200)
    definition = models.TextField(_("definition"))
    status = Publication.status_field()
    endorsed_on = Publication.endorsed_on_field()
    endorsed_at = Publication.endorsed_at_field()
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    learning_resources = models.ManyToManyField(
        "outreach.Tool",
        verbose_name=_("e-learning courses and tools"),
        blank=True,
        related_name="competencies",
        help_text=_("Offered to members whose self-assessment falls short of a requirement."),
    )
    search_en = search_field("en", titles=("name",), texts=("definition",))
    search_ru = search_field("ru", titles=("name",), texts=("definition",))

    objects = PublishedQuerySet.as_manager()

    class Meta:
        verbose_name = _("competency")
        verbose_name_plural = _("competencies")
        ordering = ["family__position", "position", "code"]
        indexes = [
            GinIndex(fields=["search_en"], name="competencies_competency_en_gin"),
            GinIndex(fields=["search_ru"], name="competencies_competency_ru_gin"),
        ]
        constraints = Publication.constraints("competency")

    def __str__(self):
        return f"{self.code} {self.name}"

    def get_absolute_url(self):
        return reverse("competencies:competency_detail", args=[self.code])


class ProficiencyLevel(models.Model):
    """A step of the proficiency scale, from 1 (awareness) upwards."""

    number = models.PositiveSmallIntegerField(
        _("number"), unique=True, validators=[MinValueValidator(1), MaxValueValidator(9)]
    )
    name = models.CharField(_("name"), max_length=80)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        verbose_name = _("proficiency level")
        verbose_name_plural = _("proficiency levels")
        ordering = ["number"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(number__gte=1, number__lte=9),
                name="competencies_level_number_range",
            ),
        ]

    def __str__(self):
        return f"{self.number} · {self.name}"


class LevelDescriptor(models.Model):
    """What a competency looks like at one proficiency level: its behavioural indicators."""

    competency = models.ForeignKey(
        Competency,
        verbose_name=_("competency"),
        on_delete=models.CASCADE,
        related_name="descriptors",
    )
    level = models.ForeignKey(
        ProficiencyLevel,
        verbose_name=_("level"),
        on_delete=models.PROTECT,
        related_name="descriptors",
    )
    indicators = models.TextField(
        _("behavioural indicators"), help_text=_("One indicator per line.")
    )

    class Meta:
        verbose_name = _("level descriptor")
        verbose_name_plural = _("level descriptors")
        ordering = ["competency__code", "level__number"]
        constraints = [
            models.UniqueConstraint(
                fields=["competency", "level"], name="competencies_descriptor_unique_level"
            ),
        ]

    def __str__(self):
        return f"{self.competency.code} · {self.level}"

    @property
    def indicator_list(self) -> list[str]:
        return lines(self.indicators)


class Requirement(models.Model):
    """A competency a position requires, at a proficiency level."""

    position = models.ForeignKey(
        JobPosition,
        verbose_name=_("job position"),
        on_delete=models.CASCADE,
        related_name="requirements",
    )
    competency = models.ForeignKey(
        Competency,
        verbose_name=_("competency"),
        on_delete=models.CASCADE,
        related_name="requirements",
    )
    level = models.ForeignKey(
        ProficiencyLevel,
        verbose_name=_("required level"),
        on_delete=models.PROTECT,
        related_name="requirements",
    )

    class Meta:
        verbose_name = _("requirement")
        verbose_name_plural = _("requirements")
        ordering = ["position__slug", "competency__family__position", "competency__code"]
        constraints = [
            models.UniqueConstraint(
                fields=["position", "competency"], name="competencies_requirement_unique"
            ),
        ]

    def __str__(self):
        return f"{self.position.slug} · {self.competency.code} · {self.level.number}"
