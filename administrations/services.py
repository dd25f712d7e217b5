"""Writes of membership: account requests (submitted, approved, declined) and the activation of
an administration's users.

The user model lives a layer above this one (`accounts`, which imports `administrations`), so
these services reach it through `get_user_model()` and rely on the fields the portal's user
model promises (`email`, `full_name`, `administration`, `is_focal_point`, `language`,
`is_active`, `is_staff`), as Django's own admin and django-reversion reach the user model.
They stay here, beside the account requests they decide, and the admin and the focal points'
pages call the same functions.

No answer of `account_request_submit` depends on whether an address has an account: the
person who asked is mailed either way (an acknowledgement, or a note that the account exists),
after the commit.

The personal-data access log is written here too (`record_access`, `record_export`), by every
app that shows or hands out personal data: one INSERT per page, file or export, nothing read.
"""

import datetime
import functools
from collections.abc import Iterable, Iterator

import reversion
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, connection, models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from administrations import notifications, selectors
from administrations.models import AccessLogEntry, AccountRequest, Administration
from core import history


def may_manage(*, by: AbstractBaseUser, administration_id: int | None) -> bool:
    """Office staff manage every administration's users; a focal point only their own."""
    if not by.is_active:
        return False
    if by.is_staff:
        return True
    return administration_id is not None and by.is_focal_point_for(administration_id)


@transaction.atomic
def account_request_submit(
    *,
    administration: Administration,
    full_name: str,
    email: str,
    position: str,
    message: str = "",
    language: str,
) -> AccountRequest | None:
    """Store a person's request for an account and tell their administration's focal points;
    for the address of an active account, mail that person instead and store nothing."""
    email = email.strip().lower()
    existing = get_user_model().objects.filter(email=email).first()
    if existing is not None and existing.is_active:
        transaction.on_commit(lambda: notifications.account_exists(email=email, language=language))
        return None
    account_request = AccountRequest(
        administration=administration,
        full_name=full_name.strip(),
        email=email,
        position=position.strip(),
        message=message.strip(),
        language=language,
    )
    account_request.full_clean(validate_constraints=False)
    pending = AccountRequest.objects.filter(
        email__iexact=email, status=AccountRequest.Status.PENDING
    ).first()
    if pending is None:
        try:
            with transaction.atomic():
                account_request.save()
        except IntegrityError:  # the same address asked at the same moment
            pending = AccountRequest.objects.get(
                email__iexact=email, status=AccountRequest.Status.PENDING
            )
    if pending is not None:
        # Asked again while pending: acknowledged again, the focal points not asked twice.
        transaction.on_commit(lambda: notifications.account_request_received(pending))
        return pending
    focal_points = list(selectors.focal_point_list(administration_id=administration.pk))
    transaction.on_commit(lambda: notifications.account_request_received(account_request))
    transaction.on_commit(
        lambda: notifications.account_request_to_focal_points(account_request, focal_points)
    )
    return account_request


def _lock_pending(account_request: AccountRequest, by: AbstractBaseUser) -> AccountRequest:
    account_request = AccountRequest.objects.select_for_update().get(pk=account_request.pk)
    if not may_manage(by=by, administration_id=account_request.administration_id):
        raise PermissionDenied
    if not account_request.is_pending:
        raise ValidationError(_("This request has already been decided."))
    return account_request


def _decide(account_request: AccountRequest, *, by: AbstractBaseUser, status: str) -> None:
    account_request.status = status
    account_request.decided_by = by
    account_request.decided_at = timezone.now()
    account_request.full_clean()
    account_request.save()


@transaction.atomic
def account_request_approve(*, account_request: AccountRequest, by: AbstractBaseUser):
    """Approve a pending request: the account is created (or a deactivated one of the same
    address re-activated) without a password, and the person is invited to choose one."""
    account_request = _lock_pending(account_request, by)
    User = get_user_model()  # noqa: N806
    user = User.objects.select_for_update().filter(email=account_request.email).first()
    if user is not None and user.is_active:
        raise ValidationError(_("%(email)s already has an account.") % {"email": user.email})
    if user is not None and (user.is_staff or user.is_superuser):
        raise ValidationError(
            _("%(email)s is an office account: only the office can restore it.")
            % {"email": user.email}
        )
    with reversion.create_revision():
        reversion.set_user(by)
        history.note(
            gettext_noop("Approved account request no. %(number)s"), number=account_request.pk
        )
        if user is None:
            user = User.objects.create_user(
                account_request.email,
                None,  # an unusable password: the person chooses one from the invitation
                full_name=account_request.full_name,
                administration=account_request.administration,
                language=account_request.language,
            )
        else:
            user.is_active = True
            user.is_focal_point = False
            user.full_name = account_request.full_name
            user.administration = account_request.administration
            user.language = account_request.language
            user.set_unusable_password()
            user.full_clean(exclude=["password"])
            user.save()
        account_request.user = user
        _decide(account_request, by=by, status=AccountRequest.Status.APPROVED)
    transaction.on_commit(lambda: notifications.invitation(account_request, user))
    return user


@transaction.atomic
def account_request_decline(
    *, account_request: AccountRequest, by: AbstractBaseUser, reason: str
) -> AccountRequest:
    """Decline a pending request with a reason, which the person receives by e-mail."""
    account_request = _lock_pending(account_request, by)
    if not reason.strip():
        raise ValidationError({"reason": _("Give the reason for declining.")})
    account_request.reason = reason.strip()
    with reversion.create_revision():
        reversion.set_user(by)
        history.note(gettext_noop("Declined"))
        _decide(account_request, by=by, status=AccountRequest.Status.DECLINED)
    transaction.on_commit(lambda: notifications.account_request_declined(account_request))
    return account_request


def _set_active(*, user: AbstractBaseUser, by: AbstractBaseUser, active: bool, comment: str):
    user = get_user_model().objects.select_for_update().get(pk=user.pk)
    if (
        user.pk == by.pk
        or user.is_staff
        or user.is_superuser
        or not may_manage(by=by, administration_id=user.administration_id)
    ):
        raise PermissionDenied
    with reversion.create_revision():
        reversion.set_user(by)
        history.note(comment)
        user.is_active = active
        user.save(update_fields=["is_active"])
    return user


@transaction.atomic
def user_deactivate(*, user: AbstractBaseUser, by: AbstractBaseUser):
    """Close the account of a user of the focal point's administration (never their own, never
    an office account): they can no longer log in, and a session they have ends."""
    return _set_active(user=user, by=by, active=False, comment=gettext_noop("Deactivated"))


@transaction.atomic
def user_invite(*, user: AbstractBaseUser, by: AbstractBaseUser) -> None:
    """Send the invitation again to an active user of the focal point's administration who has
    not chosen a password yet (the first link expired, or never arrived). Without a password, the
    reset form sends nothing, so this is their way in."""
    if not (
        user.is_active
        and not user.has_usable_password()
        and not (user.is_staff or user.is_superuser)
        and may_manage(by=by, administration_id=user.administration_id)
    ):
        raise PermissionDenied
    account_request = (
        AccountRequest.objects.filter(user=user, status=AccountRequest.Status.APPROVED)
        .select_related("administration")
        .first()
    ) or AccountRequest(
        administration_id=user.administration_id,
        full_name=user.get_full_name(),
        email=user.email,
        language=user.language,
    )
    transaction.on_commit(lambda: notifications.invitation(account_request, user))


@transaction.atomic
def user_reactivate(*, user: AbstractBaseUser, by: AbstractBaseUser):
    """Open a deactivated account of the focal point's administration again."""
    return _set_active(user=user, by=by, active=True, comment=gettext_noop("Re-activated"))


# The personal-data access log ------------------------------------------------------------------


@functools.cache
def _access_insert_sql() -> str:
    """INSERT … SELECT: the entry, its content type found in the same statement."""
    quote = connection.ops.quote_name
    entry, content_type = AccessLogEntry._meta, ContentType._meta
    columns = [
        entry.get_field(name).column
        for name in ("user", "administration", "kind", "object_ids", "accessed_at", "content_type")
    ]
    table, names = quote(entry.db_table), ", ".join(map(quote, columns))
    # Table and column names from the models, never from input.
    return (
        f"INSERT INTO {table} ({names}) SELECT %s, %s, %s, %s, %s, {quote(content_type.pk.column)} "  # noqa: S608
        f"FROM {quote(content_type.db_table)} WHERE app_label = %s AND model = %s"
    )


def _access_insert(
    *, user: AbstractBaseUser, kind: str, model: type[models.Model], object_ids: list
) -> None:
    """One INSERT and no other query: the user's administration is on the request's user
    already, and the content type is looked up inside the INSERT (ContentType's process cache
    would cost a query on each process's first use). In SQL rather than through the ORM: the
    ORM's INSERT with a subquery took 8.5 ms a call on the loaded development machine, most of
    it building the statement; this one takes 2 to 3 ms. Not `full_clean()`d: nothing here
    comes from a form."""
    opts = model._meta.concrete_model._meta
    with connection.cursor() as cursor:
        cursor.execute(
            _access_insert_sql(),
            [
                user.pk,
                user.administration_id,
                AccessLogEntry.Kind(kind).value,
                object_ids,
                timezone.now(),
                opts.app_label,
                opts.model_name,
            ],
        )
        if cursor.rowcount != 1:
            raise LookupError(f"No content type for {opts.label}: run migrate.")


def record_access(*, user: AbstractBaseUser, kind: str, obj: models.Model) -> None:
    """Log that `user` read the personal data of `obj` (a page or a file). Call it after the
    permission checks, so a refused request logs nothing: it read nothing."""
    _access_insert(user=user, kind=kind, model=type(obj), object_ids=[obj.pk])


def record_export[Row: models.Model](
    rows: Iterable[Row], *, user: AbstractBaseUser, kind: str
) -> Iterator[Row]:
    """The rows of an export, unchanged; once the last one is read, one entry names them all.
    An export that fails before its end, or selects no row, logs nothing."""
    model, object_ids = None, []
    for row in rows:
        model = type(row)
        object_ids.append(row.pk)
        yield row
    if model is not None:
        _access_insert(user=user, kind=kind, model=model, object_ids=object_ids)


def access_log_purge(*, now: datetime.datetime) -> int:
    """Delete the entries older than ACCESS_LOG_RETENTION_DAYS; the number deleted."""
    cutoff = now - datetime.timedelta(days=settings.ACCESS_LOG_RETENTION_DAYS)
    deleted, _ = AccessLogEntry.objects.filter(accessed_at__lt=cutoff).delete()
    return deleted
