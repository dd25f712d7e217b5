"""The office decides account requests in the admin with the same services as focal points."""

import pytest
from django.contrib.auth import get_user_model
from django.core import mail

from administrations.models import AccountRequest
from tests.administrations.factories import make_account_request

pytestmark = pytest.mark.django_db

CHANGELIST = "/admin/administrations/accountrequest/"


def act(client, action, requests, **data):
    return client.post(
        CHANGELIST,
        {"action": action, "_selected_action": [r.pk for r in requests], **data},
        follow=True,
    )


def test_staff_list_and_open_requests(staff_client, georgia):
    make_account_request(full_name="Aysel Quliyeva")
    nino = make_account_request(administration=georgia, full_name="Nino Beridze")
    listing = staff_client.get(CHANGELIST, {"q": "Nino"})
    assert listing.status_code == 200
    assert "Nino Beridze" in listing.content.decode()
    assert "Aysel Quliyeva" not in listing.content.decode()
    assert staff_client.get(f"{CHANGELIST}{nino.pk}/change/").status_code == 200
    assert staff_client.get(f"{CHANGELIST}add/").status_code == 403


def test_the_approve_action_opens_accounts_and_sends_invitations(
    staff_client, staff, django_capture_on_commit_callbacks
):
    english = make_account_request(language="en")
    russian = make_account_request(language="ru")
    with django_capture_on_commit_callbacks(execute=True):
        response = act(staff_client, "approve_selected", [english, russian])
    assert "2 requests approved." in response.content.decode()
    users = get_user_model().objects.filter(email__in=[english.email, russian.email])
    assert users.count() == 2 and all(not user.has_usable_password() for user in users)
    assert set(AccountRequest.objects.values_list("status", "decided_by")) == {
        (AccountRequest.Status.APPROVED, staff.pk)
    }
    assert sorted(message.subject for message in mail.outbox) == [
        "Your members' account on the ROCB Europe portal",
        "Ваша учётная запись участника на портале РБНП Европа",
    ]


def test_the_decline_action_asks_for_a_reason_first(
    staff_client, django_capture_on_commit_callbacks
):
    account_request = make_account_request(language="ru")
    page = act(staff_client, "decline_selected", [account_request])
    assert 'name="reason"' in page.content.decode()
    assert AccountRequest.objects.get().is_pending
    empty = act(staff_client, "decline_selected", [account_request], reason="")
    assert "Give the reason for declining." in empty.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        done = act(staff_client, "decline_selected", [account_request], reason="Не из таможни.")
    assert "1 request declined." in done.content.decode()
    account_request.refresh_from_db()
    assert (account_request.status, account_request.reason) == ("declined", "Не из таможни.")
    assert "Не из таможни." in mail.outbox[0].body


def test_a_decided_request_is_not_decided_again(staff_client):
    account_request = make_account_request()
    act(staff_client, "decline_selected", [account_request], reason="No.")
    act(staff_client, "approve_selected", [account_request])
    assert not get_user_model().objects.filter(email=account_request.email).exists()


def test_staff_send_an_invitation_again_from_the_user_admin(
    staff_client, member, azerbaijan, django_capture_on_commit_callbacks
):
    invited = get_user_model().objects.create_user(
        "aysel@customs.az", None, administration=azerbaijan, language="ru"
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(
            "/admin/accounts/user/",
            {"action": "send_invitation", "_selected_action": [invited.pk, member.pk]},
            follow=True,
        )
    assert "1 invitation sent." in response.content.decode()
    (invitation,) = mail.outbox
    assert invitation.to == ["aysel@customs.az"]
    assert "/ru/accounts/invitation/" in invitation.body
