"""The competency framework: job catalogue, competency dictionary, proficiency scale, the
competency-based job descriptions built from them, the WCO customs qualifications framework, and
members' self-assessments against a position.
"""

from django.conf import settings
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector, SearchVectorField
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


def _lines(text: str | None) -> list[str]:
    """The non-empty lines of a text field that holds one item per line."""
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def search_field(language: str, *, titles: tuple[str, ...], texts: tuple[str, ...]):
    """A stored full-text vector of the translated columns for one page language, titles ranking
    above texts. The Russian one also holds the English text at the lowest weight (the Russian
    configuration stems Latin words as English), so a Russian page finds untranslated content."""
    config = {"en": "english", "ru": "russian"}[language]

    def columns(names, lang=language):
        return [f"{name}_{lang}" for name in names]

    vector = SearchVector(*columns(titles), config=config, weight="A") + SearchVector(
        *columns(texts), config=config, weight="B"
    )
    if language != "en":
        vector += SearchVector(
            *columns(titles, "en"), *columns(texts, "en"), config=config, weight="D"
        )
    return models.GeneratedField(
        verbose_name=_("search text"),
        expression=vector,
        output_field=SearchVectorField(),
        db_persist=True,
    )


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
    is_draft = models.BooleanField(
        _("draft"),
        default=True,
        db_index=True,
        help_text=_("Draft content is shown with a “Draft” badge until the office confirms it."),
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    competencies = models.ManyToManyField(
        "Competency",
        through="Requirement",
        verbose_name=_("required competencies"),
        related_name="positions",
    )
    search_en = search_field("en", titles=("title",), texts=("purpose", "duties"))
    search_ru = search_field("ru", titles=("title",), texts=("purpose", "duties"))

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
        return _lines(self.duties)


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
    is_draft = models.BooleanField(
        _("draft"),
        default=True,
        db_index=True,
        help_text=_("Draft content is shown with a “Draft” badge until the office confirms it."),
    )
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

    class Meta:
        verbose_name = _("competency")
        verbose_name_plural = _("competencies")
        ordering = ["family__position", "position", "code"]
        indexes = [
            GinIndex(fields=["search_en"], name="competencies_competency_en_gin"),
            GinIndex(fields=["search_ru"], name="competencies_competency_ru_gin"),
        ]

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
        return _lines(self.indicators)


class Requirement(models.Model):
    """A competency a position requires, at a proficiency level."""

    position = models.ForeignKey(
        JobPosition,
        verbose_name=_("position"),
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


class QualificationLevel(models.Model):
    """A profile at a level of the WCO customs qualifications framework."""

    class Track(models.TextChoices):
        PRACTITIONER = "practitioner", _("Practitioner")
        MANAGER = "manager", _("Manager")

    level = models.PositiveSmallIntegerField(
        _("level"), validators=[MinValueValidator(1), MaxValueValidator(8)]
    )
    track = models.CharField(_("career stream"), max_length=20, choices=Track.choices)
    profile = models.CharField(_("profile"), max_length=120)
    certificate = models.CharField(_("certificate or diploma"), max_length=120)
    knowledge = models.TextField(_("knowledge"), help_text=_("One item per line."))
    skills = models.TextField(_("skills"), help_text=_("One item per line."))
    tasks = models.TextField(_("tasks"), help_text=_("One item per line."))
    competencies = models.TextField(_("competencies"), help_text=_("One item per line."))

    ASPECTS = ("certificate", "knowledge", "skills", "tasks", "competencies")

    class Meta:
        verbose_name = _("qualification level")
        verbose_name_plural = _("qualification levels")
        ordering = ["level", "track"]
        constraints = [
            models.UniqueConstraint(
                fields=["level", "track"], name="competencies_qualification_unique_profile"
            ),
            models.CheckConstraint(
                condition=models.Q(level__gte=1, level__lte=8),
                name="competencies_qualification_level_range",
            ),
        ]

    def __str__(self):
        return f"{self.level} · {self.profile}"

    def aspect_lines(self, aspect: str) -> list[str]:
        return _lines(getattr(self, aspect))


class TopicalCluster(models.Model):
    """A topical cluster of the WCO Framework of Principles and Practices on Customs
    Professionalism."""

    number = models.PositiveSmallIntegerField(_("number"), unique=True)
    title = models.CharField(_("title"), max_length=200)
    topics = models.TextField(_("topics"), blank=True, help_text=_("One topic per line."))

    class Meta:
        verbose_name = _("topical cluster")
        verbose_name_plural = _("topical clusters")
        ordering = ["number"]

    def __str__(self):
        return f"{self.number}. {self.title}"

    @property
    def topic_list(self) -> list[str]:
        return _lines(self.topics)


class SelfAssessment(models.Model):
    """A member's rating of themselves against a position's requirements: theirs alone."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("owner"),
        on_delete=models.CASCADE,
        related_name="self_assessments",
    )
    position = models.ForeignKey(
        JobPosition,
        verbose_name=_("position"),
        on_delete=models.CASCADE,
        related_name="self_assessments",
    )
    created = models.DateTimeField(_("created"), auto_now_add=True)
    updated = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("self-assessment")
        verbose_name_plural = _("self-assessments")
        ordering = ["-updated"]
        constraints = [
            models.UniqueConstraint(
                fields=["owner", "position"], name="competencies_assessment_one_per_position"
            ),
        ]

    def __str__(self):
        return f"{self.owner} · {self.position.slug}"

    def get_absolute_url(self):
        return reverse("competencies:assessment_detail", args=[self.pk])


class SelfRating(models.Model):
    """The level a member gives themselves for one competency; no level means not yet at the
    first one."""

    assessment = models.ForeignKey(
        SelfAssessment,
        verbose_name=_("self-assessment"),
        on_delete=models.CASCADE,
        related_name="ratings",
    )
    competency = models.ForeignKey(
        Competency,
        verbose_name=_("competency"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    level = models.ForeignKey(
        ProficiencyLevel,
        verbose_name=_("level"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("self-rating")
        verbose_name_plural = _("self-ratings")
        ordering = ["assessment", "competency__code"]
        constraints = [
            models.UniqueConstraint(
                fields=["assessment", "competency"], name="competencies_rating_unique"
            ),
        ]

    def __str__(self):
        return f"{self.competency.code} · {self.level.number if self.level else 0}"
