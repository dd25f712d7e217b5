"""The WCO customs qualifications framework and the topical clusters of the WCO Framework of
Principles and Practices on Customs Professionalism."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from competencies.models.text import lines


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
        return lines(getattr(self, aspect))


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
        return lines(self.topics)
