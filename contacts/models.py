"""The member administrations' contact points and training centres."""

import contextlib
import datetime
import functools

from django.conf import global_settings, settings
from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from administrations.models import Administration
from contacts.phones import format_international_phone, phone_uri, validate_international_phone

# Languages a contact point may work in: those of the region and the WCO's, named as Django
# names them (so their Russian names come from Django's own catalogue).
SPOKEN_LANGUAGE_CODES = [
    "sq", "ar", "hy", "az", "be", "bs", "bg", "ca", "hr", "cs", "da", "nl", "en", "et", "fi",
    "fr", "ka", "de", "el", "he", "hu", "is", "ga", "it", "kk", "ky", "lv", "lt", "lb", "mk",
    "nb", "pl", "pt", "ro", "ru", "sr", "sk", "sl", "es", "sv", "tg", "tk", "tr", "uk", "uz",
]  # fmt: skip
_DJANGO_LANGUAGE_NAMES = dict(global_settings.LANGUAGES)
SPOKEN_LANGUAGES = [(code, _(_DJANGO_LANGUAGE_NAMES[code])) for code in SPOKEN_LANGUAGE_CODES]


def spoken_language_names() -> dict[str, str]:
    """Names of the spoken languages in the active language (worked out once per language)."""
    return _spoken_language_names(translation.get_language() or settings.LANGUAGE_CODE)


@functools.cache
def _spoken_language_names(language: str) -> dict[str, str]:
    with translation.override(language):
        return {code: str(name) for code, name in SPOKEN_LANGUAGES}


def verification_cutoff() -> datetime.date:
    """Contact points last confirmed before this day are due for a check (12 months)."""
    today = timezone.localdate()
    return today - datetime.timedelta(days=365)


class ContactPointQuerySet(models.QuerySet):
    def not_verified_since(self, day: datetime.date):
        """Contact points never confirmed, or last confirmed before `day`."""
        return self.filter(models.Q(verified_on__isnull=True) | models.Q(verified_on__lt=day))


class ContactRole(models.TextChoices):
    HEAD = "head", _("Head of customs")
    CAPACITY_BUILDING = "capacity_building", _("Capacity-building contact")
    LEARNING = "learning", _("National learning coordinator")
    HR = "hr", _("Human resources")
    COMMUNICATION = "communication", _("Communication")
    OTHER = "other", _("Other")


# Contact points are listed in the order of the roles above, then by name.
ROLE_ORDER = models.Case(
    *[models.When(role=role, then=models.Value(i)) for i, role in enumerate(ContactRole.values)],
    output_field=models.SmallIntegerField(),
)


def in_order_of(field: str, values: list, item: models.Field) -> models.Func:
    """The place of `field`'s value in `values` (from 1; NULL for one not in them), `item`
    saying how the database types them."""
    return models.Func(
        models.Value(values, output_field=ArrayField(item)),
        models.F(field),
        function="array_position",
        output_field=models.IntegerField(),
    )


# The same order in one function call: Django compiles it in a tenth of the time of the six
# cases, for the directory's page of rows.
ROLE_PLACE = in_order_of("role", ContactRole.values, models.CharField())


# Names and job titles in both languages and the address, word by word (the "simple"
# configuration: names are not stemmed); searched by word prefix with a GIN index.
CONTACT_SEARCH_VECTOR = SearchVector(
    "name_en", "name_ru", "title_en", "title_ru", "email", config="simple"
)


class ContactPoint(models.Model):
    """A person a member administration names for the office to work with."""

    Role = ContactRole

    administration = models.ForeignKey(
        Administration,
        verbose_name=_("administration"),
        on_delete=models.CASCADE,
        related_name="contact_points",
    )
    role = models.CharField(_("role"), max_length=32, choices=Role.choices, db_index=True)
    name = models.CharField(_("name"), max_length=200)
    title = models.CharField(_("job title"), max_length=250, blank=True)
    email = models.EmailField(_("email address"))
    phone = models.CharField(
        _("phone"),
        max_length=40,
        blank=True,
        validators=[validate_international_phone],
        help_text=_("In international format, starting with + and the country code."),
    )
    languages = ArrayField(
        models.CharField(max_length=8, choices=SPOKEN_LANGUAGES),
        verbose_name=_("working languages"),
        default=list,
        blank=True,
    )
    verified_on = models.DateField(
        _("verified on"),
        null=True,
        blank=True,
        db_index=True,
        help_text=_("The day the administration last confirmed these details."),
    )
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    objects = ContactPointQuerySet.as_manager()

    class Meta:
        verbose_name = _("contact point")
        verbose_name_plural = _("contact points")
        ordering = [ROLE_ORDER.asc(), "name"]
        indexes = [GinIndex(CONTACT_SEARCH_VECTOR, name="contacts_contactpoint_search")]
        constraints = [
            models.UniqueConstraint(
                "administration",
                "role",
                Lower("email"),
                name="contacts_contactpoint_one_role_per_person",
                violation_error_message=_(
                    "This person is already listed in this role for the administration."
                ),
            ),
            models.CheckConstraint(
                condition=models.Q(phone="") | models.Q(phone__regex=r"^\+[1-9][0-9 ()-]{5,}$"),
                name="contacts_contactpoint_phone_international",
                violation_error_message=_("Enter the phone number in international format."),
            ),
        ]

    def __str__(self):
        return f"{self.name} ({self.get_role_display()})"

    def clean(self):
        super().clean()
        self.email = self.email.strip().lower()
        if self.phone:
            # Stored the standard way; a wrong number is reported by the field's validator.
            with contextlib.suppress(ValidationError):
                self.phone = format_international_phone(self.phone)

    @property
    def needs_verification(self) -> bool:
        """Not confirmed in the last 12 months (staff chase these)."""
        return self.verified_on is None or self.verified_on < verification_cutoff()

    @property
    def phone_uri(self) -> str:
        return phone_uri(self.phone)

    def language_names(self) -> list[str]:
        names = spoken_language_names()
        return [names.get(code, code) for code in self.languages]


class TrainingCentre(models.Model):
    """A national customs training centre, shown on the People Development Map."""

    administration = models.ForeignKey(
        Administration,
        verbose_name=_("administration"),
        on_delete=models.CASCADE,
        related_name="training_centres",
    )
    name = models.CharField(_("name"), max_length=250)
    city = models.CharField(_("city"), max_length=120)
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=8,
        decimal_places=5,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
        help_text=_("In decimal degrees, north positive, e.g. 40.40926."),
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=8,
        decimal_places=5,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
        help_text=_("In decimal degrees, east positive, e.g. 49.86709."),
    )
    programmes = models.TextField(
        _("programmes offered"), blank=True, help_text=_("One programme or course area a line.")
    )
    elearning_platform = models.CharField(
        _("e-learning platform"), max_length=120, blank=True, help_text=_("E.g. Moodle.")
    )
    url = models.URLField(_("web address"), blank=True)
    is_wco_rtc = models.BooleanField(
        _("WCO Regional Training Centre"),
        default=False,
        db_index=True,
        help_text=_("Accredited by the WCO as a Regional Training Centre."),
    )

    class Meta:
        verbose_name = _("training centre")
        verbose_name_plural = _("training centres")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(latitude__gte=-90, latitude__lte=90)
                & models.Q(longitude__gte=-180, longitude__lte=180),
                name="contacts_trainingcentre_coordinates_on_earth",
                violation_error_message=_("The coordinates are not on the Earth."),
            ),
        ]

    def __str__(self):
        return self.name

    def programme_list(self) -> list[str]:
        return [line.strip() for line in self.programmes.splitlines() if line.strip()]
