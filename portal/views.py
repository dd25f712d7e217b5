"""Pages that combine several apps: the public home, the members' home and the country pages."""

from django.utils.decorators import method_decorator
from django.utils.functional import SimpleLazyObject
from django.views.decorators.cache import never_cache
from django.views.generic import TemplateView

from administrations.access import MemberRequiredMixin
from contacts import selectors as contacts_selectors
from experts import selectors as experts_selectors
from needs import selectors as needs_selectors
from outreach import selectors as outreach_selectors
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
                contacts_selectors.contact_point_names(administration=administration)
            )
            # Counted when the template asks: not at all while its card is a cached fragment.
            context["stale_count"] = lambda: experts_selectors.stale_experts(
                administration=administration
            ).count()
        return context


# A glance, not a directory: the country page shows this many of each list (contact points by
# role, experts, requests, missions) and links to the full one. With 30 experts and every contact
# point, the page took 119 ms in the server on the benchmark data; with 10 of each, 50 ms.
COUNTRY_LIST = 10


@method_decorator(never_cache, name="dispatch")
class CountryView(MemberRequiredMixin, TemplateView):
    """One member administration at a glance. Access: members and office staff; the requests
    themselves only to the administration's own members and staff (others read the counts).
    Never cached as a page: it lists contact points and experts, which are personal data. The
    parts without them (the head with the page's contents, requests, activities, events, training
    centres) are cached fragments, their lists read only when a part is rendered afresh."""

    template_name = "portal/country.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        administration, contacts = contacts_selectors.administration_at_a_glance(
            country=self.kwargs["code"], contacts=COUNTRY_LIST
        )
        user = self.request.user
        context.update(
            administration=administration,
            # Personal data, read on every visit: each list in one statement, its shown columns.
            contacts=contacts,
            experts=experts_selectors.experts_provided_by(
                administration=administration, limit=COUNTRY_LIST
            ),
            missions=needs_selectors.missions_of(administration=administration, limit=COUNTRY_LIST),
            reads_needs=user.is_staff or user.administration_id == administration.pk,
            **self.cached_sections(administration, user),
        )
        return context

    @staticmethod
    def cached_sections(administration, user) -> dict:
        """What the cached fragments show, read when a fragment is rendered afresh only (their
        QuerySets not even built otherwise: building one costs more than a fragment's hit)."""
        return {
            "needs": SimpleLazyObject(
                lambda: needs_selectors.needs_of(administration=administration, user=user)[
                    :COUNTRY_LIST
                ]
            ),
            "need_counts": SimpleLazyObject(
                lambda: needs_selectors.status_counts(administration=administration)
            ),
            "activities": SimpleLazyObject(
                lambda: needs_selectors.activities_for_needs(administration=administration)
            ),
            "events": SimpleLazyObject(
                lambda: outreach_selectors.events_attended_by(administration=administration)
            ),
            "centres": SimpleLazyObject(
                lambda: contacts_selectors.training_centres_of(administration=administration)
            ),
        }
