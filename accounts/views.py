"""Account pages of our own: the password reset request (throttled, the mail sent by a task),
and the staff's second factor (add an authenticator app, or give a code once per session)."""

import io

import qrcode
import qrcode.image.svg
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from accounts import second_factor, services, throttling
from accounts.forms import SecondFactorForm


def _staff_only(request) -> None:
    if not request.user.is_staff:
        raise PermissionDenied


def _next_url(request) -> str:
    url = request.POST.get("next") or request.GET.get("next") or "/admin/"
    allowed = url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return url if allowed else "/admin/"


@never_cache
@login_required
def second_factor_page(request):
    """Access: staff. With an app added: ask for a code; without: add one, then show the recovery
    codes once."""
    _staff_only(request)
    form = SecondFactorForm(request.POST or None)
    context = {"form": form, "next": _next_url(request)}
    if second_factor.app_device(request.user) is None:
        device = second_factor.app_device_start(user=request.user)
        context.update(secret=device.config_url.split("secret=")[1].split("&")[0])
        if form.is_valid():
            codes = second_factor.app_device_confirm(
                request=request, device=device, code=form.cleaned_data["code"]
            )
            if codes is not None:
                return render(
                    request,
                    "accounts/recovery_codes.html",
                    {"codes": codes, "next": context["next"]},
                )
            form.add_error("code", _("That code is not right: try the newest one the app shows."))
        return render(request, "accounts/second_factor_setup.html", context)
    if form.is_valid():
        if second_factor.second_factor_verify(request=request, code=form.cleaned_data["code"]):
            return redirect(context["next"])
        form.add_error("code", _("That code is not right, or was used already."))
    return render(request, "accounts/second_factor_verify.html", context)


@never_cache
@login_required
def second_factor_qr(request):
    """Access: staff. The QR code of the app being added (its secret: never cached)."""
    _staff_only(request)
    if second_factor.app_device(request.user) is not None:
        raise PermissionDenied  # an added app's secret is never shown again
    device = second_factor.app_device_start(user=request.user)
    image = qrcode.make(device.config_url, image_factory=qrcode.image.svg.SvgPathImage)
    buffer = io.BytesIO()
    image.save(buffer)
    return HttpResponse(buffer.getvalue(), content_type="image/svg+xml")


class PasswordResetView(auth_views.PasswordResetView):
    """Access: anyone. Asks for a link to choose a new password. The answer is the same, in the
    same time, whether the address has an account or not (the mail goes out from a task); an
    address and a client may ask a few times an hour, then get 429 for a while (any address)."""

    success_url = reverse_lazy("accounts:password_reset_done")

    def form_valid(self, form):
        email = form.cleaned_data["email"]
        if not throttling.password_reset_allowed(self.request, email):
            form.add_error(
                None,
                _(
                    "Too many password resets have been asked for this address or from your "
                    "network. No email was sent: please try again in an hour, and look for the "
                    "earlier emails in your inbox and spam folder."
                ),
            )
            return self.render_to_response(self.get_context_data(form=form), status=429)
        services.password_reset_request(
            email=email, domain=self.request.get_host(), use_https=self.request.is_secure()
        )
        return HttpResponseRedirect(self.get_success_url())
