"""Authentication backend: the session's user comes with their administration in one query."""

from django.contrib.auth.backends import ModelBackend

from accounts.models import User


class UserBackend(ModelBackend):
    def get_user(self, user_id):
        user = User.objects.select_related("administration").filter(pk=user_id).first()
        return user if user is not None and self.user_can_authenticate(user) else None
