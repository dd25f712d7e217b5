from django.views.generic import TemplateView

from accounts.access import MemberRequiredMixin


class MembersHomeView(MemberRequiredMixin, TemplateView):
    template_name = "accounts/members_home.html"
