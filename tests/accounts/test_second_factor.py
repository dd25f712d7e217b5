"""Staff open the admin only after a second factor: an authenticator app's code, or a recovery
code; the first time, they add the app and get their recovery codes."""

import re

import pytest
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.second_factor import RECOVERY_CODES, app_device_start, recovery_codes_issue

pytestmark = pytest.mark.django_db

SECOND_FACTOR = reverse("accounts:second_factor")


@pytest.fixture(autouse=True)
def _second_factor_on(settings):
    settings.STAFF_SECOND_FACTOR = True  # as in production (off in development by default)


def code_of(device: TOTPDevice) -> str:
    return f"{totp(device.bin_key, step=device.step, digits=device.digits):06d}"


def test_a_staff_session_without_a_second_factor_is_sent_for_one(client, staff):
    client.force_login(staff)
    response = client.get("/admin/", follow=True)
    assert response.redirect_chain[-1][0].startswith(SECOND_FACTOR)
    assert "next=%2Fadmin%2F" in response.redirect_chain[-1][0]
    assert client.get("/admin/contacts/contactpoint/").status_code == 302


def test_adding_the_app_opens_the_admin_and_shows_recovery_codes_once(client, staff, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 0  # the right code comes at once after the wrong one
    client.force_login(staff)
    page = client.get(SECOND_FACTOR, {"next": "/admin/"})
    assert "Add an authenticator app" in page.content.decode()
    qr = client.get(reverse("accounts:second_factor_qr"))
    assert qr["Content-Type"] == "image/svg+xml" and b"<svg" in qr.content
    device = TOTPDevice.objects.get(user=staff, confirmed=False)
    assert device.key not in qr.content.decode()  # the key is in the QR code, base32

    wrong = client.post(SECOND_FACTOR, {"code": "000000", "next": "/admin/"})
    assert "Error:" in wrong.content.decode().split("</title>")[0]
    assert client.get("/admin/").status_code == 302

    codes_page = client.post(SECOND_FACTOR, {"code": code_of(device), "next": "/admin/"})
    codes = re.findall(r"<li><code>([0-9a-f]{10})</code></li>", codes_page.content.decode())
    assert len(codes) == RECOVERY_CODES
    assert client.get("/admin/").status_code == 200
    # The added app's secret is never shown again.
    assert client.get(reverse("accounts:second_factor_qr")).status_code == 403


def test_a_new_session_asks_for_a_code_and_a_recovery_code_works_once(client, staff):
    device = app_device_start(user=staff)
    device.confirmed = True
    device.save()
    codes = recovery_codes_issue(user=staff)
    client.force_login(staff)
    page = client.get(SECOND_FACTOR)
    assert "Second factor" in page.content.decode()
    assert "Add an authenticator app" not in page.content.decode()

    assert client.post(SECOND_FACTOR, {"code": codes[0], "next": "/admin/"}).status_code == 302
    assert client.get("/admin/").status_code == 200
    client.logout()
    client.force_login(staff)
    again = client.post(SECOND_FACTOR, {"code": codes[0], "next": "/admin/"})
    assert "That code is not right, or was used already." in again.content.decode()
    assert (
        client.post(SECOND_FACTOR, {"code": code_of(device), "next": "/admin/"}).status_code == 302
    )
    assert client.get("/admin/").status_code == 200


def test_the_code_page_does_not_send_the_user_off_the_site(client, staff):
    device = app_device_start(user=staff)
    device.confirmed = True
    device.save()
    client.force_login(staff)
    response = client.post(
        SECOND_FACTOR, {"code": code_of(device), "next": "https://evil.example/"}
    )
    assert response["Location"] == "/admin/"


def test_the_code_page_speaks_russian(client, staff):
    client.force_login(staff)
    page = client.get(reverse("accounts:second_factor").replace("/en/", "/ru/"))
    assert "Добавьте приложение-аутентификатор" in page.content.decode()


def test_in_development_the_admin_asks_for_no_second_factor(client, staff, settings):
    settings.STAFF_SECOND_FACTOR = False
    client.force_login(staff)
    assert client.get("/admin/").status_code == 200


def test_members_never_see_the_second_factor_pages(client, member):
    client.force_login(member)
    assert client.get(SECOND_FACTOR).status_code == 403
    assert client.get(reverse("accounts:second_factor_qr")).status_code == 403


def test_a_wrong_code_slows_the_next_try_down(client, staff):
    device = app_device_start(user=staff)
    device.confirmed = True
    device.save()
    client.force_login(staff)
    client.post(SECOND_FACTOR, {"code": "000000"})
    refused = client.post(SECOND_FACTOR, {"code": code_of(device), "next": "/admin/"})
    assert refused.status_code == 200  # within a second of a failure even the right code waits
    assert client.get("/admin/").status_code == 302
