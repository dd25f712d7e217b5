"""Publishing and withdrawing news items and events, each change in the edit history."""

import reversion
from django.db import transaction
from django.db.models import QuerySet
from django.utils.translation import gettext_noop

from accounts.models import User
from core import history
from outreach.models import Status


@transaction.atomic
def publication_status_set(*, items: QuerySet, status: Status, by: User) -> int:
    """Publish or withdraw news items or events; returns how many changed.

    Each row is validated and saved on its own (not with `update()`), with an entry in its edit
    history naming who did it.
    """
    changed = 0
    with reversion.create_revision():
        reversion.set_user(by)
        history.note(
            gettext_noop("Published") if status == Status.PUBLISHED else gettext_noop("Withdrawn")
        )
        for item in items.exclude(status=status):
            item.status = status
            item.full_clean()
            item.save(update_fields=["status", "updated_at"])
            changed += 1
    return changed
