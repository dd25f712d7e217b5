from django.contrib.auth import views as auth_views
from django.http import HttpResponseRedirect
from django.urls import reverse_lazy
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.generic import TemplateView

from accounts import services, throttling
from accounts.access import MemberRequiredMixin


@method_decorator(never_cache, name="dispatch")
class MembersHomeView(MemberRequiredMixin, TemplateView):
    """Access: members and office staff (MemberRequiredMixin). Never cached: it greets the user."""

    template_name = "accounts/members_home.html"


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
