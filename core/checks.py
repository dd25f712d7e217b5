"""Deployment checks of the portal's own, run by `manage.py check --deploy`."""

from django.conf import settings
from django.core.checks import Tags, Warning, register

_NON_DELIVERING_MAIL = ("console", "locmem", "dummy", "filebased")


@register(Tags.security, deploy=True)
def mail_is_delivered(app_configs, **kwargs):
    """Password resets and nomination outcomes must reach people in production."""
    backend = settings.MAILERS.get("default", {}).get("BACKEND", "")
    if any(f".{name}." in backend for name in _NON_DELIVERING_MAIL):
        return [
            Warning(
                f"Mail is not delivered: MAILERS['default'] uses the {backend} backend.",
                hint="Set EMAIL_HOST (and EMAIL_PORT, EMAIL_HOST_USER, EMAIL_HOST_PASSWORD).",
                id="rocb.W001",
            )
        ]
    return []
