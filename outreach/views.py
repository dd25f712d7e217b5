"""Public outreach pages. Each is cached per language in urls.py (core.cache.cache_public_page)."""

import logging

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone, translation
from django.utils.cache import add_never_cache_headers
from django.utils.decorators import method_decorator
from django.utils.functional import SimpleLazyObject, cached_property
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django.views.generic import DetailView, ListView, TemplateView, View

from administrations.access import MemberRequiredMixin, check_posted_administration
from core.files import attachment_response
from outreach import selectors, services, tokens
from outreach.calendar import event_calendar as calendar_file
from outreach.calendar import events_calendar as calendar_feed
from outreach.forms import EventEvaluationForm, PersonForm, nomination_formset
from outreach.models import Audience, Registration

logger = logging.getLogger(__name__)


class NewsListView(ListView):
    template_name = "outreach/newsitem_list.html"
    context_object_name = "news"
    paginate_by = 10

    def get_queryset(self):
        return selectors.news_list()


class NewsDetailView(DetailView):
    template_name = "outreach/newsitem_detail.html"
    context_object_name = "item"

    def get_object(self, queryset=None):
        return selectors.news_detail(slug=self.kwargs["slug"])


class EventListView(ListView):
    """Upcoming events first, then the past ones, paginated."""

    template_name = "outreach/event_list.html"
    context_object_name = "past_events"
    paginate_by = 20

    def get_queryset(self):
        return selectors.past_events()

    def get_context_data(self, **kwargs):
        return super().get_context_data(upcoming_events=selectors.upcoming_events(), **kwargs)


class EventDetailView(DetailView):
    """An event, with the meeting documents the visitor may see. The page an anonymous visitor
    gets (public documents only) is cached for all of them (urls.py); a logged-in user's, which
    may list members' and participants' documents, is rendered for them and kept by no cache."""

    template_name = "outreach/event_detail.html"
    context_object_name = "event"

    def get_object(self, queryset=None):
        return selectors.event_detail(slug=self.kwargs["slug"])

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            document_groups=selectors.meeting_documents(event=self.object, user=self.request.user),
            **kwargs,
        )

    def render_to_response(self, context, **response_kwargs):
        response = super().render_to_response(context, **response_kwargs)
        if self.request.user.is_authenticated:
            add_never_cache_headers(response)
        return response


def event_calendar(request, slug):
    """The event as an .ics download."""
    event = selectors.event_published(slug=slug)
    # Addresses on SITE_URL, never on the Host the request names (as the pages' canonical links).
    content = calendar_file(event, url=settings.SITE_URL + event.get_absolute_url())
    return HttpResponse(
        content,
        content_type="text/calendar; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{event.slug}.ics"'},
    )


def _serve(document_file):
    """A meeting document's file as a download under its uploaded name; 404 if storage has lost
    it (as the library's downloads)."""
    filename = document_file.original_name or (
        f"document-{document_file.document_id}-{document_file.language}.{document_file.kind}"
    )
    try:
        return attachment_response(document_file.file, filename=filename)
    except FileNotFoundError:
        logger.error("Missing file %s of document %s", document_file.file.name, document_file.pk)
        raise Http404 from None


def meeting_document_download(request, slug, pk, language):
    """A public meeting document's file: anyone. Members' and participants' documents are never
    served here, only from the members' address below, after its check."""
    document_file = selectors.meeting_document_file(
        slug=slug, pk=pk, language=language, user=request.user, public_only=True
    )
    if document_file is None:
        raise Http404
    return _serve(document_file)


def meeting_material_download(request, slug, pk, language):
    """A meeting document's file for a logged-in user who may see it (object-level): members'
    documents for the members area (members and staff), participants' documents for the event's
    participants and staff who may view the library's documents. Anyone else: 404, as if there
    were none; an anonymous visitor is sent to log in."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    document_file = selectors.meeting_document_file(
        slug=slug, pk=pk, language=language, user=request.user, public_only=False
    )
    if document_file is None:
        raise Http404
    return _serve(document_file)


class ToolListView(TemplateView):
    template_name = "outreach/tool_list.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(groups=selectors.tools_by_kind(), **kwargs)


# Meetings ---------------------------------------------------------------------------------------


@method_decorator(never_cache, name="dispatch")
class EventRegisterView(TemplateView):
    """Register for an event, or (a focal point) nominate officers of one's administration.

    Access, as the event's settings allow: a public event is open to anyone; an anonymous
    visitor of a members' event is sent to log in; a user outside its audience gets 403 with the
    reason. A post naming another administration gets 403 and saves nothing."""

    template_name = "outreach/event_register.html"

    def dispatch(self, request, *args, **kwargs):
        self.event, self.registration_settings = selectors.event_registration(slug=kwargs["slug"])
        user = request.user
        if self.registration_settings is not None:
            if self.registration_settings.audience != Audience.PUBLIC and not user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if request.method == "POST" and user.is_authenticated:
                check_posted_administration(request)
        return super().dispatch(request, *args, **kwargs)

    @cached_property
    def may_register(self) -> bool:
        """Whether the event's audience includes the user (asked once: for an invited event it
        is a query)."""
        settings_ = self.registration_settings
        return settings_ is not None and services.may_register(settings_, self.request.user)

    @cached_property
    def is_nominating(self) -> bool:
        user = self.request.user
        return (
            user.is_authenticated and user.is_member and user.is_focal_point and self.may_register
        )

    def get_context_data(self, **kwargs):
        event, registration_settings, user = (
            self.event,
            self.registration_settings,
            self.request.user,
        )
        context = {"event": event, "registration_settings": registration_settings, **kwargs}
        context["refusal"] = services.registration_refusal(
            registration_settings=registration_settings, user=user
        )
        if registration_settings is None:
            return super().get_context_data(**context)
        registrations = selectors.user_registrations(
            event=event,
            user=user,
            administration_id=user.administration_id if self.is_nominating else None,
        )
        own = registrations.own
        context |= {"own": own, "counts": selectors.seat_counts(registration_settings)}
        # A form or formset in the arguments is a post shown again with its errors. A blank one
        # is built only if the page renders it: not when it comes from the fragment cache
        # (event_register.html), so the template asks whether it is bound here, not of it.
        context["form_is_bound"] = "form" in kwargs
        context["formset_is_bound"] = "formset" in kwargs
        if not context["refusal"] and own is None:
            context.setdefault(
                "form",
                SimpleLazyObject(
                    lambda: PersonForm(
                        registration_settings=registration_settings,
                        identity=not user.is_authenticated,
                        own=True,
                    )
                ),
            )
        if self.is_nominating:
            context["nominated"] = registrations.administration
            if not context["refusal"]:
                context.setdefault(
                    "formset",
                    SimpleLazyObject(
                        lambda: nomination_formset(registration_settings=registration_settings)
                    ),
                )
        return super().get_context_data(**context)

    def render_to_response(self, context, **response_kwargs):
        if self.registration_settings is not None and not self.may_register:
            response_kwargs.setdefault("status", 403)
        return super().render_to_response(context, **response_kwargs)

    def post(self, request, *args, **kwargs):
        if self.registration_settings is None:
            return self.get(request, *args, **kwargs)
        action = request.POST.get("action")
        if action == "nominate":
            return self._nominate(request)
        if action == "withdraw":
            return self._withdraw(request)
        return self._register(request)

    def _again(self, **context):
        return self.render_to_response(self.get_context_data(**context))

    def _register(self, request):
        user = request.user
        form = PersonForm(
            request.POST,
            registration_settings=self.registration_settings,
            identity=not user.is_authenticated,
            own=True,
        )
        if not form.is_valid():
            return self._again(form=form)
        try:
            registration = services.registration_self(
                event=self.event,
                user=user,
                person=form.person(),
                language=translation.get_language(),
            )
        except ValidationError as error:
            form.add_error(None, error)
            return self._again(form=form)
        messages.success(request, STATUS_MESSAGES[registration.status])
        return redirect(request.path)

    def _nominate(self, request):
        if not self.is_nominating:
            raise PermissionDenied
        formset = nomination_formset(request.POST, registration_settings=self.registration_settings)
        if not formset.is_valid():
            return self._again(formset=formset)
        try:
            registrations = services.registration_nominate(
                event=self.event,
                by=request.user,
                people=formset.people(),
                language=translation.get_language(),
            )
        except ValidationError as error:
            return self._again(formset=formset, formset_errors=error.messages)
        waiting = sum(r.status == Registration.Status.WAITING for r in registrations)
        messages.success(
            request,
            ngettext(
                "%(count)s officer nominated; each is told by email.",
                "%(count)s officers nominated; each is told by email.",
                len(registrations),
            )
            % {"count": len(registrations)},
        )
        if waiting:
            messages.info(
                request,
                ngettext(
                    "%(count)s of them is on the waiting list.",
                    "%(count)s of them are on the waiting list.",
                    waiting,
                )
                % {"count": waiting},
            )
        return redirect(request.path)

    def _withdraw(self, request):
        user = request.user
        if not user.is_authenticated:
            raise PermissionDenied
        registration = selectors.withdrawable_registration(
            event=self.event, user=user, pk=request.POST.get("registration")
        )
        if registration is None:
            raise Http404
        try:
            services.registration_withdraw(registration=registration, by=user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The registration is withdrawn."))
        return redirect(request.path)


STATUS_MESSAGES = {
    Registration.Status.CONFIRMED: _(
        "You are registered: the confirmation, with the event for your calendar, is on its way "
        "by email."
    ),
    Registration.Status.PENDING: _(
        "Thank you: your registration awaits the office's approval; you will be told by email."
    ),
    Registration.Status.WAITING: _(
        "The event is full: you are on the waiting list, and will be told by email if a seat "
        "becomes free."
    ),
}


@method_decorator(never_cache, name="dispatch")
class SeatOfferView(TemplateView):
    """A seat offered from the waiting list, taken or let go through the mailed signed link
    (anyone holding the link: no account needed)."""

    template_name = "outreach/seat_offer.html"

    def dispatch(self, request, *args, **kwargs):
        self.registration = tokens.offer_from_token(kwargs["token"])
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        registration = self.registration
        live = (
            registration is not None
            and registration.status == Registration.Status.OFFERED
            and registration.offer_expires_at > timezone.now()
            and not registration.event.is_cancelled
        )
        return super().get_context_data(registration=registration, live=live, **kwargs)

    def post(self, request, *args, **kwargs):
        if self.registration is None:
            return self.get(request, *args, **kwargs)
        accept = request.POST.get("answer") == "accept"
        try:
            registration = services.offer_answer(registration=self.registration, accept=accept)
        except ValidationError as error:
            return self.render_to_response(self.get_context_data(error=" ".join(error.messages)))
        if accept:
            messages.success(request, STATUS_MESSAGES[registration.status])
        else:
            messages.success(request, _("Thank you: the seat goes to the next person waiting."))
        return redirect(registration.event)


def events_calendar(request):
    """Every upcoming event as a calendar to subscribe to, in the page's language."""
    content = calendar_feed(
        selectors.calendar_events(),
        url_of=lambda event: settings.SITE_URL + event.get_absolute_url(),
        name=_("ROCB Europe events"),
    )
    return HttpResponse(content, content_type="text/calendar; charset=utf-8")


@method_decorator(never_cache, name="dispatch")
class ParticipantListView(MemberRequiredMixin, TemplateView):
    """Members see an event's confirmed participants who agreed to be listed, grouped by
    administration."""

    template_name = "outreach/participant_list.html"

    def get_context_data(self, **kwargs):
        event = selectors.event_with_registration(slug=self.kwargs["slug"])
        return super().get_context_data(
            event=event, groups=selectors.participant_groups(event=event), **kwargs
        )


# Which refusal page answers which unusable evaluation link, and with which status.
LINK_REFUSALS = {"invalid": 400, "expired": 410, "used": 410, "absent": 410}


@method_decorator(never_cache, name="dispatch")
class EventEvaluationView(View):
    """An event's evaluation form, by the signed link mailed to each participant after it.
    Access: whoever holds a valid link, once, until it expires (no login)."""

    template_name = "outreach/evaluation_form.html"

    def refuse(self, error: tokens.LinkError):
        return render(
            self.request,
            "outreach/evaluation_refused.html",
            {
                "reason": error.reason,
                "event": error.event,
                "days": tokens.EVALUATION_LINK_VALID.days,
            },
            status=LINK_REFUSALS[error.reason],
        )

    def dispatch(self, request, *args, **kwargs):
        try:
            self.registration = tokens.evaluation_link(kwargs["token"])
        except tokens.LinkError as error:
            return self.refuse(error)
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, token):
        return self.show(EventEvaluationForm())

    def post(self, request, token):
        form = EventEvaluationForm(request.POST)
        if not form.is_valid():
            return self.show(form)
        event = self.registration.event
        try:
            services.event_evaluate(
                registration=self.registration,
                language=translation.get_language(),
                **form.cleaned_data,
            )
        except services.EvaluationGiven:
            return self.refuse(tokens.LinkError("used", event))
        return render(request, "outreach/evaluation_thanks.html", {"event": event})

    def show(self, form):
        return render(
            self.request,
            self.template_name,
            {"form": form, "event": self.registration.event},
        )
