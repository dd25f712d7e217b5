"""The link an expert keeps their own record with, without an account.

The token is the record's id and its `link_version`, signed (django.core.signing, under a salt
of its own so no other signed value of the portal passes for it) with the time it was made: it
carries no personal data, cannot be altered, expires after `EXPERT_RECORD_LINK_DAYS`, and stops
working as soon as the record's `link_version` is raised (a withdrawal does).
"""

import datetime

from django.conf import settings
from django.core import signing

from experts.models import Expert

SALT = "experts.tokens.record"


class LinkExpired(Exception):
    """A genuine link, older than EXPERT_RECORD_LINK_DAYS."""


class LinkInvalid(Exception):
    """A link that was altered, made up, or is no longer valid (the record was withdrawn)."""


def record_token(expert: Expert) -> str:
    """The signed token of the expert's record link."""
    return signing.dumps([expert.pk, expert.link_version], salt=SALT)


def expert_for_token(token: str) -> Expert:
    """The listed record a token stands for; LinkExpired or LinkInvalid otherwise."""
    try:
        pk, version = signing.loads(
            token, salt=SALT, max_age=datetime.timedelta(days=settings.EXPERT_RECORD_LINK_DAYS)
        )
    except signing.SignatureExpired:
        raise LinkExpired from None
    except (signing.BadSignature, TypeError, ValueError):
        raise LinkInvalid from None
    expert = (
        Expert.objects.listed()
        .select_related("administration")
        .filter(pk=pk, link_version=version)
        .first()
    )
    if expert is None:
        raise LinkInvalid
    return expert
