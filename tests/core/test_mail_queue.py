"""Mail goes through the task queue: the page answers without the SMTP server, and a mail the
server could not take is delivered once it is back (a real SMTP server on the loopback and the
real database worker)."""

import datetime

import pytest
from aiosmtpd.controller import Controller
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from bench.servers import free_port
from core.mail import retry_delay
from tests.experts.test_nominations import URL, form_data

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


class Inbox:
    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's name)
        self.messages.append(envelope)
        return "250 OK"


@pytest.fixture
def smtp_port(settings):
    port = free_port()
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": port, "use_tls": False, "timeout": 5},
        }
    }
    settings.STAFF_NOTIFICATION_EMAILS = ["office@rocb.test"]
    settings.MAIL_RETRY_BASE_SECONDS = 60
    return port


def run_worker():
    call_command("db_worker", "--batch", "--interval", "0", "--no-startup-delay", verbosity=0)


def test_a_mail_sent_while_smtp_is_down_arrives_once_it_is_back(client, focal_point, smtp_port):
    client.force_login(focal_point)
    response = client.post(URL, form_data())  # nothing listens on the SMTP port yet
    assert response.status_code == 302
    queued = DBTaskResult.objects.get()
    assert queued.status == "READY" and queued.args_kwargs["kwargs"]["to"] == ["office@rocb.test"]

    run_worker()  # the server is down: the mail is queued again for later
    retry = DBTaskResult.objects.exclude(pk=queued.pk).get()
    assert retry.args_kwargs["kwargs"]["attempt"] == 2
    assert retry.run_after > timezone.now() + datetime.timedelta(seconds=50)

    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=smtp_port)
    controller.start()
    try:
        DBTaskResult.objects.filter(pk=retry.pk).update(run_after=timezone.now())  # time passes
        run_worker()
    finally:
        controller.stop()
    assert [message.rcpt_tos for message in inbox.messages] == [["office@rocb.test"]]
    assert b"Azerbaijan" in inbox.messages[0].content
    assert DBTaskResult.objects.get(pk=retry.pk).status == "SUCCESSFUL"


def test_a_change_rolled_back_sends_nothing(focal_point, smtp_port):
    from django.db import transaction

    from core.mail import mail_send

    with pytest.raises(RuntimeError), transaction.atomic():
        mail_send(subject="Never", body="sent", to=["someone@example.org"])
        raise RuntimeError
    assert not DBTaskResult.objects.exists()


def test_the_pause_between_tries_grows_and_stops_growing(settings):
    settings.MAIL_RETRY_BASE_SECONDS = 60
    assert [retry_delay(n).total_seconds() for n in (1, 2, 3)] == [60, 120, 240]
    assert retry_delay(30) == datetime.timedelta(hours=6)
