from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AdministrationsConfig(AppConfig):
    """The base layer: member administrations, membership roles and the access rules."""

    name = "administrations"
    verbose_name = _("Member administrations")
