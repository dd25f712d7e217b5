"""Pages that combine several apps: the public home and the members' home."""

from django.utils.decorators import method_decorator
from django.views.decorators.cache import never_cache
from django.views.generic import TemplateView

from administrations.access import MemberRequiredMixin
from contacts import selectors as contacts_selectors
from experts import selectors as experts_selectors
from outreach.selectors import home_sections as outreach_home_sections
from workplan import selectors as workplan_selectors


class HomeView(TemplateView):
    template_name = "home.html"
    # What the page shows (core.generations): news, events, tools and the plan at a glance.
    reads = "outreach.NewsItem outreach.Event outreach.Tool workplan"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # Outreach: latest news, next events, promoted tools (outreach/_home_sections.html).
        context.update(outreach_home_sections())
        context["workplan_glance"] = workplan_selectors.plan_at_a_glance()
        return context


@method_decorator(never_cache, name="dispatch")
class MembersHomeView(MemberRequiredMixin, TemplateView):
    """Access: members and office staff (MemberRequiredMixin). Never cached: it greets the user."""

    template_name = "portal/members_home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        if user.is_member and user.is_focal_point:
            # "Your administration": its focal point's tasks, each one link away.
            administration = user.administration
            context["own_contacts"] = list(
                contacts_selectors.administration_contact_points(administration=administration)
            )
            context["stale_count"] = experts_selectors.stale_experts(
                administration=administration
            ).count()
        return context
