"""Reads of membership: an administration's users, focal points and account requests.

The user model is a layer above (`accounts`); it is reached through `get_user_model()`.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import UNUSABLE_PASSWORD_PREFIX
from django.db.models import BooleanField, ExpressionWrapper, Q, QuerySet

from administrations.models import AccountRequest, Administration


def account_request_list(
    *, administration: Administration | None = None, status: str | None = None
) -> QuerySet[AccountRequest]:
    """Account requests, newest first, of one administration and in one status if given."""
    requests = AccountRequest.objects.select_related("administration", "decided_by")
    if administration is not None:
        requests = requests.filter(administration=administration)
    if status is not None:
        requests = requests.filter(status=status)
    return requests


def account_request_pending_list(*, administration: Administration) -> QuerySet[AccountRequest]:
    """The requests an administration's focal point has still to decide, oldest first."""
    return account_request_list(
        administration=administration, status=AccountRequest.Status.PENDING
    ).order_by("created_at", "pk")


def administration_user_list(*, administration: Administration) -> QuerySet:
    """The administration's accounts, active and not, by name, with what the users page shows
    (`awaiting_password`: invited, no password chosen yet; the hashes themselves are not read)."""
    return (
        get_user_model()
        .objects.filter(administration=administration)
        .only(
            "full_name",
            "email",
            "is_focal_point",
            "is_staff",
            "is_superuser",
            "is_active",
            "last_login",
            "administration_id",
        )
        .annotate(
            awaiting_password=ExpressionWrapper(
                Q(password__startswith=UNUSABLE_PASSWORD_PREFIX), output_field=BooleanField()
            )
        )
        .order_by("-is_active", "full_name", "email")
    )


def focal_point_list(*, administration_id: int) -> QuerySet:
    """The active focal points of an administration, who decide its account requests."""
    return get_user_model().objects.filter(
        administration_id=administration_id, is_focal_point=True, is_active=True
    )
