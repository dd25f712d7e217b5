"""Portal users: email is the login; a member user belongs to one member administration."""

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.full_clean(exclude=["password"])
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields["is_staff"] = True
        extra_fields["is_superuser"] = True
        return self._create_user(email, password, **extra_fields)

    def get_by_natural_key(self, username):
        # Logins are case-insensitive: addresses are stored in lower case.
        return self.get(email=username.strip().lower())


class User(AbstractBaseUser, PermissionsMixin):
    email = models.EmailField(_("email address"), unique=True)
    full_name = models.CharField(_("full name"), max_length=200, blank=True)
    administration = models.ForeignKey(
        "administrations.Administration",
        verbose_name=_("administration"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="users",
        help_text=_("The member administration this user belongs to."),
    )
    is_focal_point = models.BooleanField(
        _("focal point"),
        default=False,
        help_text=_(
            "Focal points nominate experts and keep the contact points of their "
            "administration current."
        ),
    )
    language = models.CharField(
        _("preferred language"),
        max_length=8,
        choices=settings.LANGUAGES,
        default="en",
        help_text=_("Emails to this user are written in this language."),
    )
    is_staff = models.BooleanField(
        _("office staff"),
        default=False,
        help_text=_("Office staff can log into the admin."),
    )
    is_active = models.BooleanField(_("active"), default=True)
    date_joined = models.DateTimeField(_("date joined"), default=timezone.now)

    objects = UserManager()

    EMAIL_FIELD = "email"
    USERNAME_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["email"]
        constraints = [
            models.UniqueConstraint(Lower("email"), name="accounts_user_email_ci_unique"),
            models.CheckConstraint(
                condition=models.Q(is_focal_point=False) | models.Q(administration__isnull=False),
                name="accounts_user_focal_point_has_administration",
                violation_error_message=_("A focal point must belong to an administration."),
            ),
        ]

    def __str__(self):
        return self.full_name or self.email

    def clean(self):
        super().clean()
        self.email = self.__class__.objects.normalize_email(self.email).lower()

    def get_full_name(self):
        return self.full_name or self.email

    def get_short_name(self):
        return self.full_name.split(" ")[0] if self.full_name else self.email

    @property
    def is_member(self) -> bool:
        """True for an active user of a member administration of the region."""
        return (
            self.is_active and self.administration_id is not None and self.administration.is_member
        )

    @property
    def can_enter_members_area(self) -> bool:
        return self.is_active and (self.is_staff or self.is_member)

    def is_focal_point_for(self, administration) -> bool:
        """True when this user is the focal point of that administration (never of another)."""
        admin_id = getattr(administration, "pk", administration)
        return self.is_active and self.is_focal_point and self.administration_id == admin_id
