"""Numbered versions of the framework. Endorsing makes one (`services.framework_endorse`): a
frozen copy of what the meeting endorsed, every endorsed position with its requirements
(competency and level) and every endorsed competency with its level descriptors, so earlier
versions stay readable after the live framework moves on, and a position's page can say what
changed since the version before.

The copies are never edited: the live positions and competencies are."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from competencies.models.text import lines


class FrameworkVersion(models.Model):
    """The framework as a meeting endorsed it, numbered 1, 2, 3… in the order of endorsement."""

    number = models.PositiveIntegerField(_("number"), unique=True)
    endorsed_on = models.DateField(_("endorsed on"))
    endorsed_at = models.CharField(_("endorsed by the meeting"), max_length=200)
    created_at = models.DateTimeField(_("recorded at"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("framework version")
        verbose_name_plural = _("framework versions")
        ordering = ["-number"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(number__gte=1), name="competencies_version_number_positive"
            ),
        ]

    def __str__(self):
        return _("Version %(number)s") % {"number": self.number}

    def get_absolute_url(self):
        return reverse("competencies:version_detail", args=[self.number])


class VersionedCompetency(models.Model):
    """A competency as a version holds it."""

    version = models.ForeignKey(
        FrameworkVersion,
        verbose_name=_("framework version"),
        on_delete=models.CASCADE,
        related_name="competencies",
    )
    competency = models.ForeignKey(
        "competencies.Competency",
        verbose_name=_("live competency"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    family = models.ForeignKey(
        "competencies.CompetencyFamily",
        verbose_name=_("family"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    code = models.CharField(_("code"), max_length=12)
    name = models.CharField(_("name"), max_length=200)
    definition = models.TextField(_("definition"))
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    content = models.CharField(
        _("content fingerprint"),
        max_length=32,
        help_text=_("A digest of the name, definition and descriptors in both languages."),
    )

    class Meta:
        verbose_name = _("competency of a version")
        verbose_name_plural = _("competencies of a version")
        ordering = ["version", "family__position", "position", "code"]
        constraints = [
            models.UniqueConstraint(
                fields=["version", "code"], name="competencies_versioned_competency_unique"
            ),
        ]

    def __str__(self):
        return f"{self.code} {self.name}"

    def get_absolute_url(self):
        url = reverse("competencies:version_detail", args=[self.version.number])
        return f"{url}#competency-{self.code}"


class VersionedDescriptor(models.Model):
    """A competency's behavioural indicators at one level, as a version holds them."""

    competency = models.ForeignKey(
        VersionedCompetency,
        verbose_name=_("competency"),
        on_delete=models.CASCADE,
        related_name="descriptors",
    )
    level_number = models.PositiveSmallIntegerField(_("level"))
    indicators = models.TextField(_("behavioural indicators"))

    class Meta:
        verbose_name = _("level descriptor of a version")
        verbose_name_plural = _("level descriptors of a version")
        ordering = ["competency", "level_number"]
        constraints = [
            models.UniqueConstraint(
                fields=["competency", "level_number"],
                name="competencies_versioned_descriptor_unique",
            ),
        ]

    def __str__(self):
        return f"{self.competency.code} · {self.level_number}"

    @property
    def indicator_list(self) -> list[str]:
        return lines(self.indicators)


class VersionedPosition(models.Model):
    """A position as a version holds it."""

    version = models.ForeignKey(
        FrameworkVersion,
        verbose_name=_("framework version"),
        on_delete=models.CASCADE,
        related_name="positions",
    )
    job_position = models.ForeignKey(
        "competencies.JobPosition",
        verbose_name=_("live position"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    area = models.ForeignKey(
        "competencies.FunctionalArea",
        verbose_name=_("functional area"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    slug = models.SlugField(_("slug"), max_length=80)
    title = models.CharField(_("title"), max_length=200)
    purpose = models.TextField(_("purpose"))
    duties = models.TextField(_("main duties"), blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    content = models.CharField(
        _("content fingerprint"),
        max_length=32,
        help_text=_("A digest of the title, purpose and duties in both languages."),
    )

    class Meta:
        verbose_name = _("position of a version")
        verbose_name_plural = _("positions of a version")
        ordering = ["version", "area__position", "position", "slug"]
        constraints = [
            models.UniqueConstraint(
                fields=["version", "slug"], name="competencies_versioned_position_unique"
            ),
        ]
        # The position's page finds its latest versions by slug.
        indexes = [models.Index(fields=["slug", "version"], name="competencies_vpos_slug")]

    def __str__(self):
        return f"{self.version} · {self.slug}"

    def get_absolute_url(self):
        return reverse("competencies:version_position", args=[self.version.number, self.slug])

    @property
    def duty_list(self) -> list[str]:
        return lines(self.duties)


class VersionedRequirement(models.Model):
    """A competency a position of a version requires, at a level."""

    position = models.ForeignKey(
        VersionedPosition,
        verbose_name=_("position"),
        on_delete=models.CASCADE,
        related_name="requirements",
    )
    competency = models.ForeignKey(
        VersionedCompetency,
        verbose_name=_("competency"),
        on_delete=models.CASCADE,
        related_name="requirements",
    )
    level_number = models.PositiveSmallIntegerField(_("required level"))

    class Meta:
        verbose_name = _("requirement of a version")
        verbose_name_plural = _("requirements of a version")
        ordering = ["position", "competency__family__position", "competency__position"]
        constraints = [
            models.UniqueConstraint(
                fields=["position", "competency"],
                name="competencies_versioned_requirement_unique",
            ),
        ]

    def __str__(self):
        return f"{self.position.slug} · {self.competency.code} · {self.level_number}"
