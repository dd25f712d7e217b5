"""The members-only rule, in one place.

Anonymous visitors are sent to the login page; office staff and users of a member
administration are let in; any other logged-in user gets 403. Office staff's own views in the
members area (exports, nominees' CVs) need the model permission the admin asks for the same
data: being staff is not enough.
"""

from functools import wraps

from django.contrib.auth.mixins import AccessMixin
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied


def check_member(request) -> None:
    """Raise PermissionDenied for a logged-in user who may not enter the members area."""
    if not request.user.can_enter_members_area:
        raise PermissionDenied


def member_required(view):
    """Decorator for function views of the members area."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        check_member(request)
        return view(request, *args, **kwargs)

    return wrapped


class MemberRequiredMixin(AccessMixin):
    """Mixin for class-based views of the members area."""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        check_member(request)
        return super().dispatch(request, *args, **kwargs)


def has_staff_permission(user, permission: str) -> bool:
    """True for office staff holding the permission ("app.codename"), as the admin requires."""
    return user.is_active and user.is_staff and user.has_perm(permission)


class StaffPermissionRequiredMixin(MemberRequiredMixin):
    """Office staff holding `permission_required` only (everyone else logged in gets 403)."""

    permission_required: str

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not has_staff_permission(
            request.user, self.permission_required
        ):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


def check_posted_administration(request) -> None:
    """Raise PermissionDenied for a form post that names an administration other than the
    user's own. A focal point acts only for their own administration, which views take from the
    user or the URL, never from the form: a post naming another one was not made by our pages."""
    posted = request.POST.get("administration")
    if posted not in (None, "", str(request.user.administration_id)):
        raise PermissionDenied


class FocalPointRequiredMixin(MemberRequiredMixin):
    """Only a focal point of a member administration passes (office staff do their edits in
    the admin), and their posts may not name another administration. Views that act on one
    administration must still check `is_focal_point_for`."""

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            if not (request.user.is_member and request.user.is_focal_point):
                raise PermissionDenied
            if request.method == "POST":
                check_posted_administration(request)
        return super().dispatch(request, *args, **kwargs)
