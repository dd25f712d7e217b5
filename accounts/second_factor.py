"""Staff sign in with a second factor: a time-based code from an authenticator app (TOTP), or one
of ten recovery codes, through django-otp's devices.

A staff user logs in with their password as everyone does; the admin then asks for a code once
per session (`StaffAdminSite`). The first time, the user adds an authenticator app by scanning a
QR code and is given recovery codes, shown once. Required wherever `STAFF_SECOND_FACTOR` is on
(by default whenever DEBUG is off).
"""

import secrets

from django.conf import settings
from django.db import transaction
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

RECOVERY_CODES = 10
APP_DEVICE_NAME = "authenticator app"
RECOVERY_DEVICE_NAME = "recovery codes"


def second_factor_required(user) -> bool:
    return bool(settings.STAFF_SECOND_FACTOR and user.is_staff)


def second_factor_passed(user) -> bool:
    """The user may use the admin: no second factor is asked of them, or this session gave one."""
    return not second_factor_required(user) or user.is_verified()


def app_device(user) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


def app_device_start(*, user) -> TOTPDevice:
    """The device being added: one unconfirmed device per user, the same until it is confirmed."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    return device or TOTPDevice.objects.create(user=user, name=APP_DEVICE_NAME, confirmed=False)


@transaction.atomic
def app_device_confirm(*, request, device: TOTPDevice, code: str) -> list[str] | None:
    """Confirm the device being added with a code it shows: the session passes the second factor
    and the user's recovery codes are issued anew (returned, to be shown once). None if the code
    is wrong."""
    if not device.verify_token(code):
        return None
    TOTPDevice.objects.filter(user=device.user, confirmed=True).delete()  # one app at a time
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    otp_login(request, device)
    return recovery_codes_issue(user=device.user)


@transaction.atomic
def recovery_codes_issue(*, user) -> list[str]:
    """Ten new single-use recovery codes for the user; the old ones stop working."""
    device, _created = StaticDevice.objects.get_or_create(
        user=user, name=RECOVERY_DEVICE_NAME, defaults={"confirmed": True}
    )
    device.token_set.all().delete()
    codes = [secrets.token_hex(5) for _ in range(RECOVERY_CODES)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def second_factor_verify(*, request, code: str) -> bool:
    """Check a code from the app or a recovery code (used up by this); the session passes the
    second factor when it is right. Each device counts failures and slows guessing down."""
    code = "".join(code.split()).lower()
    # Six digits are the app's; anything else a recovery code (so that a recovery code tried
    # does not count as a failure of the app, which would slow its next code down).
    if len(code) == 6 and code.isascii() and code.isdigit():
        device = app_device(request.user)
    else:
        device = StaticDevice.objects.filter(user=request.user, confirmed=True).first()
    if device is not None and _verify(device, code):
        otp_login(request, device)
        return True
    return False


def _verify(device, code: str) -> bool:
    with transaction.atomic():
        device = type(device).objects.select_for_update().get(pk=device.pk)
        return device.verify_token(code)
