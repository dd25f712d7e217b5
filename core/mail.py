"""Outgoing mail through the task queue: a page never waits for the SMTP server, and a mail the
server refuses is tried again with a growing pause instead of being lost.

With the database backend (django-tasks-db) the queued mail is a row written in the same
transaction as the change it reports: a rolled-back change sends nothing, a committed one is
sent by `manage.py db_worker` however the request ends.
"""

import datetime
import logging
import smtplib

from django.conf import settings
from django.core.mail import EmailMessage
from django.tasks import task, task_backends
from django.template.loader import render_to_string
from django.utils import timezone, translation

logger = logging.getLogger(__name__)


def retry_delay(attempt: int) -> datetime.timedelta:
    """The pause before try `attempt + 1`: 1, 2, 4… minutes, at most six hours."""
    seconds = settings.MAIL_RETRY_BASE_SECONDS * 2 ** (attempt - 1)
    return datetime.timedelta(seconds=min(seconds, 6 * 3600))


# An attachment as the task's arguments carry it: (file name, text content, MIME type).
Attachment = tuple[str, str, str]


@task
def deliver_mail(
    *,
    subject: str,
    body: str,
    to: list[str],
    from_email: str | None = None,
    attempt: int = 1,
    attachments: list[Attachment] | None = None,
) -> None:
    message = EmailMessage(subject, body, from_email, to)
    for filename, content, mimetype in attachments or ():
        message.attach(filename, content, mimetype)
    try:
        message.send()
    except (OSError, smtplib.SMTPException) as error:
        backend = task_backends[deliver_mail.backend]
        if attempt >= settings.MAIL_ATTEMPTS or not backend.supports_defer:
            raise
        # The error names the server, never the recipients (personal data stays out of logs).
        logger.warning("Mail not delivered (try %s): %s; trying again later", attempt, error)
        deliver_mail.using(run_after=timezone.now() + retry_delay(attempt)).enqueue(
            subject=subject,
            body=body,
            to=to,
            from_email=from_email,
            attempt=attempt + 1,
            attachments=attachments,
        )


def mail_send_with_attachments(
    *,
    subject: str,
    body: str,
    to: list[str],
    attachments: list[Attachment],
    from_email: str | None = None,
) -> None:
    """Queue a rendered mail with files for delivery by the worker (text files only: the queue
    holds its arguments as JSON), e.g. an event's calendar file."""
    deliver_mail.enqueue(
        subject=str(subject),
        body=body,
        to=list(to),
        from_email=from_email,
        attachments=[list(attachment) for attachment in attachments],
    )


def mail_send(*, subject: str, body: str, to: list[str], from_email: str | None = None) -> None:
    """Queue a rendered mail for delivery by the worker."""
    deliver_mail.enqueue(subject=str(subject), body=body, to=list(to), from_email=from_email)


def mail_send_in(
    language: str, *, to: list[str], subject, template: str, context: dict, attachments=None
) -> None:
    """Render a mail in its recipient's `language` and queue it. The subject is a callable, so
    that it is translated in that language too, as are the `attachments` (a callable giving
    (name, text, type) files, e.g. a calendar file); templates get `site_url` for their links."""
    with translation.override(language):
        body = render_to_string(template, {**context, "site_url": settings.SITE_URL})
        message = {"subject": str(subject()), "body": body, "to": to}
        if attachments:
            mail_send_with_attachments(**message, attachments=attachments())
        else:
            mail_send(**message)
