from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def create_initial_versions(sender, using, verbosity, apps, **kwargs):
    """Give every work-plan row without a version its first one (the plan the migrations
    load, at first), so the first edit staff make in the admin can be reverted: what
    reversion's createinitialrevisions makes, in a few statements per model."""
    from core.initial_versions import create_initial_versions

    try:
        apps.get_model("workplan", "Actual")
    except LookupError:  # the work plan's migrations are not (or no longer) applied
        return
    create_initial_versions("workplan", using=using, comment="Initial version.")


class WorkplanConfig(AppConfig):
    name = "workplan"
    verbose_name = _("Work Plan")

    def ready(self):
        post_migrate.connect(
            create_initial_versions, sender=self, dispatch_uid="workplan-initial-versions"
        )
