"""Members' self-assessments against a position: each belongs to its author alone."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class SelfAssessment(models.Model):
    """A member's rating of themselves against a position's requirements: theirs alone."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("owner"),
        on_delete=models.CASCADE,
        related_name="self_assessments",
    )
    position = models.ForeignKey(
        "competencies.JobPosition",
        verbose_name=_("job position"),
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
        "competencies.Competency",
        verbose_name=_("competency"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    level = models.ForeignKey(
        "competencies.ProficiencyLevel",
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
