"""The members' consultation on the draft framework: the office opens a round with a deadline on
some positions and competencies; members comment on an item or one of its proficiency levels
(all comments on an item in a round make its thread, each naming its administration); each
administration's focal point gives its position on the round; the office answers each comment
and marks it resolved."""

from django.conf import settings
from django.core.validators import MaxLengthValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

COMMENT_MAX = 4_000
RESPONSE_MAX = 10_000


class ConsultationRoundQuerySet(models.QuerySet):
    def open(self, today=None):
        today = today or timezone.localdate()
        return self.filter(opens_on__lte=today, deadline__gte=today)


class ConsultationRound(models.Model):
    """A call to the members to comment on draft positions and competencies by a deadline."""

    title = models.CharField(_("title"), max_length=200)
    introduction = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_("What the office asks the members, shown above the items."),
    )
    opens_on = models.DateField(_("opens on"), default=timezone.localdate)
    deadline = models.DateField(_("deadline"), help_text=_("The last day comments are accepted."))
    positions = models.ManyToManyField(
        "competencies.JobPosition",
        verbose_name=_("job positions"),
        blank=True,
        related_name="consultation_rounds",
    )
    competencies = models.ManyToManyField(
        "competencies.Competency",
        verbose_name=_("competencies"),
        blank=True,
        related_name="consultation_rounds",
        help_text=_("Left empty, the round takes every position and competency in consultation."),
    )
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("opened by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    reminded_on = models.DateField(_("reminder sent on"), null=True, blank=True, editable=False)

    objects = ConsultationRoundQuerySet.as_manager()

    class Meta:
        verbose_name = _("consultation round")
        verbose_name_plural = _("consultation rounds")
        ordering = ["-deadline", "-pk"]
        indexes = [
            models.Index(fields=["deadline", "opens_on"], name="competencies_round_open_idx")
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(deadline__gte=F("opens_on")),
                name="competencies_round_deadline_after_opening",
                violation_error_message=_("The deadline cannot come before the round opens."),
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("competencies:consultation_round", args=[self.pk])

    def is_open(self, today=None) -> bool:
        today = today or timezone.localdate()
        return self.opens_on <= today <= self.deadline


class ConsultationComment(models.Model):
    """A member's comment on a position or a competency (maybe on one of its proficiency levels)
    in a round, for their administration; the office answers it and marks it resolved."""

    round = models.ForeignKey(
        ConsultationRound,
        verbose_name=_("consultation round"),
        on_delete=models.CASCADE,
        related_name="comments",
    )
    position = models.ForeignKey(
        "competencies.JobPosition",
        verbose_name=_("job position"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="consultation_comments",
    )
    competency = models.ForeignKey(
        "competencies.Competency",
        verbose_name=_("competency"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="consultation_comments",
    )
    level = models.ForeignKey(
        "competencies.ProficiencyLevel",
        verbose_name=_("proficiency level"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Empty: the comment is on the item as a whole."),
    )
    administration = models.ForeignKey(
        "administrations.Administration",
        verbose_name=_("administration"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    text = models.TextField(_("comment"), validators=[MaxLengthValidator(COMMENT_MAX)])
    created_at = models.DateTimeField(_("written"), default=timezone.now)
    updated_at = models.DateTimeField(_("changed"), auto_now=True)
    reply = models.TextField(
        _("the office's answer"), blank=True, help_text=_("Shown to the members under the comment.")
    )
    replied_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("answered by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    replied_at = models.DateTimeField(_("answered"), null=True, blank=True)
    resolved = models.BooleanField(_("resolved"), default=False)

    class Meta:
        verbose_name = _("consultation comment")
        verbose_name_plural = _("consultation comments")
        ordering = ["created_at", "id"]
        indexes = [
            models.Index(
                fields=["round", "position", "created_at"], name="competencies_cmt_pos_idx"
            ),
            models.Index(
                fields=["round", "competency", "created_at"], name="competencies_cmt_comp_idx"
            ),
            models.Index(fields=["round", "administration"], name="competencies_cmt_admin_idx"),
            models.Index(fields=["round", "resolved"], name="competencies_cmt_resolved_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(position__isnull=True, competency__isnull=False)
                | Q(position__isnull=False, competency__isnull=True),
                name="competencies_comment_on_one_item",
                violation_error_message=_("A comment is on one position or one competency."),
            ),
        ]

    def __str__(self):
        return f"{self.item} · {self.administration.code}"

    @property
    def item(self):
        return self.position or self.competency


class ConsultationResponse(models.Model):
    """An administration's position on a round, given by its focal point."""

    class Stance(models.TextChoices):
        AGREE = "agree", _("Agree")
        AGREE_WITH_CHANGES = "changes", _("Agree with changes")
        DISAGREE = "disagree", _("Disagree")

    round = models.ForeignKey(
        ConsultationRound,
        verbose_name=_("consultation round"),
        on_delete=models.CASCADE,
        related_name="responses",
    )
    administration = models.ForeignKey(
        "administrations.Administration",
        verbose_name=_("administration"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    stance = models.CharField(_("position"), max_length=10, choices=Stance.choices)
    text = models.TextField(
        _("explanation"), blank=True, validators=[MaxLengthValidator(RESPONSE_MAX)]
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("submitted by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    submitted_at = models.DateTimeField(_("submitted"), default=timezone.now)

    class Meta:
        verbose_name = _("administration's position")
        verbose_name_plural = _("administrations' positions")
        ordering = ["round", "administration__code"]
        constraints = [
            models.UniqueConstraint(
                fields=["round", "administration"], name="competencies_response_one_per_admin"
            ),
            models.CheckConstraint(
                condition=Q(stance__in=["agree", "changes", "disagree"]),
                name="competencies_response_stance_known",
            ),
            models.CheckConstraint(
                condition=Q(stance="agree") | ~Q(text=""),
                name="competencies_response_explained",
                violation_error_message=_(
                    "Say which changes your administration asks for, or why it disagrees."
                ),
            ),
        ]

    def __str__(self):
        return f"{self.round} · {self.administration.code}: {self.get_stance_display()}"
