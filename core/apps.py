from django.apps import AppConfig
from django.db.backends.signals import connection_created
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = _("Portal machinery")

    def ready(self):
        from reversion.signals import pre_revision_commit

        from core import checks  # noqa: F401  (registers the deployment checks)
        from core.generations import watch_writes
        from core.history import revert_note

        # Every write through Django's cursor moves its table's generation on (cached pages
        # and fragments that read it are refreshed), on every connection.
        connection_created.connect(watch_writes, dispatch_uid="rocb-watch-writes")
        # A revert's note is written so that each reader reads it in their language.
        pre_revision_commit.connect(revert_note, dispatch_uid="rocb-revert-note")
