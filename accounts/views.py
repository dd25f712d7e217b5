from django.utils.decorators import method_decorator
from django.views.decorators.cache import never_cache
from django.views.generic import TemplateView

from accounts.access import MemberRequiredMixin


@method_decorator(never_cache, name="dispatch")
class MembersHomeView(MemberRequiredMixin, TemplateView):
    """Access: members and office staff (MemberRequiredMixin). Never cached: it greets the user."""

    template_name = "accounts/members_home.html"
