"""Membership pages: the public request for an account, the invitation to choose a password,
and an administration's users page, where its focal point decides requests and (de)activates
accounts. Views parse and render; the rules are in `services`."""

from django.contrib import messages
from django.contrib.auth.views import PasswordResetConfirmView
from django.core.exceptions import ValidationError
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse, reverse_lazy
from django.utils import translation
from django.utils.decorators import method_decorator
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.generic import FormView, TemplateView, View

from administrations import selectors, services
from administrations.access import FocalPointRequiredMixin
from administrations.forms import AccountRequestForm, DeclineForm
from administrations.models import AccountRequest
from administrations.tokens import invitation_token
from core.throttling import attempt_allowed, client_ip

# Requests from one client address, and for one e-mail address, in a window: enough for a
# colleague or two at one desk and for a typo corrected, too few to flood anyone's mailbox.
REQUESTS_PER_ADDRESS = (10, 60 * 60)
REQUESTS_PER_EMAIL = (3, 24 * 60 * 60)


@method_decorator(never_cache, name="dispatch")
class AccountRequestView(FormView):
    """Access: everyone. The same answer whether the address has an account or not."""

    template_name = "administrations/accountrequest_form.html"
    form_class = AccountRequestForm
    success_url = reverse_lazy("administrations:account_request_sent")

    def post(self, request, *args, **kwargs):
        limit, seconds = REQUESTS_PER_ADDRESS
        if not attempt_allowed(
            scope="account-request-ip", key=client_ip(request), limit=limit, seconds=seconds
        ):
            return self.refuse_throttled(self.get_form())
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        limit, seconds = REQUESTS_PER_EMAIL
        email = form.cleaned_data["email"].strip().lower()
        if not attempt_allowed(
            scope="account-request-email", key=email, limit=limit, seconds=seconds
        ):
            return self.refuse_throttled(form)
        services.account_request_submit(
            **{name: form.cleaned_data[name] for name in form.Meta.fields},
            language=translation.get_language(),
        )
        return HttpResponseRedirect(self.get_success_url())

    def refuse_throttled(self, form):
        form.is_valid()
        form.add_error(
            None,
            _(
                "Too many requests have been sent from here or for this address. "
                "Please try again tomorrow."
            ),
        )
        response = self.form_invalid(form)
        response.status_code = 429
        return response


class AccountRequestSentView(TemplateView):
    """Access: everyone. The page after a request, whatever the address."""

    template_name = "administrations/accountrequest_sent.html"


class InvitationView(PasswordResetConfirmView):
    """Access: whoever holds a valid invitation link (once, until PASSWORD_RESET_TIMEOUT)."""

    template_name = "administrations/invitation_accept.html"
    token_generator = invitation_token
    success_url = reverse_lazy("accounts:login")
    title = gettext_lazy("Choose your password")

    def get_user(self, uidb64):
        user = super().get_user(uidb64)
        return user if user is not None and user.is_active else None

    def form_valid(self, form):
        messages.success(
            self.request,
            _("Your password is set: log in with your email address and your new password."),
        )
        return super().form_valid(form)


class AdministrationUsersMixin(FocalPointRequiredMixin):
    """Access: the focal point of a member administration, for their own administration only
    (FocalPointRequiredMixin; objects of another administration answer 404)."""

    @cached_property
    def administration(self):
        return self.request.user.administration


@method_decorator(never_cache, name="dispatch")
class UsersView(AdministrationUsersMixin, TemplateView):
    template_name = "administrations/user_list.html"

    def dispatch(self, request, *args, **kwargs):
        # Office staff decide every administration's requests in the admin.
        user = request.user
        if user.is_authenticated and user.is_staff and not user.is_focal_point:
            return redirect("admin:administrations_accountrequest_changelist")
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            administration=self.administration,
            pending=selectors.account_request_pending_list(administration=self.administration),
            users=selectors.administration_user_list(administration=self.administration),
            **kwargs,
        )


class AccountRequestObjectMixin(AdministrationUsersMixin):
    @cached_property
    def account_request(self) -> AccountRequest:
        return get_object_or_404(
            selectors.account_request_pending_list(administration=self.administration),
            pk=self.kwargs["pk"],
        )

    def users_url(self) -> str:
        return reverse("administrations:users")


@method_decorator(never_cache, name="dispatch")
class AccountRequestApproveView(AccountRequestObjectMixin, View):
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        try:
            user = services.account_request_approve(
                account_request=self.account_request, by=request.user
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request,
                _(
                    "%(name)s's account is open: an invitation to choose a password was sent "
                    "to %(email)s."
                )
                % {"name": user.get_full_name(), "email": user.email},
            )
        return redirect(self.users_url())


@method_decorator(never_cache, name="dispatch")
class AccountRequestDeclineView(AccountRequestObjectMixin, FormView):
    template_name = "administrations/accountrequest_decline.html"
    form_class = DeclineForm

    def get_context_data(self, **kwargs):
        return super().get_context_data(account_request=self.account_request, **kwargs)

    def form_valid(self, form):
        try:
            services.account_request_decline(
                account_request=self.account_request,
                by=self.request.user,
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("The request of %(name)s was declined; they have been told the reason.")
            % {"name": self.account_request.full_name},
        )
        return redirect(self.users_url())


@method_decorator(never_cache, name="dispatch")
class UserActivationView(AdministrationUsersMixin, View):
    """Deactivate or re-activate (`active` in the URL's extra arguments) a user of the focal
    point's administration."""

    http_method_names = ["post"]
    active = False

    def post(self, request, *args, **kwargs):
        user = get_object_or_404(
            selectors.administration_user_list(administration=self.administration),
            pk=kwargs["pk"],
        )
        if self.active:
            services.user_reactivate(user=user, by=request.user)
            message = _("%(name)s can log in again.")
        else:
            services.user_deactivate(user=user, by=request.user)
            message = _("%(name)s can no longer log in.")
        messages.success(request, message % {"name": user.get_full_name()})
        return redirect("administrations:users")


@method_decorator(never_cache, name="dispatch")
class UserInviteView(AdministrationUsersMixin, View):
    """Send the invitation again to a user of the focal point's administration who has not
    chosen a password yet."""

    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        user = get_object_or_404(
            selectors.administration_user_list(administration=self.administration),
            pk=kwargs["pk"],
        )
        services.user_invite(user=user, by=request.user)
        messages.success(
            request,
            _("A new invitation to choose a password was sent to %(email)s.")
            % {"email": user.email},
        )
        return redirect("administrations:users")
