"""Pages of the needs mechanism in the members area. Requests are an administration's own: a
member of another administration is told nothing exists (404); every page is sent with
`Cache-Control: no-store`.

The evaluation form of a mission is the one page outside the members area: the host
administration's focal point and the expert open it from a signed link in their mail, without
logging in (the expert has no account), so it cannot sit under /members/, where every page asks
for a login; the signed token in its address is its only key.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Page, Paginator
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.decorators import method_decorator
from django.utils.functional import SimpleLazyObject, cached_property
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.generic import DetailView, FormView, TemplateView, View

from administrations.access import (
    FocalPointRequiredMixin,
    MemberRequiredMixin,
    StaffPermissionRequiredMixin,
    has_staff_permission,
)
from core.files import attachment_response
from core.spreadsheets import table_response
from experts.models import Expert
from needs import selectors, services, tokens
from needs.filters import NeedFilter
from needs.forms import EvaluationForm, MissionForm, NeedForm, NoteForm, RankingForm, TransitionForm
from needs.models import NeedsRequest

NEEDS_PER_PAGE = 25
RANKED_PER_PAGE = 10


@method_decorator(never_cache, name="dispatch")
class NeedListView(MemberRequiredMixin, TemplateView):
    """One's administration's requests (staff: every administration's), filtered, 25 a page.
    The list is a cached fragment, the same for every reader of the administration (staff: of
    all of them): its requests, the filters and the open rounds are read only when it is
    rendered afresh."""

    template_name = "needs/need_list.html"

    @cached_property
    def filterset(self):
        return selectors.need_list(request=self.request)

    @cached_property
    def page(self) -> Page:
        # A page number that is not one, or past the end, shows the nearest page.
        return Paginator(self.filterset.qs, NEEDS_PER_PAGE).get_page(self.request.GET.get("page"))

    def filter_form(self):
        """The filters' form; built only when the list is rendered afresh if no filter is asked
        for (then it has no errors; a wrong filter's errors title the page, as on every form)."""
        if any(name in self.request.GET for name in NeedFilter.base_filters):
            return self.filterset.form
        return SimpleLazyObject(lambda: self.filterset.form)

    def get_context_data(self, **kwargs):
        user = self.request.user
        can_submit = user.is_member and user.is_focal_point
        return super().get_context_data(
            # Whose requests the list shows: what its fragment varies on.
            list_scope="all" if user.is_staff else user.administration_id,
            page_obj=SimpleLazyObject(lambda: self.page),
            filter_form=self.filter_form(),
            can_submit=can_submit,
            # The analysis's own rule: no permission queries for a member.
            can_analyse=has_staff_permission(user, "needs.view_needsrequest"),
            open_rounds=(
                SimpleLazyObject(lambda: list(selectors.round_open_list())) if can_submit else []
            ),
            **kwargs,
        )


@method_decorator(never_cache, name="dispatch")
class NeedCreateView(FocalPointRequiredMixin, FormView):
    """A focal point sends a request for their administration, maybe answering an open round
    (`?round=<id>`)."""

    template_name = "needs/need_form.html"
    form_class = NeedForm

    @cached_property
    def round(self):
        pk = self.request.POST.get("round") or self.request.GET.get("round")
        return selectors.round_open(pk=pk) if pk else None

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "round": self.round}

    def get_context_data(self, **kwargs):
        return super().get_context_data(round=self.round, **kwargs)

    def form_valid(self, form):
        need = services.need_submit(
            submitted_by=self.request.user,
            details=form.details,
            areas=form.cleaned_data["areas"],
            competencies=form.cleaned_data["competencies"],
            attachments=form.cleaned_data["attachments"],
            round=self.round,
            answers=form.answers,
        )
        messages.success(
            self.request,
            _("Thank you: your request no. %(number)s has been sent to the office.")
            % {"number": need.pk},
        )
        return redirect(need)


@method_decorator(never_cache, name="dispatch")
# The step's check against a concurrent change and its save are one transaction.
@method_decorator(transaction.atomic, name="post")
class NeedDetailView(MemberRequiredMixin, DetailView):
    """One request with its status; for office staff also the next step and internal notes."""

    template_name = "needs/need_detail.html"
    context_object_name = "need"

    def get_object(self, queryset=None):
        try:
            return selectors.need_detail(pk=self.kwargs["pk"], user=self.request.user)
        except NeedsRequest.DoesNotExist:
            raise Http404 from None

    def get_context_data(self, **kwargs):
        need = self.object
        user = self.request.user
        if user.is_staff:
            if need.next_statuses() and not need.duplicate_of_id:
                kwargs.setdefault("transition_form", TransitionForm(instance=need))
            kwargs.setdefault("note_form", NoteForm())
            kwargs.update(self.ranking(need))
            kwargs["can_add_mission"] = has_staff_permission(user, "needs.add_mission")
        return super().get_context_data(**kwargs)

    def ranking(self, need) -> dict:
        """The experts ranked for the request (office staff only), a page of them."""
        default_language = selectors.ranking_language(need)
        # Bound with the default language where none is chosen, so the menu shows the one used.
        data = self.request.GET.copy()
        data.setdefault("language", default_language)
        form = RankingForm(data, default_language=default_language)
        choices = form.choices
        experts = selectors.ranked_experts(need=need, **choices)
        page = selectors.RankingPaginator(experts, RANKED_PER_PAGE).get_page(
            self.request.GET.get("ranking_page")
        )
        return {
            "ranking_form": form,
            "ranking": page,
            "rotation_since": experts.since,
            "competency_level": selectors.EXPERT_COMPETENCY_LEVEL,
        }

    def post(self, request, pk):
        if not request.user.is_staff:
            raise PermissionDenied
        self.object = need = self.get_object()
        if "note" in request.POST:
            form = NoteForm(request.POST)
            if form.is_valid():
                services.need_note_add(
                    need=need, author=request.user, text=form.cleaned_data["text"]
                )
                messages.success(request, _("The note is saved."))
                return redirect(need)
            return self.render_to_response(self.get_context_data(note_form=form))
        if not need.next_statuses():
            raise PermissionDenied
        form = TransitionForm(request.POST, instance=need)
        if form.is_valid():
            fields = {name: form.cleaned_data.get(name) for name in form.Meta.fields}
            services.need_transition(
                need=NeedsRequest.objects.get(pk=need.pk),
                status=form.cleaned_data["to_status"],
                by=request.user,
                **fields,
            )
            messages.success(request, _("The status is changed; the focal points are told."))
            return redirect(need)
        return self.render_to_response(self.get_context_data(transition_form=form))


class NeedAttachmentView(MemberRequiredMixin, View):
    """A request's attachment, for those who may read the request, under its original name."""

    def get(self, request, pk, attachment):
        need = get_object_or_404(NeedsRequest.objects.visible_to(request.user).only("id"), pk=pk)
        file = get_object_or_404(need.attachments.all(), pk=attachment)
        return attachment_response(file.file, filename=file.name)


class MissionReportView(MemberRequiredMixin, View):
    """A mission's report, for those who may read its request, under its original name."""

    def get(self, request, pk, mission):
        need = get_object_or_404(NeedsRequest.objects.visible_to(request.user).only("id"), pk=pk)
        mission = get_object_or_404(need.missions.only("report", "report_name"), pk=mission)
        if not mission.report:
            raise Http404
        return attachment_response(mission.report, filename=mission.report_name or "report")


@method_decorator(never_cache, name="dispatch")
class MissionCreateView(StaffPermissionRequiredMixin, FormView):
    """Office staff who may add missions record one for a request, with the expert chosen from
    the ranking (`?expert=<id>`)."""

    permission_required = "needs.add_mission"
    template_name = "needs/mission_form.html"
    form_class = MissionForm

    @cached_property
    def need(self) -> NeedsRequest:
        return get_object_or_404(
            NeedsRequest.objects.select_related("administration"), pk=self.kwargs["pk"]
        )

    @cached_property
    def expert(self) -> Expert:
        try:
            pk = int(self.request.GET.get("expert", ""))
        except (TypeError, ValueError, OverflowError):
            raise Http404 from None
        return get_object_or_404(Expert.objects.select_related("administration"), pk=pk)

    def get_context_data(self, **kwargs):
        return super().get_context_data(need=self.need, expert=self.expert, **kwargs)

    def form_valid(self, form):
        services.mission_create(
            need=self.need,
            expert=self.expert,
            start_date=form.cleaned_data["start_date"],
            end_date=form.cleaned_data["end_date"],
            report=form.cleaned_data.get("report") or None,
            by=self.request.user,
        )
        messages.success(
            self.request,
            _("The mission of %(expert)s is recorded.") % {"expert": self.expert.full_name},
        )
        return redirect(self.need)


# Which refusal page answers which unusable link, and with which status.
LINK_REFUSALS = {"invalid": 400, "expired": 410, "used": 410, "not_yours": 403}


@method_decorator(never_cache, name="dispatch")
class EvaluationView(View):
    """Access: whoever holds a valid evaluation link, once, until it expires (no login)."""

    template_name = "needs/evaluation_form.html"

    def refuse(self, error: tokens.LinkError):
        return render(
            self.request,
            "needs/evaluation_refused.html",
            {"reason": error.reason, "mission": error.mission},
            status=LINK_REFUSALS[error.reason],
        )

    def dispatch(self, request, *args, **kwargs):
        try:
            self.link = tokens.evaluation_link(kwargs["token"])
        except tokens.LinkError as error:
            return self.refuse(error)
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, token):
        return self.show(EvaluationForm())

    def post(self, request, token):
        mission = self.link.mission
        # The administration comes from the link, never from the form.
        posted = request.POST.get("administration")
        if posted not in (None, "", str(mission.administration_id)):
            raise PermissionDenied
        form = EvaluationForm(request.POST)
        if not form.is_valid():
            return self.show(form)
        try:
            services.mission_evaluate(
                mission=mission,
                respondent=self.link.respondent,
                user=self.link.user,
                **form.cleaned_data,
            )
        except services.EvaluationGiven:
            return self.refuse(tokens.LinkError("used", mission))
        return render(request, "needs/evaluation_thanks.html", {"mission": mission})

    def show(self, form):
        return render(
            self.request,
            self.template_name,
            {"form": form, "mission": self.link.mission, "respondent": self.link.respondent},
        )


@method_decorator(never_cache, name="dispatch")
class NeedsAnalysisView(StaffPermissionRequiredMixin, TemplateView):
    """The office's analysis of every administration's requests. Access: staff who may view
    requests; anyone else logged in gets 403."""

    permission_required = "needs.view_needsrequest"
    template_name = "needs/analysis.html"

    def get_context_data(self, **kwargs):
        analysis = selectors.needs_analysis(year=self.request.GET.get("year"))
        return super().get_context_data(analysis=analysis, **kwargs)


@method_decorator(never_cache, name="dispatch")
class NeedsAnalysisExportView(StaffPermissionRequiredMixin, View):
    """The analysis by administration and area, as CSV or XLSX (same access as the page)."""

    permission_required = "needs.view_needsrequest"

    def get(self, request, file_format):
        analysis = selectors.needs_analysis(year=request.GET.get("year"))
        headers, rows = selectors.analysis_rows(analysis)
        suffix = f"-{analysis.year}" if analysis.year else ""
        return table_response(
            headers, rows, filename=f"needs-analysis{suffix}", file_format=file_format
        )
