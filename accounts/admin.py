import reversion
from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django_otp.plugins.otp_static.admin import StaticDeviceAdmin, StaticTokenInline
from django_otp.plugins.otp_static.models import StaticDevice

from accounts.forms import AdminUserChangeForm, AdminUserCreationForm
from accounts.models import User
from accounts.second_factor import RECOVERY_CODES
from administrations import services as membership
from core.admin import BoundedInlineMixin, HistoryAdmin

# Who made whom a focal point or staff, and when, is in the history; the password hash is never
# kept there (nor the last login, which is not an edit). Registered here, before the admin class,
# so VersionAdmin does not register the model with every column.
reversion.register(User, exclude=["password", "last_login"])


@admin.register(User)
class UserAdmin(HistoryAdmin, DjangoUserAdmin):
    form = AdminUserChangeForm
    add_form = AdminUserCreationForm
    ordering = ["email"]
    list_display = ["email", "full_name", "administration", "is_focal_point", "is_staff"]
    list_filter = ["is_staff", "is_focal_point", "is_active", "administration"]
    list_select_related = ["administration"]
    search_fields = ["email", "full_name"]
    autocomplete_fields = ["administration"]
    actions = ["send_invitation"]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        (_("Person"), {"fields": ["full_name", "language"]}),
        (_("Member administration"), {"fields": ["administration", "is_focal_point"]}),
        (
            _("Permissions"),
            {"fields": ["is_active", "is_staff", "is_superuser", "groups", "user_permissions"]},
        ),
        (_("Dates"), {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [
        (
            None,
            {
                "classes": ["wide"],
                "fields": [
                    "email",
                    "full_name",
                    "administration",
                    "is_focal_point",
                    "language",
                    "password1",
                    "password2",
                ],
            },
        ),
    ]

    @admin.action(description=_("Send the invitation to choose a password again"))
    def send_invitation(self, request, queryset):
        """For invited users who have not chosen a password (the reset form sends them nothing);
        the same service as the focal points' users page."""
        sent = 0
        for user in queryset:
            try:
                membership.user_invite(user=user, by=request.user)
                sent += 1
            except PermissionDenied:
                pass  # active with a password, deactivated, or an office account
        self.message_user(
            request,
            ngettext("%(count)s invitation sent.", "%(count)s invitations sent.", sent)
            % {"count": sent},
            messages.SUCCESS if sent else messages.WARNING,
        )


class RecoveryCodeInline(BoundedInlineMixin, StaticTokenInline):
    max_num = RECOVERY_CODES  # a post builds no more forms than a user has codes


class RecoveryCodesAdmin(StaticDeviceAdmin):
    """django-otp's admin of recovery codes, its inline bounded like every other."""

    inlines = [RecoveryCodeInline]


admin.site.unregister(StaticDevice)
admin.site.register(StaticDevice, RecoveryCodesAdmin)
