"""The admin, closed to staff sessions that have not given their second factor."""

from urllib.parse import urlencode

from django.contrib import admin
from django.shortcuts import redirect
from django.urls import reverse

from accounts.second_factor import second_factor_passed


class StaffAdminSite(admin.AdminSite):
    def has_permission(self, request):
        return super().has_permission(request) and second_factor_passed(request.user)

    def login(self, request, extra_context=None):
        # A staff user who gave a password but no second factor is asked for a code, not shown
        # the admin's login form again.
        user = request.user
        if user.is_active and user.is_staff and not second_factor_passed(user):
            next_url = request.GET.get("next") or reverse("admin:index", current_app=self.name)
            target = reverse("accounts:second_factor")
            return redirect(f"{target}?{urlencode({'next': next_url})}")
        return super().login(request, extra_context)
