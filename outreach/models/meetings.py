"""Meetings: who may register for an event and how (its registration settings), and each
person registered, nominated or waiting for a seat (registrations); after the event, whether
each confirmed participant attended.

The rules of seats (capacity, quotas, the waiting list and seat offers) are in
`outreach.services`, which counts seats with the event's settings row locked.
"""

import datetime

from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from administrations.models import Administration
from outreach.models.content import Event


class Audience(models.TextChoices):
    MEMBERS = "members", _("Users of the member administrations")
    PUBLIC = "public", _("Anyone (the public)")
    INVITED = "invited", _("Invited administrations only")


class EventLanguage(models.TextChoices):
    ENGLISH = "en", _("English")
    RUSSIAN = "ru", _("Russian")
    BOTH = "en+ru", _("English and Russian (interpretation)")


# The evaluation forms go to the participants of events that ended within this many days (an
# event older than that when the feature came is not asked about any more).
EVALUATION_WINDOW_DAYS = 14


class RegistrationSettingsQuerySet(models.QuerySet):
    def awaiting_evaluation_requests(self, today: datetime.date | None = None):
        """Events that ended lately (before today) and whose evaluation forms have not gone."""
        today = today or timezone.localdate()
        return self.filter(
            evaluations_mailed_at__isnull=True,
            event__ends_on__lt=today,
            event__ends_on__gte=today - datetime.timedelta(days=EVALUATION_WINDOW_DAYS),
        )


class RegistrationSettings(models.Model):
    """How an event takes registrations; an event without them takes none on the portal."""

    event = models.OneToOneField(
        Event, on_delete=models.CASCADE, related_name="registration", verbose_name=_("event")
    )
    opens_at = models.DateTimeField(_("registration opens"))
    closes_at = models.DateTimeField(_("registration closes"))
    capacity = models.PositiveIntegerField(
        _("capacity"), help_text=_("Seats in all; further registrations join the waiting list.")
    )
    quota = models.PositiveSmallIntegerField(
        _("quota per administration"),
        null=True,
        blank=True,
        help_text=_("Seats one administration may hold; empty: no quota."),
    )
    audience = models.CharField(
        _("who may register"), max_length=10, choices=Audience.choices, default=Audience.MEMBERS
    )
    invited = models.ManyToManyField(
        Administration,
        blank=True,
        related_name="event_invitations",
        verbose_name=_("invited administrations"),
        help_text=_("Only for “invited administrations only”."),
    )
    requires_approval = models.BooleanField(
        _("staff approve each registration"),
        default=False,
        help_text=_("A registration holds its seat while it waits for approval."),
    )
    ask_position = models.BooleanField(_("ask for the position"), default=True)
    ask_working_language = models.BooleanField(_("ask for the working language"), default=False)
    ask_accessibility = models.BooleanField(_("ask about accessibility needs"), default=False)
    ask_visa_letter = models.BooleanField(
        _("ask whether a visa support letter is needed"), default=False
    )
    ask_sex = models.BooleanField(
        _("ask for the sex"),
        default=False,
        help_text=_("For the Work Plan's figures of attendance by sex; answering is optional."),
    )
    language = models.CharField(
        _("language of the event"),
        max_length=5,
        choices=EventLanguage.choices,
        default=EventLanguage.ENGLISH,
    )
    offer_hours = models.PositiveSmallIntegerField(
        _("hours to accept a seat offer"),
        default=48,
        help_text=_("A freed seat is offered to the next on the waiting list for this long."),
    )
    evaluations_mailed_at = models.DateTimeField(
        _("evaluation forms mailed"), null=True, blank=True, editable=False
    )
    evaluations_mailed_to = models.PositiveIntegerField(
        _("evaluation forms mailed to"), default=0, editable=False
    )

    objects = RegistrationSettingsQuerySet.as_manager()

    class Meta:
        verbose_name = _("registration settings")
        verbose_name_plural = _("registration settings")
        ordering = ["event"]
        indexes = [
            # The daily job: events whose evaluation forms have not been mailed yet.
            models.Index(
                fields=["event"],
                condition=models.Q(evaluations_mailed_at__isnull=True),
                name="registration_to_evaluate_idx",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(closes_at__gt=models.F("opens_at")),
                name="registration_closes_after_it_opens",
                violation_error_message=_("Registration must close after it opens."),
            ),
            models.CheckConstraint(
                condition=models.Q(capacity__gte=1), name="registration_capacity_positive"
            ),
            models.CheckConstraint(
                condition=models.Q(quota__isnull=True) | models.Q(quota__gte=1),
                name="registration_quota_positive",
            ),
            models.CheckConstraint(
                condition=models.Q(offer_hours__gte=1), name="registration_offer_hours_positive"
            ),
            models.CheckConstraint(
                condition=models.Q(audience__in=Audience.values), name="registration_audience_valid"
            ),
        ]

    def __str__(self):
        return str(self.event)

    def is_open(self, now: datetime.datetime | None = None) -> bool:
        now = now or timezone.now()
        return self.opens_at <= now < self.closes_at


class RegistrationQuerySet(models.QuerySet):
    def holding_seats(self):
        """Registrations that take a seat: confirmed (marked attended or absent included),
        awaiting approval, or offered one."""
        return self.filter(status__in=Registration.SEATED)

    def participants(self):
        """Confirmed participants, whether or not their attendance has been marked."""
        return self.filter(status__in=Registration.PARTICIPANTS)

    def waiting(self):
        """The waiting list, first come first."""
        return self.filter(status=Registration.Status.WAITING).order_by("created_at", "pk")

    def active(self):
        """Holding a seat or waiting for one: those told of a change or a cancellation."""
        return self.filter(status__in=[*Registration.HOLDING, Registration.Status.WAITING])


class Registration(models.Model):
    """A person registered for an event: by themselves, or nominated by their focal point."""

    class Status(models.TextChoices):
        PENDING = "pending", pgettext_lazy("registration", "Awaiting approval")
        CONFIRMED = "confirmed", pgettext_lazy("registration", "Confirmed")
        WAITING = "waiting", pgettext_lazy("registration", "On the waiting list")
        OFFERED = "offered", pgettext_lazy("registration", "Offered a seat")
        DECLINED = "declined", pgettext_lazy("registration", "Declined")
        WITHDRAWN = "withdrawn", pgettext_lazy("registration", "Withdrawn")
        EXPIRED = "expired", pgettext_lazy("registration", "Seat offer expired")
        # Marked by staff once the event has begun (a confirmed participant only).
        ATTENDED = "attended", pgettext_lazy("registration", "Attended")
        ABSENT = "absent", pgettext_lazy("registration", "Did not attend")

    HOLDING = (Status.PENDING, Status.CONFIRMED, Status.OFFERED)
    # Confirmed participants, whether or not staff have marked their attendance.
    PARTICIPANTS = (Status.CONFIRMED, Status.ATTENDED, Status.ABSENT)
    SEATED = (*HOLDING, Status.ATTENDED, Status.ABSENT)

    class Sex(models.TextChoices):
        # The values of the Work Plan's breakdowns (workplan.ActualBreakdown.Sex).
        FEMALE = "female", _("Female")
        MALE = "male", _("Male")

    class WorkingLanguage(models.TextChoices):
        ENGLISH = "en", _("English")
        RUSSIAN = "ru", _("Russian")

    event = models.ForeignKey(
        Event, on_delete=models.CASCADE, related_name="registrations", verbose_name=_("event")
    )
    administration = models.ForeignKey(
        Administration,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="registrations",
        verbose_name=_("administration"),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="registrations",
        verbose_name=_("account"),
    )
    nominated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="nominated_registrations",
        verbose_name=_("nominated by"),
    )
    full_name = models.CharField(_("full name"), max_length=200)
    email = models.EmailField(_("email"))
    position = models.CharField(pgettext_lazy("job", "position"), max_length=200, blank=True)
    working_language = models.CharField(
        _("working language"), max_length=2, choices=WorkingLanguage.choices, blank=True
    )
    accessibility_needs = models.TextField(_("accessibility needs"), max_length=1000, blank=True)
    needs_visa_letter = models.BooleanField(_("needs a visa support letter"), default=False)
    sex = models.CharField(_("sex"), max_length=10, choices=Sex.choices, blank=True)
    consent_to_list = models.BooleanField(
        _("agrees to appear in the participant list"), default=False
    )
    language = models.CharField(
        _("language of mail"), max_length=2, choices=settings.LANGUAGES, default="en"
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices)
    reason = models.TextField(_("reason for declining"), max_length=2000, blank=True)
    offer_expires_at = models.DateTimeField(_("seat offer expires"), null=True, blank=True)
    # Set when the reminder before the event is queued: each registration is reminded once.
    reminded_at = models.DateTimeField(_("reminder sent"), null=True, blank=True, editable=False)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    # Whether the person has answered the evaluation form (the answers themselves are anonymous:
    # nothing in them leads back here).
    evaluation_given = models.BooleanField(_("evaluation answered"), default=False, editable=False)
    created_at = models.DateTimeField(_("registered"), default=timezone.now)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["event", "created_at", "pk"]
        indexes = [
            # Seat counts and the waiting list of one event.
            models.Index(fields=["event", "status", "created_at"], name="registration_queue_idx"),
            models.Index(
                fields=["event", "administration", "status"], name="registration_quota_idx"
            ),
            # Offers past their time, found by the periodic task.
            models.Index(
                fields=["offer_expires_at"],
                condition=models.Q(status="offered"),
                name="registration_offers_idx",
            ),
        ]
        constraints = [
            # One person once per event, however their address is capitalised.
            models.UniqueConstraint(
                models.F("event"),
                Lower("email"),
                name="registration_one_per_person",
                violation_error_message=_("This person is already registered for the event."),
            ),
            models.CheckConstraint(
                condition=models.Q(
                    status__in=[
                        "pending",
                        "confirmed",
                        "waiting",
                        "offered",
                        "declined",
                        "withdrawn",
                        "expired",
                        "attended",
                        "absent",
                    ]
                ),
                name="registration_status_valid",
            ),
            models.CheckConstraint(
                condition=~models.Q(status="offered") | models.Q(offer_expires_at__isnull=False),
                name="registration_offer_has_expiry",
            ),
        ]

    def __str__(self):
        return f"{self.full_name} ({self.event})"

    def get_absolute_url(self):
        return reverse("outreach:event_register", kwargs={"slug": self.event.slug})

    @property
    def holds_seat(self) -> bool:
        return self.status in self.HOLDING

    @property
    def is_active(self) -> bool:
        """Holding a seat or waiting for one (what a withdrawal can end)."""
        return self.holds_seat or self.status == self.Status.WAITING


class RegistrationCount(models.Model):
    """What is left of an event's registrations once their personal data is erased (the
    retention purge): how many people of each administration (and sex, where asked) ended in
    each status."""

    event = models.ForeignKey(
        Event, on_delete=models.CASCADE, related_name="registration_counts", verbose_name=_("event")
    )
    administration = models.ForeignKey(
        Administration,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("administration"),
    )
    status = models.CharField(_("status"), max_length=10, choices=Registration.Status.choices)
    sex = models.CharField(_("sex"), max_length=10, choices=Registration.Sex.choices, blank=True)
    count = models.PositiveIntegerField(_("count"))

    class Meta:
        verbose_name = _("registration count")
        verbose_name_plural = _("registration counts")
        ordering = ["event", "administration", "status", "sex"]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "administration", "status", "sex"],
                nulls_distinct=False,
                name="registration_count_unique",
            )
        ]

    def __str__(self):
        return f"{self.event}: {self.count}"
