from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    """The top layer: pages that read several apps, through their selectors only."""

    name = "portal"
    verbose_name = _("Portal pages")
