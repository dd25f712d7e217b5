from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("Accounts")


class PortalAdminConfig(admin_apps.AdminConfig):
    """Django's admin, on a site that asks staff for their second factor."""

    default = False  # named in INSTALLED_APPS; `accounts` itself is AccountsConfig

    default_site = "accounts.admin_site.StaffAdminSite"
