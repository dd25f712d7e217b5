"""The publish and withdraw actions of the news items' and events' change lists."""

from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from outreach import services
from outreach.models import Status


class PublicationActions:
    """Publish / withdraw actions that refresh the public pages (see services)."""

    actions = ["publish", "withdraw"]

    def _set_status(self, request, queryset, status):
        changed = services.publication_status_set(items=queryset, status=status, by=request.user)
        self.message_user(
            request,
            ngettext("%(count)d item changed.", "%(count)d items changed.", changed)
            % {"count": changed},
            messages.SUCCESS,
        )

    @admin.action(description=_("Publish the selected items"), permissions=["change"])
    def publish(self, request, queryset):
        self._set_status(request, queryset, Status.PUBLISHED)

    @admin.action(
        description=_("Withdraw the selected items (back to draft)"), permissions=["change"]
    )
    def withdraw(self, request, queryset):
        self._set_status(request, queryset, Status.DRAFT)
