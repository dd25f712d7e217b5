"""The member administrations of the WCO Europe region: the base every other app hangs off."""

from django.core.validators import RegexValidator
from django.db import models
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
