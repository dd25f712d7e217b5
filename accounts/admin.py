import reversion
from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils.translation import gettext_lazy as _

from accounts.forms import AdminUserChangeForm, AdminUserCreationForm
from accounts.models import User
from core.admin import HistoryAdmin

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
