"""The invitation link: Django's password-reset tokens under a salt of their own.

A token is bound to the account's password hash and last login, so it works once (setting the
password, or logging in, spends it) and expires after PASSWORD_RESET_TIMEOUT; its own salt keeps
an invitation token from being used as a password-reset token and the other way round.
"""

from django.contrib.auth.tokens import PasswordResetTokenGenerator
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode


class InvitationTokenGenerator(PasswordResetTokenGenerator):
    key_salt = "administrations.tokens.InvitationTokenGenerator"


invitation_token = InvitationTokenGenerator()


def invitation_arguments(user) -> dict[str, str]:
    """The `uidb64` and `token` of the invitation URL for this account."""
    return {
        "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
        "token": invitation_token.make_token(user),
    }
