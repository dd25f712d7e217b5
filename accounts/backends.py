"""Authentication backend: the session's user comes with their administration in one query."""

from axes.backends import AxesStandaloneBackend
from django.contrib.auth.backends import ModelBackend

from accounts.models import User


class UserBackend(ModelBackend):
    def get_user(self, user_id):
        user = User.objects.select_related("administration").filter(pk=user_id).first()
        return user if user is not None and self.user_can_authenticate(user) else None


class LoginThrottleBackend(AxesStandaloneBackend):
    """django-axes' check of locked-out logins. Authentication outside an HTTP request (a test
    client's `login()`, a management command) has no client address to count and passes
    through to the next backend instead of raising."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)
