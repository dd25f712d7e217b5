"""Writes on outreach content beyond the admin's own forms."""

from django.db import transaction
from django.db.models import QuerySet

from outreach.models import Status


@transaction.atomic
def publication_status_set(*, items: QuerySet, status: Status) -> int:
    """Publish or withdraw news items or events; returns how many changed.

    Each row is saved on its own (not with `update()`), so validation runs and every save
    refreshes the cached public pages.
    """
    changed = 0
    for item in items.exclude(status=status):
        item.status = status
        item.full_clean()
        item.save(update_fields=["status", "updated_at"])
        changed += 1
    return changed
