"""The signed link of a seat offer: it takes or lets go of the seat without logging in.

The token names the registration and the offer's expiry, signed with the secret key: a link of
an earlier offer does not answer a later one, and the database says whether it has expired.
"""

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
