from django.apps import AppConfig
from django.conf import settings
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils.translation import gettext_lazy as _


class RocbConfig(AppConfig):
    name = "rocb"
    verbose_name = _("ROCB Europe portal")

    def ready(self):
        from rocb import checks  # noqa: F401  (registers the deployment checks)
        from rocb.cache import invalidate_public_pages

        def refresh_public_pages(sender, **kwargs):
            if sender._meta.app_label in settings.PUBLIC_CONTENT_APPS:
                invalidate_public_pages()

        for signal in (post_save, post_delete, m2m_changed):
            signal.connect(
                refresh_public_pages, weak=False, dispatch_uid="rocb-refresh-public-pages"
            )
