"""The member administrations of the WCO Europe region, the base every other app hangs off,
the requests people make for a members' account of one of them, and the log of who read
personal data (every app records its readings here, the layer they all stand on).

The user model lives a layer above (`accounts`); this layer names it only through
`settings.AUTH_USER_MODEL`, as Django's own admin log and django-reversion do.
"""

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
from django.core.validators import RegexValidator
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class AdministrationQuerySet(models.QuerySet):
    def members(self):
        return self.filter(is_member=True)


class Administration(models.Model):
    code = models.CharField(
        _("country code"),
        max_length=2,
        unique=True,
        validators=[RegexValidator(r"^[A-Z]{2}$", _("Use the two-letter ISO code in capitals."))],
        help_text=_("ISO 3166-1 alpha-2 code, e.g. AZ; EU for the European Union."),
    )
    name = models.CharField(_("name"), max_length=200)
    is_member = models.BooleanField(_("member of the region"), default=True, db_index=True)
    is_rtc = models.BooleanField(
        _("hosts a Regional Training Centre"), default=False, db_index=True
    )
    website = models.URLField(_("website"), blank=True)

    objects = AdministrationQuerySet.as_manager()

    class Meta:
        verbose_name = _("administration")
        verbose_name_plural = _("administrations")
        ordering = ["name"]

    def __str__(self):
        return self.name

    @property
    def slug(self) -> str:
        """The administration's part of a URL: its country code in lower case."""
        return self.code.lower()


class AccountRequest(models.Model):
    """A person's request for a members' account of their administration, which its focal
    point (or the office) approves, creating the account, or declines with a reason."""

    class Status(models.TextChoices):
        PENDING = "pending", _("pending")
        APPROVED = "approved", _("approved")
        DECLINED = "declined", _("declined")

    administration = models.ForeignKey(
        Administration,
        verbose_name=_("administration"),
        on_delete=models.PROTECT,
        related_name="account_requests",
        limit_choices_to={"is_member": True},
    )
    full_name = models.CharField(_("full name"), max_length=200)
    email = models.EmailField(_("email address"))
    position = models.CharField(_("position or job title"), max_length=200)
    message = models.TextField(_("message"), max_length=2000, blank=True)
    language = models.CharField(
        _("preferred language"),
        max_length=8,
        choices=settings.LANGUAGES,
        help_text=_("The invitation or the answer is written in this language."),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status, default=Status.PENDING, db_index=True
    )
    created_at = models.DateTimeField(_("asked on"), auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("decided on"), null=True, blank=True)
    reason = models.TextField(
        _("reason"), blank=True, help_text=_("Why the request was declined; sent to the person.")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="account_requests",
        help_text=_("The account created or re-activated on approval."),
    )

    class Meta:
        verbose_name = _("account request")
        verbose_name_plural = _("account requests")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                Lower("email"),
                condition=models.Q(status="pending"),
                name="administrations_accountrequest_one_pending_per_email",
                violation_error_message=_("A request for this address is already pending."),
            ),
            models.CheckConstraint(
                condition=models.Q(status="pending") | models.Q(decided_at__isnull=False),
                name="administrations_accountrequest_decided_has_date",
            ),
            models.CheckConstraint(
                condition=~models.Q(status="declined") | ~models.Q(reason=""),
                name="administrations_accountrequest_declined_has_reason",
                violation_error_message=_("Give the reason for declining."),
            ),
        ]
        indexes = [models.Index(fields=["administration", "status"])]

    def __str__(self):
        return f"{self.full_name} <{self.email}>"

    @property
    def is_pending(self) -> bool:
        return self.status == self.Status.PENDING


class AccessLogEntry(models.Model):
    """One reading of personal data: who (and of which administration), what kind of access,
    which records (their type and ids, never their contents) and when.

    No client address is kept: every reader is logged in, so the account already says who read,
    and an address would be one more piece of personal data (the reader's) to guard and purge
    for no accountability the account does not give. Entries are purged after
    `ACCESS_LOG_RETENTION_DAYS` by the nightly purge task.
    """

    class Kind(models.TextChoices):
        EXPERT_CV = "expert_cv", _("expert's CV downloaded")
        NOMINATION_CV = "nomination_cv", _("nominee's CV downloaded")
        EXPERT_RECORD = "expert_record", _("expert's record viewed")
        EXPERT_EXPORT = "expert_export", _("experts exported")
        CONTACT_EXPORT = "contact_export", _("contact points exported")
        PARTICIPANT_EXPORT = "participant_export", _("participants exported")
        ADMIN_EXPORT = "admin_export", _("exported from the admin")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        # An account that read personal data is deactivated, not deleted, while its entries
        # are kept: deleting it would erase the record of what it read.
        on_delete=models.PROTECT,
        related_name="+",
    )
    administration = models.ForeignKey(
        Administration,
        verbose_name=_("administration"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("The user's administration at the time (none for office staff)."),
    )
    kind = models.CharField(_("kind of access"), max_length=24, choices=Kind, db_index=True)
    content_type = models.ForeignKey(
        "contenttypes.ContentType",
        verbose_name=_("type of record"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    object_ids = ArrayField(
        models.BigIntegerField(),
        verbose_name=_("record ids"),
        help_text=_("The records read: one for a page or a file, every row for an export."),
    )
    accessed_at = models.DateTimeField(_("time"), default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("personal-data access")
        verbose_name_plural = _("personal-data access log")
        ordering = ["-accessed_at", "-pk"]
        # Only reading: the entries are written by the portal, never added, changed or deleted
        # by hand (the nightly purge deletes them).
        default_permissions = ("view",)
        indexes = [
            # "Who read this person's data?": the admin's search by a record's id.
            GinIndex(fields=["object_ids"], name="administrations_access_ids"),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} ({self.accessed_at:%Y-%m-%d %H:%M})"
