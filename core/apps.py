from django.apps import AppConfig
from django.db.backends.signals import connection_created
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = _("Portal machinery")

    def ready(self):
        from core import checks  # noqa: F401  (registers the deployment checks)
        from core.generations import watch_writes

        # Every write through Django's cursor moves its table's generation on (cached pages
        # and fragments that read it are refreshed), on every connection.
        connection_created.connect(watch_writes, dispatch_uid="rocb-watch-writes")
