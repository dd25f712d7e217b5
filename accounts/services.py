"""Writes of the accounts app."""

from django.utils import translation

from accounts import tasks


def password_reset_request(*, email: str, domain: str, use_https: bool) -> None:
    """Have a reset link mailed to the account of this address, if there is one. The mail is
    sent by a task, outside the request, which does the same work whether the address has an
    account or not: its answer takes the same time, and tells nobody which addresses do."""
    tasks.password_reset_mail_send.enqueue(
        email=email, domain=domain, use_https=use_https, language=translation.get_language()
    )
