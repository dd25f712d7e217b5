"""The signed links of meetings, which work without logging in: a seat offer's, which takes
or lets go of the seat, and an evaluation form's, mailed after the event.

An offer's token names the registration and the offer's expiry, signed with the secret key: a
link of an earlier offer does not answer a later one, and the database says whether it has
expired. An evaluation's names the registration and its event, and expires by itself.
"""

import datetime

from django.core import signing

from outreach.models import Registration

OFFER_SALT = "outreach.services.seat_offer"


def offer_token(registration: Registration) -> str:
    """The signed link's token of a seat offer: bound to this offer (its expiry), so a link of
    an earlier offer does not answer a later one."""
    return signing.dumps(
        [registration.pk, int(registration.offer_expires_at.timestamp())], salt=OFFER_SALT
    )


def offer_from_token(token: str) -> Registration | None:
    """The registration whose current offer this token answers, or None."""
    try:
        pk, expires = signing.loads(token, salt=OFFER_SALT)
        registration = Registration.objects.select_related("event").get(pk=int(pk))
    except (signing.BadSignature, ValueError, TypeError, Registration.DoesNotExist):
        return None
    if registration.offer_expires_at is None:
        return registration if registration.status != Registration.Status.OFFERED else None
    if int(registration.offer_expires_at.timestamp()) != expires:
        return None
    return registration


EVALUATION_SALT = "outreach.event-evaluation"
# The form is mailed the day after the event; its link works for 30 days.
EVALUATION_LINK_VALID = datetime.timedelta(days=30)


class LinkError(Exception):
    """The evaluation link cannot be used; `reason` says why: "invalid" (tampered, or not a
    token), "expired" (too old, or its registration erased), "used" (answered) or "absent"
    (staff marked the person absent)."""

    def __init__(self, reason: str, event=None):
        super().__init__(reason)
        self.reason = reason
        self.event = event


def evaluation_token(registration: Registration) -> str:
    """The signed token of a participant's link to the event's evaluation form."""
    return signing.dumps({"r": registration.pk, "e": registration.event_id}, salt=EVALUATION_SALT)


def evaluation_link(token: str) -> Registration:
    """The registration whose evaluation this token opens, if it may be answered now; raises
    LinkError otherwise."""
    try:
        payload = signing.loads(token, salt=EVALUATION_SALT, max_age=EVALUATION_LINK_VALID)
    except signing.SignatureExpired:
        raise LinkError("expired") from None
    except signing.BadSignature:
        raise LinkError("invalid") from None
    try:
        pk, event_id = int(payload["r"]), int(payload["e"])
    except (KeyError, TypeError, ValueError):
        raise LinkError("invalid") from None
    registration = (
        Registration.objects.select_related("event").filter(pk=pk, event_id=event_id).first()
    )
    if registration is None:
        raise LinkError("expired")  # erased by the retention purge
    if registration.evaluation_given:
        raise LinkError("used", registration.event)
    if registration.status not in (Registration.Status.CONFIRMED, Registration.Status.ATTENDED):
        raise LinkError("absent", registration.event)
    return registration
