"""The whole way to a members' account, in each language: a person asks, the focal point
approves, the invitation (in the language of the request) leads to a password, the person logs
in. The invitation works once and expires with PASSWORD_RESET_TIMEOUT."""

import datetime
import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client

from administrations.tokens import invitation_arguments, invitation_token
from tests.administrations.factories import make_account_request

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "a-long-new-passphrase-2026"  # noqa: S105
TEXT = {
    "en": {"subject": "Your members' account", "set": "Choose your password"},
    "ru": {"subject": "Ваша учётная запись", "set": "Выберите пароль"},
}


def link_in(message) -> str:
    (url,) = re.findall(r"http://127\.0\.0\.1:8000(/\S+/accounts/invitation/\S+/)", message.body)
    return url


def set_password(client, url, password=NEW_PASSWORD):
    """Open the invitation link as a browser does, then post the new password."""
    response = client.get(url, follow=True)
    return response, client.post(
        response.redirect_chain[-1][0] if response.redirect_chain else url,
        {"new_password1": password, "new_password2": password},
        follow=True,
    )


@pytest.mark.parametrize("language", ["en", "ru"])
def test_from_request_to_first_login(
    client, focal_point, azerbaijan, language, django_capture_on_commit_callbacks
):
    person = Client()
    with django_capture_on_commit_callbacks(execute=True):
        person.post(
            f"/{language}/accounts/request/",
            {
                "full_name": "Aysel Quliyeva",
                "email": "aysel@customs.az",
                "administration": azerbaijan.pk,
                "position": "Inspector",
            },
        )
    account_request = azerbaijan.account_requests.get()
    assert account_request.language == language

    client.force_login(focal_point)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/en/members/administration/users/requests/{account_request.pk}/approve/")
    invitation = mail.outbox[-1]
    assert invitation.to == ["aysel@customs.az"]
    assert TEXT[language]["subject"] in invitation.subject
    assert "Азербайджан" in invitation.body if language == "ru" else "Azerbaijan" in invitation.body
    url = link_in(invitation)
    assert url.startswith(f"/{language}/accounts/invitation/")

    form_page, done = set_password(person, url)
    assert TEXT[language]["set"] in form_page.content.decode()
    assert done.redirect_chain[-1] == (f"/{language}/accounts/login/", 302)
    login = person.post(
        f"/{language}/accounts/login/",
        {"username": "aysel@customs.az", "password": NEW_PASSWORD},
    )
    assert login.status_code == 302
    assert person.get(f"/{language}/members/").status_code == 200


def test_the_invitation_link_works_once(client, focal_point, django_capture_on_commit_callbacks):
    account_request = make_account_request(email="aysel@customs.az")
    client.force_login(focal_point)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/en/members/administration/users/requests/{account_request.pk}/approve/")
    url = link_in(mail.outbox[-1])
    set_password(Client(), url)
    again = Client().get(url, follow=True)
    assert "no longer valid" in again.content.decode()
    assert 'name="new_password1"' not in again.content.decode()


def test_the_invitation_link_expires(monkeypatch, settings, azerbaijan):
    user = get_user_model().objects.create_user("aysel@customs.az", None, administration=azerbaijan)
    arguments = invitation_arguments(user)
    url = f"/en/accounts/invitation/{arguments['uidb64']}/{arguments['token']}/"
    assert 'name="new_password1"' in Client().get(url, follow=True).content.decode()
    now = invitation_token._now()
    later = now + datetime.timedelta(seconds=settings.PASSWORD_RESET_TIMEOUT + 1)
    monkeypatch.setattr(invitation_token, "_now", lambda: later)
    response = Client().get(url, follow=True)
    assert "no longer valid" in response.content.decode()


def test_an_invitation_is_no_password_reset_link(azerbaijan):
    user = get_user_model().objects.create_user("aysel@customs.az", None, administration=azerbaijan)
    arguments = invitation_arguments(user)
    reset = Client().get(
        f"/en/accounts/reset/{arguments['uidb64']}/{arguments['token']}/", follow=True
    )
    assert 'name="new_password1"' not in reset.content.decode()


def test_a_deactivated_account_cannot_use_its_invitation(azerbaijan):
    user = get_user_model().objects.create_user("aysel@customs.az", None, administration=azerbaijan)
    arguments = invitation_arguments(user)
    user.is_active = False
    user.save()
    response = Client().get(
        f"/en/accounts/invitation/{arguments['uidb64']}/{arguments['token']}/", follow=True
    )
    assert "no longer valid" in response.content.decode()
