"""Work done outside the request that asks for it (Django's tasks framework; the backend is the
TASKS setting)."""

from django.contrib.auth.forms import PasswordResetForm
from django.tasks import task
from django.utils import translation

RESET_EMAIL_TEMPLATE = "registration/password_reset_email.txt"
RESET_SUBJECT_TEMPLATE = "registration/password_reset_subject.txt"


@task
def password_reset_mail_send(*, email: str, domain: str, use_https: bool, language: str) -> None:
    """Mail a link to choose a new password to the active account of this address, if there is
    one, in the language of the page it was asked from."""
    form = PasswordResetForm({"email": email})
    if not form.is_valid():
        return
    with translation.override(language):
        form.save(
            domain_override=domain,
            use_https=use_https,
            email_template_name=RESET_EMAIL_TEMPLATE,
            subject_template_name=RESET_SUBJECT_TEMPLATE,
        )
