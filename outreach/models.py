"""Public outreach: the WCO tools and e-learning courses the office promotes.

News and events join this module in the outreach issue.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Tool(models.Model):
    class Kind(models.TextChoices):
        INSTRUMENT = "instrument", _("WCO instrument")
        TOOL = "tool", _("Tool")
        COURSE = "course", _("E-learning course")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, db_index=True)
    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    description = models.TextField(_("description"), blank=True)
    url = models.URLField(_("link"), blank=True)
    image = models.ImageField(_("image"), upload_to="tools/", blank=True)
    image_alt = models.CharField(
        _("image description"),
        max_length=250,
        blank=True,
        help_text=_("Describes the image for people who cannot see it."),
    )
    is_promoted = models.BooleanField(_("promoted on the home page"), default=False, db_index=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("WCO tool or course")
        verbose_name_plural = _("WCO tools and courses")
        ordering = ["kind", "position", "title"]

    def __str__(self):
        return self.title
