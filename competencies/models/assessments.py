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


# Against a profile of the customs qualifications framework -------------------------------------


class ProfileAssessment(models.Model):
    """A member's rating of themselves against a profile of the WCO customs qualifications
    framework (a practitioner or manager profile of a level): the profiles fit officers of the
    member administrations, as the office's positions fit its own staff. Theirs alone."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("owner"),
        on_delete=models.CASCADE,
        related_name="profile_assessments",
    )
    profile = models.ForeignKey(
        "competencies.QualificationLevel",
        verbose_name=_("qualification profile"),
        on_delete=models.CASCADE,
        related_name="assessments",
    )
    holds_certificate = models.BooleanField(
        _("holds the certificate or diploma"),
        default=False,
        help_text=_("The certificate or diploma of the profile, or an equivalent."),
    )
    created = models.DateTimeField(_("created"), auto_now_add=True)
    updated = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("self-assessment against a profile")
        verbose_name_plural = _("self-assessments against a profile")
        ordering = ["-updated"]
        constraints = [
            models.UniqueConstraint(
                fields=["owner", "profile"], name="competencies_profile_assessment_one_each"
            ),
        ]

    def __str__(self):
        return f"{self.owner} · {self.profile}"

    def get_absolute_url(self):
        return reverse("competencies:profile_assessment_detail", args=[self.pk])


class StatementRating(models.Model):
    """How far one statement of a profile (a line of its knowledge, skills, tasks or
    competencies) describes the member today. The statement is known by a digest of its English
    text: when the office rewords a line, the new one shows as not yet rated."""

    class Extent(models.IntegerChoices):
        NOT_YET = 0, _("Not yet")
        PARTLY = 1, _("Partly, or with support")
        FULLY = 2, _("Fully, on my own")

    class Aspect(models.TextChoices):
        KNOWLEDGE = "knowledge", _("Knowledge")
        SKILLS = "skills", _("Skills")
        TASKS = "tasks", _("Tasks")
        COMPETENCIES = "competencies", _("Competencies")

    assessment = models.ForeignKey(
        ProfileAssessment,
        verbose_name=_("self-assessment"),
        on_delete=models.CASCADE,
        related_name="ratings",
    )
    aspect = models.CharField(_("aspect"), max_length=20, choices=Aspect.choices)
    statement = models.CharField(_("statement digest"), max_length=32)
    extent = models.PositiveSmallIntegerField(_("extent"), choices=Extent.choices)

    class Meta:
        verbose_name = _("statement rating")
        verbose_name_plural = _("statement ratings")
        ordering = ["assessment", "aspect"]
        constraints = [
            models.UniqueConstraint(
                fields=["assessment", "aspect", "statement"],
                name="competencies_statement_rating_unique",
            ),
            models.CheckConstraint(
                condition=models.Q(extent__lte=2), name="competencies_statement_extent_range"
            ),
        ]

    def __str__(self):
        return f"{self.aspect} · {self.statement[:8]} · {self.extent}"
