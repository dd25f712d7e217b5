from django.apps import AppConfig
from django.conf import settings
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = _("Portal machinery")

    def ready(self):
        from core import checks  # noqa: F401  (registers the deployment checks)
        from core.cache import invalidate_fragments, invalidate_public_pages

        def invalidate(app_label: str) -> None:
            if app_label in settings.PUBLIC_CONTENT_APPS:
                invalidate_public_pages()
            invalidate_fragments(app_label)

        def refresh_cached_content(sender, **kwargs):
            # At once, and again once the change is committed: a page rendered in between from
            # the data as it was before the commit is not kept either.
            app_label = sender._meta.app_label
            invalidate(app_label)
            transaction.on_commit(lambda: invalidate(app_label))

        for signal in (post_save, post_delete, m2m_changed):
            signal.connect(
                refresh_cached_content, weak=False, dispatch_uid="rocb-refresh-public-pages"
            )
