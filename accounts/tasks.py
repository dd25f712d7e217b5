"""Work done outside the request that asks for it (Django's tasks framework; the backend is the
TASKS setting)."""

from django.contrib.auth.forms import PasswordResetForm
from django.tasks import task
from django.template import loader
from django.utils import translation

from core.mail import mail_send

RESET_EMAIL_TEMPLATE = "registration/password_reset_email.txt"
RESET_SUBJECT_TEMPLATE = "registration/password_reset_subject.txt"


class QueuedPasswordResetForm(PasswordResetForm):
    """Django's reset form, its mail handed to the mail queue (tried again while SMTP is down)."""

    def send_mail(self, subject_template_name, email_template_name, context, from_email, to_email,
                  html_email_template_name=None):  # fmt: skip
        subject = "".join(loader.render_to_string(subject_template_name, context).splitlines())
        body = loader.render_to_string(email_template_name, context)
        mail_send(subject=subject, body=body, to=[to_email], from_email=from_email)


@task
def password_reset_mail_send(*, email: str, domain: str, use_https: bool, language: str) -> None:
    """Mail a link to choose a new password to the active account of this address, if there is
    one, in the language of the page it was asked from."""
    form = QueuedPasswordResetForm({"email": email})
    if not form.is_valid():
        return
    with translation.override(language):
        form.save(
            domain_override=domain,
            use_https=use_https,
            email_template_name=RESET_EMAIL_TEMPLATE,
            subject_template_name=RESET_SUBJECT_TEMPLATE,
        )
