import pytest
from axes.models import AccessAttempt
from django.test import Client

from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db

LOGIN = "/en/accounts/login/"


def attempt(client, email, password, address="203.0.113.7", **headers):
    return client.post(
        LOGIN, {"username": email, "password": password}, REMOTE_ADDR=address, headers=headers
    )


def test_fifth_wrong_password_locks_the_account_from_that_address(client, member):
    statuses = [attempt(client, member.email, "wrong").status_code for _ in range(5)]
    assert statuses == [200, 200, 200, 200, 429]
    locked = attempt(client, member.email, PASSWORD)
    assert locked.status_code == 429
    assert "Too many attempts" in locked.content.decode()
    assert "_auth_user_id" not in client.session


def test_changing_the_case_of_the_email_does_not_reset_the_count(client, member):
    for variant in ["member@customs.az", "MEMBER@customs.az", "Member@Customs.AZ", "mEmber@x"]:
        attempt(client, variant if "customs" in variant else member.email, "wrong")
    assert attempt(client, member.email.upper(), "wrong").status_code == 429


def test_a_spoofed_forwarded_for_header_does_not_reset_the_count(client, member):
    for n in range(4):
        attempt(client, member.email, "wrong", **{"x-forwarded-for": f"198.51.100.{n}"})
    response = attempt(client, member.email, PASSWORD, **{"x-forwarded-for": "198.51.100.99"})
    assert response.status_code == 302  # fifth attempt, right password: not yet locked
    client.post("/en/accounts/logout/")
    for n in range(5):
        attempt(client, member.email, "wrong", **{"x-forwarded-for": f"192.0.2.{n}"})
    assert (
        attempt(client, member.email, PASSWORD, **{"x-forwarded-for": "192.0.2.200"}).status_code
        == 429
    )


def test_behind_a_trusted_proxy_the_proxy_seen_address_counts(client, member, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    for n in range(5):
        # The client forges the left part; the proxy appends the real address on the right.
        attempt(
            client,
            member.email,
            "wrong",
            address="10.0.0.2",
            **{"x-forwarded-for": f"1.2.3.{n}, 203.0.113.50"},
        )
    assert AccessAttempt.objects.get().ip_address == "203.0.113.50"
    other = attempt(
        client, member.email, PASSWORD, address="10.0.0.2", **{"x-forwarded-for": "203.0.113.51"}
    )
    assert other.status_code == 302  # another real client is not locked out


def test_lockout_page_is_translated(client, member):
    for _ in range(5):
        response = client.post(
            "/ru/accounts/login/",
            {"username": member.email, "password": "wrong"},
            REMOTE_ADDR="203.0.113.9",
        )
    assert response.status_code == 429
    assert "Слишком много попыток" in response.content.decode()


def test_admin_login_is_throttled_too(client, staff):
    for _ in range(5):
        response = client.post(
            "/admin/login/",
            {"username": staff.email, "password": "wrong"},
            REMOTE_ADDR="203.0.113.8",
        )
    assert response.status_code == 429


def test_staff_unlock_a_locked_account(client, staff, member):
    staff_client = Client()
    staff_client.force_login(staff)
    for _ in range(5):
        attempt(client, member.email, "wrong")
    assert attempt(client, member.email, PASSWORD).status_code == 429
    attempt_row = AccessAttempt.objects.get()
    changelist = staff_client.get("/admin/axes/accessattempt/")
    assert changelist.status_code == 200
    staff_client.post(
        "/admin/axes/accessattempt/",
        {"action": "delete_selected", "_selected_action": [attempt_row.pk], "post": "yes"},
    )
    assert not AccessAttempt.objects.exists()
    assert attempt(client, member.email, PASSWORD).status_code == 302


def test_test_clients_can_still_log_in_directly(client, member):
    assert client.login(username=member.email, password=PASSWORD)
