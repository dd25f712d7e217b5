"""The publication status of positions and competencies: staff move them to draft, consultation
or withdrawn (endorsing, with the date and the meeting, is `versions.framework_endorse`)."""

from collections.abc import Iterable

import reversion
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext_noop

from competencies.models import Status
from core import history


@transaction.atomic
def publication_status_set(*, items: Iterable, status: str, by) -> int:
    """Move positions or competencies to draft, consultation or withdrawn (endorsing needs the
    date and the meeting: the change form takes them). Returns how many changed."""
    if not by.is_staff:
        raise PermissionDenied
    if status == Status.ENDORSED:
        raise ValueError("endorse in the change form, with the date and the meeting")
    changed = 0
    with reversion.create_revision():
        reversion.set_user(by)
        history.note(gettext_noop("Status: %(status)s"), status=Status(status).label)
        for item in items:
            if item.status == status:
                continue
            item.status = status
            item.full_clean()
            item.save()
            changed += 1
    return changed
