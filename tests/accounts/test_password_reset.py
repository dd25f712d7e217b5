"""A password reset answers the same, in the same time, for any address (the mail goes out from
a task, outside the request), and an address or a client may ask only a few times an hour."""

import pytest
from django.core import mail
from django.core.management import call_command
from django.tasks import default_task_backend
from django.test import override_settings
from django_tasks_db.models import DBTaskResult

from accounts.tasks import password_reset_mail_send

URL = "/en/accounts/password-reset/"
QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
NOT_RUN = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}


def reset(client, email, **headers):
    return client.post(URL, {"email": email}, headers=headers)


@pytest.mark.django_db
@override_settings(TASKS=NOT_RUN)
def test_known_and_unknown_addresses_get_the_same_answer_from_the_same_work(client, member):
    answers = [reset(client, email) for email in (member.email, "nobody@example.org")]
    assert [answer.status_code for answer in answers] == [302, 302]
    assert answers[0]["Location"] == answers[1]["Location"] == "/en/accounts/password-reset/sent/"
    assert mail.outbox == []  # nothing is sent in the request, for either
    enqueued = list(default_task_backend.results)
    assert [result.task.func for result in enqueued] == [password_reset_mail_send.func] * 2
    assert [result.kwargs["email"] for result in enqueued] == [member.email, "nobody@example.org"]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@override_settings(TASKS=QUEUE)
def test_the_mail_is_sent_by_the_worker_not_in_the_request(client, member):
    assert reset(client, member.email).status_code == 302
    assert mail.outbox == []  # the request only queued the task
    assert DBTaskResult.objects.get().task_path == "accounts.tasks.password_reset_mail_send"
    call_command("db_worker", "--batch", "--interval", "0", "--no-startup-delay", verbosity=0)
    (message,) = mail.outbox
    assert message.to == [member.email]
    assert "http://testserver/en/accounts/reset/" in message.body


@pytest.mark.django_db
@pytest.mark.parametrize("known", [True, False])
def test_an_address_may_ask_three_times_an_hour(client, member, settings, known):
    """Known or not, an address is refused the same way: the refusal tells nothing."""
    email = member.email if known else "nobody@example.org"
    answers = [reset(client, email).status_code for _ in range(5)]
    assert answers == [302, 302, 302, 429, 429]
    assert len(mail.outbox) == (3 if known else 0)
    refused = reset(client, email.upper())
    assert refused.status_code == 429  # the address is counted whatever its case
    assert "Too many password resets" in refused.content.decode()
    # Other addresses still may.
    assert reset(client, "someone-else@example.org").status_code == 302


@pytest.mark.django_db
def test_a_client_may_ask_ten_times_an_hour(client, member, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    answers = [
        reset(client, f"person{n}@example.org", x_forwarded_for="203.0.113.9").status_code
        for n in range(11)
    ]
    assert answers == [302] * 10 + [429]
    # Including for an address that has an account: no mail for it from this client.
    assert reset(client, member.email, x_forwarded_for="203.0.113.9").status_code == 429
    assert mail.outbox == []
    # Another client is counted on its own.
    assert reset(client, member.email, x_forwarded_for="198.51.100.4").status_code == 302
    assert len(mail.outbox) == 1


@pytest.mark.django_db
def test_the_refusal_in_russian(client):
    for _ in range(3):
        client.post("/ru/accounts/password-reset/", {"email": "nobody@example.org"})
    response = client.post("/ru/accounts/password-reset/", {"email": "nobody@example.org"})
    assert response.status_code == 429
    assert "запрошено слишком много сбросов пароля" in response.content.decode()
