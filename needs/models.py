"""Capacity-building needs: what a member administration asks the office for (a request, maybe in
answer to an annual call, a round), and the office's workflow from submission to delivery.

The workflow's allowed steps are `TRANSITIONS`; `needs.services.need_transition` is the one place
that takes them, and the database refuses a row whose status lacks what the status needs (a date
and a proposal once forwarded, an activity once planned, a reason once declined).
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q, Value
from django.db.models.functions import Coalesce
from django.db.models.lookups import GreaterThan
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.files import GeneratedName, UploadValidator, private_storage

ATTACHMENT_MAX_BYTES = 5 * 1024 * 1024
ATTACHMENTS_MAX = 5
# The same rules as an expert's CV: PDF or Word, by content, up to 5 MB.
validate_attachment = UploadValidator(kinds=("pdf", "docx"), max_bytes=ATTACHMENT_MAX_BYTES)


class Priority(models.TextChoices):
    HIGH = "high", _("High")
    MEDIUM = "medium", _("Medium")
    LOW = "low", _("Low")


class Modality(models.TextChoices):
    WORKSHOP = "workshop", _("Workshop")
    EXPERT_MISSION = "mission", _("Expert mission")
    E_LEARNING = "e_learning", _("E-learning")
    STUDY_VISIT = "study_visit", _("Study visit")
    SECONDMENT = "secondment", _("Secondment")


class Status(models.TextChoices):
    SUBMITTED = "submitted", _("Submitted")
    ANALYSIS = "analysis", _("Under analysis")
    FORWARDED = "forwarded", _("Forwarded to the WCO Secretariat")
    PLANNED = "planned", _("Planned")
    DELIVERED = "delivered", _("Delivered")
    DECLINED = "declined", _("Declined")


# The office's workflow: from each status, the statuses it may move to.
TRANSITIONS: dict[str, tuple[str, ...]] = {
    Status.SUBMITTED: (Status.ANALYSIS, Status.DECLINED),
    Status.ANALYSIS: (Status.FORWARDED, Status.DECLINED),
    Status.FORWARDED: (Status.PLANNED, Status.DECLINED),
    Status.PLANNED: (Status.DELIVERED, Status.DECLINED),
    Status.DELIVERED: (),
    Status.DECLINED: (),
}
FORWARDED_OR_LATER = (Status.FORWARDED, Status.PLANNED, Status.DELIVERED)
PLANNED_OR_LATER = (Status.PLANNED, Status.DELIVERED)


def _has_text(column: str) -> GreaterThan:
    """For a constraint: the column holds text (a language column may be NULL or empty)."""
    return GreaterThan(Coalesce(F(column), Value(""), output_field=models.TextField()), Value(""))


class NeedsRound(models.Model):
    """An annual call for needs: the office asks every administration before a deadline."""

    title = models.CharField(_("title"), max_length=200)
    year = models.PositiveSmallIntegerField(
        _("year"), validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )
    deadline = models.DateField(_("deadline"))
    questions = models.TextField(
        _("questions"),
        blank=True,
        help_text=_("Optional: one question a line, in the same order in both languages."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("needs round")
        verbose_name_plural = _("needs rounds")
        ordering = ["-year", "-deadline"]

    def __str__(self):
        return self.title

    def is_open(self, today=None) -> bool:
        return (today or timezone.localdate()) <= self.deadline

    def question_list(self) -> list[str]:
        """The questions in the page's language (one a line), blank lines left out."""
        return [line.strip() for line in (self.questions or "").splitlines() if line.strip()]


class NeedsRequestQuerySet(models.QuerySet):
    def listed(self):
        """Requests as lists show them: duplicates merged into another are left out."""
        return self.filter(duplicate_of__isnull=True)

    def visible_to(self, user):
        """Office staff see every request; a member their own administration's only."""
        if user.is_staff:
            return self
        if not user.is_member:
            return self.none()
        return self.filter(administration_id=user.administration_id)


class NeedsRequest(models.Model):
    administration = models.ForeignKey(
        "administrations.Administration",
        verbose_name=_("administration"),
        on_delete=models.PROTECT,
        related_name="needs",
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("submitted by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="needs",
    )
    round = models.ForeignKey(
        NeedsRound,
        verbose_name=_("needs round"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="requests",
        help_text=_("The annual call this request answers, if any."),
    )
    answers = models.JSONField(
        _("answers to the round's questions"),
        default=list,
        blank=True,
        help_text=_("Pairs of question and answer, as the focal point saw and gave them."),
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"))
    areas = models.ManyToManyField(
        "experts.ExpertiseArea", verbose_name=_("areas of expertise"), related_name="needs"
    )
    competencies = models.ManyToManyField(
        "competencies.Competency",
        verbose_name=_("competencies"),
        related_name="needs",
        blank=True,
    )
    priority = models.CharField(
        _("priority"), max_length=10, choices=Priority.choices, default=Priority.MEDIUM
    )
    modality = models.CharField(_("preferred modality"), max_length=20, choices=Modality.choices)
    period_from = models.DateField(
        _("desired from"), null=True, blank=True, help_text=_("The first month that suits.")
    )
    period_to = models.DateField(
        _("desired until"), null=True, blank=True, help_text=_("The last month that suits.")
    )
    period_note = models.CharField(
        _("about the period"),
        max_length=200,
        blank=True,
        help_text=_("Anything else about timing, e.g. “before the new code enters into force”."),
    )
    officers = models.PositiveIntegerField(
        _("officers concerned"),
        validators=[MinValueValidator(1), MaxValueValidator(100_000)],
        help_text=_("About how many officers would take part or benefit."),
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.SUBMITTED
    )
    submitted_at = models.DateTimeField(_("submitted"), default=timezone.now)
    status_changed_at = models.DateTimeField(_("status changed"), default=timezone.now)
    forwarded_on = models.DateField(_("forwarded to the WCO on"), null=True, blank=True)
    proposal = models.TextField(
        _("the office's proposal"),
        blank=True,
        help_text=_("What the office proposed to the WCO Secretariat; shown to the members."),
    )
    activity = models.ForeignKey(
        "workplan.Activity",
        verbose_name=_("work-plan activity"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="needs",
    )
    # Set by staff for now; the meetings issue will plan needs into events with registration.
    event = models.ForeignKey(
        "outreach.Event",
        verbose_name=_("event"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="needs",
    )
    decline_reason = models.TextField(
        _("reason for declining"), blank=True, help_text=_("Sent to the focal points.")
    )
    duplicate_of = models.ForeignKey(
        "self",
        verbose_name=_("duplicate of"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="duplicates",
        help_text=_("A duplicate is hidden from the lists and links to this request."),
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = NeedsRequestQuerySet.as_manager()

    class Meta:
        verbose_name = _("needs request")
        verbose_name_plural = _("needs requests")
        ordering = ["-submitted_at", "-id"]
        indexes = [
            # A member's list: their administration's requests, newest first.
            models.Index(
                fields=["administration", "-submitted_at", "-id"], name="needs_request_admin_idx"
            ),
            models.Index(fields=["-submitted_at", "-id"], name="needs_request_submitted_idx"),
            models.Index(fields=["status"], name="needs_request_status_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=Status.values), name="needs_request_status_known"
            ),
            models.CheckConstraint(
                condition=Q(officers__gte=1), name="needs_request_officers_positive"
            ),
            models.CheckConstraint(
                condition=Q(period_from__isnull=True)
                | Q(period_to__isnull=True)
                | Q(period_to__gte=F("period_from")),
                name="needs_request_period_in_order",
                violation_error_message=_("The period cannot end before it begins."),
            ),
            models.CheckConstraint(
                condition=~Q(status__in=FORWARDED_OR_LATER)
                | (Q(forwarded_on__isnull=False) & (~Q(proposal_en="") | ~Q(proposal_ru=""))),
                name="needs_request_forwarded_has_date_and_proposal",
                violation_error_message=_(
                    "A request forwarded to the WCO has the date and the office's proposal."
                ),
            ),
            models.CheckConstraint(
                condition=~Q(status__in=PLANNED_OR_LATER) | Q(activity__isnull=False),
                name="needs_request_planned_has_activity",
                violation_error_message=_("A planned request is linked to a work-plan activity."),
            ),
            models.CheckConstraint(
                condition=~Q(status=Status.DECLINED)
                | _has_text("decline_reason_en")
                | _has_text("decline_reason_ru"),
                name="needs_request_declined_has_reason",
                violation_error_message=_("A declined request has a reason."),
            ),
            models.CheckConstraint(
                condition=~Q(duplicate_of=F("id")),
                name="needs_request_not_its_own_duplicate",
                violation_error_message=_("A request cannot be a duplicate of itself."),
            ),
        ]

    def __str__(self):
        return _("No. %(number)s: %(title)s") % {"number": self.pk, "title": self.title}

    def get_absolute_url(self):
        return reverse("needs:detail", args=[self.pk])

    def next_statuses(self) -> tuple[str, ...]:
        return TRANSITIONS[self.status]


class NeedsAttachment(models.Model):
    need = models.ForeignKey(
        NeedsRequest,
        verbose_name=_("needs request"),
        on_delete=models.CASCADE,
        related_name="attachments",
    )
    file = models.FileField(
        _("file"),
        upload_to=GeneratedName("needs/attachments"),
        storage=private_storage,
        validators=[validate_attachment],
        max_length=200,
    )
    name = models.CharField(_("file name"), max_length=255)
    uploaded_at = models.DateTimeField(_("uploaded"), default=timezone.now)

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["uploaded_at", "id"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("needs:attachment", args=[self.need_id, self.pk])


class NeedsNote(models.Model):
    """The office's internal note on a request: never shown to members."""

    need = models.ForeignKey(
        NeedsRequest,
        verbose_name=_("needs request"),
        on_delete=models.CASCADE,
        related_name="notes",
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    text = models.TextField(_("note"))
    created_at = models.DateTimeField(_("written"), default=timezone.now)

    class Meta:
        verbose_name = _("internal note")
        verbose_name_plural = _("internal notes")
        ordering = ["created_at", "id"]

    def __str__(self):
        return self.text[:60]


class NeedsRoundReminder(models.Model):
    """A reminder mailed to an administration about a round: at most one a day."""

    round = models.ForeignKey(
        NeedsRound,
        verbose_name=_("needs round"),
        on_delete=models.CASCADE,
        related_name="reminders",
    )
    administration = models.ForeignKey(
        "administrations.Administration",
        verbose_name=_("administration"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    sent_on = models.DateField(_("sent on"), default=timezone.localdate)

    class Meta:
        verbose_name = _("needs round reminder")
        verbose_name_plural = _("needs round reminders")
        ordering = ["-sent_on"]
        constraints = [
            models.UniqueConstraint(
                fields=["round", "administration", "sent_on"], name="needs_reminder_once_a_day"
            )
        ]

    def __str__(self):
        return f"{self.round} – {self.administration} – {self.sent_on}"


# Rotation counts the missions of this year and the two before.
ROTATION_YEARS = 3
# The expert's report: the same rules as a CV (PDF or Word, by content, up to 5 MB).
validate_report = validate_attachment


def rotation_since(today=None):
    """The first day that rotation counts missions from: 1 January two years ago."""
    today = today or timezone.localdate()
    return today.replace(year=today.year - (ROTATION_YEARS - 1), month=1, day=1)


class MissionQuerySet(models.QuerySet):
    def recent(self, today=None):
        """Missions begun this year or in the two before: those rotation counts."""
        return self.filter(start_date__gte=rotation_since(today))

    def awaiting_evaluation_requests(self, today=None):
        """Missions that have ended and whose evaluation forms have not been mailed yet."""
        today = today or timezone.localdate()
        return self.filter(end_date__lt=today, evaluations_requested_at__isnull=True)


class Mission(models.Model):
    """An expert of one administration sent to another, for one of its requests."""

    need = models.ForeignKey(
        NeedsRequest,
        verbose_name=_("needs request"),
        on_delete=models.PROTECT,
        related_name="missions",
    )
    # Kept when the expert's record is erased (item 5's purge): the count stays, the person goes.
    expert = models.ForeignKey(
        "experts.Expert",
        verbose_name=_("expert"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="missions",
    )
    administration = models.ForeignKey(
        "administrations.Administration",
        verbose_name=_("host administration"),
        on_delete=models.PROTECT,
        related_name="missions_hosted",
        help_text=_("The administration that asked: the request's."),
    )
    provider = models.ForeignKey(
        "administrations.Administration",
        verbose_name=_("expert's administration"),
        on_delete=models.PROTECT,
        related_name="missions_provided",
        help_text=_("The administration the expert worked for at the time of the mission."),
    )
    start_date = models.DateField(_("first day"))
    end_date = models.DateField(_("last day"))
    report = models.FileField(
        _("expert's report"),
        upload_to=GeneratedName("needs/mission-reports"),
        storage=private_storage,
        validators=[validate_report],
        max_length=200,
        blank=True,
        help_text=_("PDF or Word (DOCX), up to 5 MB."),
    )
    report_name = models.CharField(
        _("report file name"), max_length=255, blank=True, editable=False
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("recorded"), auto_now_add=True)
    evaluations_requested_at = models.DateTimeField(
        _("evaluation forms mailed"), null=True, blank=True, editable=False
    )

    objects = MissionQuerySet.as_manager()

    class Meta:
        verbose_name = _("mission")
        verbose_name_plural = _("missions")
        ordering = ["-start_date", "-id"]
        indexes = [
            # Rotation: an expert's and an administration's recent missions.
            models.Index(fields=["expert", "start_date"], name="needs_mission_expert_idx"),
            models.Index(fields=["provider", "start_date"], name="needs_mission_provider_idx"),
            models.Index(fields=["administration", "start_date"], name="needs_mission_host_idx"),
            # The daily job: ended missions whose forms are not mailed yet.
            models.Index(
                fields=["end_date"],
                condition=Q(evaluations_requested_at__isnull=True),
                name="needs_mission_to_evaluate_idx",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__gte=F("start_date")),
                name="needs_mission_dates_in_order",
                violation_error_message=_("The mission cannot end before it begins."),
            ),
        ]

    def __str__(self):
        return _("%(expert)s in %(administration)s, %(start)s") % {
            "expert": self.expert or _("(erased expert)"),
            "administration": self.administration,
            "start": self.start_date,
        }

    def get_absolute_url(self):
        return reverse("needs:detail", args=[self.need_id])

    def has_ended(self, today=None) -> bool:
        return self.end_date < (today or timezone.localdate())


class Respondent(models.TextChoices):
    HOST = "host", _("the host administration's focal point")
    EXPERT = "expert", _("the expert")


SCORE_VALIDATORS = [MinValueValidator(1), MaxValueValidator(5)]


class MissionEvaluation(models.Model):
    """One side's evaluation of a mission: the host's focal point's or the expert's, once each."""

    mission = models.ForeignKey(
        Mission,
        verbose_name=_("mission"),
        on_delete=models.CASCADE,
        related_name="evaluations",
    )
    respondent = models.CharField(_("by"), max_length=10, choices=Respondent.choices)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("focal point"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    preparation = models.PositiveSmallIntegerField(
        _("preparation and organisation"), validators=SCORE_VALIDATORS
    )
    relevance = models.PositiveSmallIntegerField(
        _("relevance to the need"), validators=SCORE_VALIDATORS
    )
    results = models.PositiveSmallIntegerField(
        _("usefulness of the results"), validators=SCORE_VALIDATORS
    )
    comment = models.TextField(_("comment"), blank=True)
    submitted_at = models.DateTimeField(_("answered"), default=timezone.now)

    class Meta:
        verbose_name = _("mission evaluation")
        verbose_name_plural = _("mission evaluations")
        ordering = ["mission", "respondent"]
        constraints = [
            models.UniqueConstraint(
                fields=["mission", "respondent"],
                name="needs_evaluation_once_each",
                violation_error_message=_("This mission has been evaluated from this side."),
            ),
            models.CheckConstraint(
                condition=Q(respondent__in=Respondent.values), name="needs_evaluation_respondent"
            ),
            *(
                models.CheckConstraint(
                    condition=Q(**{f"{name}__gte": 1, f"{name}__lte": 5}),
                    name=f"needs_evaluation_{name}_1_to_5",
                )
                for name in ("preparation", "relevance", "results")
            ),
        ]

    def __str__(self):
        return f"{self.mission} – {self.get_respondent_display()}"
