"""Pages of the experts database in the members area, and the expert's own record. Experts'
details are personal data: every page is members-only (or, the own record, for the holder of
its signed link) and sent with `Cache-Control: no-store`."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404, HttpResponseBadRequest, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.decorators import method_decorator
from django.utils.functional import cached_property
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.generic import FormView, ListView, TemplateView, View

from administrations.access import (
    FocalPointRequiredMixin,
    MemberRequiredMixin,
    StaffPermissionRequiredMixin,
    has_staff_permission,
)
from administrations.models import AccessLogEntry
from administrations.services import record_access, record_export
from core.concurrency import FIELD as EDIT_FINGERPRINT
from core.files import attachment_response
from core.pagination import WindowCountPagination
from core.spreadsheets import resource_response
from experts import selectors, services
from experts.filters import menus_state, search_state
from experts.forms import (
    ExpertUpdateForm,
    NominationCorrectForm,
    NominationForm,
    RecordConfirmForm,
    RecordWithdrawForm,
    competency_formset,
    language_formset,
)
from experts.models import Expert, Nomination
from experts.resources import ExpertResource
from experts.tokens import LinkExpired, LinkInvalid, expert_for_token

EXPERTS_PER_PAGE = 20


@method_decorator(never_cache, name="dispatch")
class ExpertListView(MemberRequiredMixin, WindowCountPagination, ListView):
    """Search the database: text, filters, sort; 20 a page."""

    template_name = "experts/expert_list.html"
    context_object_name = "experts"
    paginate_by = EXPERTS_PER_PAGE

    def get_queryset(self):
        self.filterset = selectors.expert_search(params=self.request.GET)
        return selectors.expert_search_rows(self.filterset.qs)

    def paginate_queryset(self, queryset, page_size):
        paginator, page, rows, is_paginated = super().paginate_queryset(queryset, page_size)
        # The areas and languages of the page's experts only, once it is cut.
        return paginator, page, selectors.expert_rows_with_relations(rows), is_paginated

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            filter_form=self.filterset.form,
            any_word=self.filterset.any_word,
            search_state=search_state(self.request.GET),
            menus_state=menus_state(self.request.GET),
            **kwargs,
        )


@method_decorator(never_cache, name="dispatch")
class ExpertDetailView(MemberRequiredMixin, TemplateView):
    """One expert's record, with the CV link; its focal point may confirm or update it."""

    template_name = "experts/expert_detail.html"

    def get_context_data(self, **kwargs):
        try:
            detail = selectors.expert_detail(pk=self.kwargs["pk"])
        except Expert.DoesNotExist:
            raise Http404 from None
        expert = detail.expert
        record_access(user=self.request.user, kind=AccessLogEntry.Kind.EXPERT_RECORD, obj=expert)
        return super().get_context_data(
            expert=expert,
            areas=detail.areas,
            languages=detail.languages,
            competencies=detail.competencies,
            missions=detail.missions,
            can_update=self.request.user.is_focal_point_for(expert.administration_id),
            # "Back to the search" returns to the search the member came from, filters and all.
            search_state=search_state(self.request.GET),
            is_stale=expert.is_stale(),
            **kwargs,
        )


class ExpertCvView(MemberRequiredMixin, View):
    """An expert's CV, for members only, under its original file name."""

    def get(self, request, pk):
        expert = get_object_or_404(Expert.objects.listed().only("cv", "cv_name"), pk=pk)
        if not expert.cv:
            raise Http404
        record_access(user=request.user, kind=AccessLogEntry.Kind.EXPERT_CV, obj=expert)
        return attachment_response(expert.cv, filename=expert.cv_name or expert.cv.name)


class NominationCvView(MemberRequiredMixin, View):
    """A nominee's CV: for the focal point of the nominating administration, and office staff
    who may see nominations in the admin (experts.view_nomination)."""

    def get(self, request, pk):
        nomination = get_object_or_404(
            Nomination.objects.only("cv", "cv_name", "administration"), pk=pk
        )
        user = request.user
        if not user.is_focal_point_for(nomination.administration_id):
            if user.is_staff:
                if not has_staff_permission(user, "experts.view_nomination"):
                    raise PermissionDenied  # as the admin refuses them
            else:
                raise Http404  # another administration's nominations are not even acknowledged
        if not nomination.cv:
            raise Http404
        record_access(user=request.user, kind=AccessLogEntry.Kind.NOMINATION_CV, obj=nomination)
        return attachment_response(nomination.cv, filename=nomination.cv_name or nomination.cv.name)


@method_decorator(never_cache, name="dispatch")
class ExpertExportView(StaffPermissionRequiredMixin, View):
    """The current search result as CSV or XLSX, for office staff who may see experts."""

    permission_required = "experts.view_expert"

    def get(self, request, file_format):
        experts = selectors.expert_search(params=request.GET).qs
        # Read in chunks with their prefetches, in the search's order.
        return resource_response(
            ExpertResource(),
            record_export(
                experts.iterator(chunk_size=500),
                user=request.user,
                kind=AccessLogEntry.Kind.EXPERT_EXPORT,
            ),
            filename="experts",
            file_format=file_format,
            export_fields=ExpertResource.DOWNLOAD,
        )


class _FocalPointFormMixin:
    """The expert's details form with its languages formset, bound on POST."""

    def get_languages(self):
        data = self.request.POST if self.request.method == "POST" else None
        return language_formset(data, initial=self.get_language_initial())

    def get_language_initial(self):
        return []

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "administration": self.request.user.administration}

    def get_context_data(self, **kwargs):
        kwargs.setdefault("languages", self.get_languages())
        return super().get_context_data(**kwargs)

    def post(self, request, *args, **kwargs):
        form, languages = self.get_form(), self.get_languages()
        if form.is_valid() and languages.is_valid():
            return self.save(form, languages)
        return self.render_to_response(self.get_context_data(form=form, languages=languages))

    def details(self, form):
        """The model columns of the form; the CV only when a file was chosen."""
        skipped = {"areas", "consent", EDIT_FINGERPRINT}
        skipped |= {"cv"} if "cv" not in form.changed_data else set()
        return {name: value for name, value in form.cleaned_data.items() if name not in skipped}


@method_decorator(never_cache, name="dispatch")
class NominateView(FocalPointRequiredMixin, _FocalPointFormMixin, FormView):
    """A focal point nominates an expert of their own administration."""

    template_name = "experts/nomination_form.html"
    form_class = NominationForm

    def get_competencies(self):
        return competency_formset(self.request.POST if self.request.method == "POST" else None)

    def get_context_data(self, **kwargs):
        if "competencies" not in kwargs:  # not setdefault: the choices are read once a page
            kwargs["competencies"] = self.get_competencies()
        return super().get_context_data(**kwargs)

    def post(self, request, *args, **kwargs):
        form, languages = self.get_form(), self.get_languages()
        competencies = self.get_competencies()
        # Every part checked, so that each shows its errors at once; nothing saved on any.
        valid = [form.is_valid(), languages.is_valid(), competencies.is_valid()]
        if all(valid):
            return self.save(form, languages, competencies)
        return self.render_to_response(
            self.get_context_data(form=form, languages=languages, competencies=competencies)
        )

    def save(self, form, languages, competencies):
        nomination = services.nomination_submit(
            nominated_by=self.request.user,
            details=self.details(form),
            areas=form.cleaned_data["areas"],
            languages=languages.skills,
            competencies=competencies.holdings,
        )
        messages.success(
            self.request,
            _("Thank you: the nomination of %(name)s has been sent to the office for review.")
            % {"name": nomination.full_name},
        )
        return redirect("experts:nominations")


@method_decorator(never_cache, name="dispatch")
class NominationListView(FocalPointRequiredMixin, ListView):
    """A focal point's view of their administration's nominations and their outcome."""

    template_name = "experts/nomination_list.html"
    context_object_name = "nominations"
    paginate_by = 50

    def get_queryset(self):
        return selectors.nominations_of(administration=self.request.user.administration)


def _pending_nomination_of_focal_point(request, pk) -> Nomination | None:
    """The nomination, if the user is the focal point of its administration (else 404: another
    administration's nominations are not even acknowledged); None once it is decided."""
    nomination = get_object_or_404(Nomination, pk=pk)
    if not request.user.is_focal_point_for(nomination.administration_id):
        raise Http404
    return nomination if nomination.is_pending else None


def _already_decided(request):
    messages.error(
        request, _("This nomination has already been decided: it can no longer be changed.")
    )
    return redirect("experts:nominations")


class _PendingNominationMixin:
    """`self.nomination`: the pending nomination of the URL, of the focal point's own
    administration; a decided one sends them back to the list, saying why."""

    def dispatch(self, request, *args, **kwargs):
        # Listed after FocalPointRequiredMixin: only focal points get here.
        self.nomination = _pending_nomination_of_focal_point(request, kwargs["pk"])
        if self.nomination is None:
            return _already_decided(request)
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(nomination=self.nomination, **kwargs)


@method_decorator(never_cache, name="dispatch")
# The form's check against a concurrent edit and the save are one transaction.
@method_decorator(transaction.atomic, name="post")
class NominationCorrectView(
    FocalPointRequiredMixin, _PendingNominationMixin, _FocalPointFormMixin, FormView
):
    """The focal point corrects a nomination of their administration while it is pending."""

    template_name = "experts/nomination_correct.html"
    form_class = NominationCorrectForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.nomination}

    def get_language_initial(self):
        return [
            {"language": skill.language, "level": skill.level}
            for skill in self.nomination.languages.all()
        ]

    def save(self, form, languages):
        try:
            nomination = services.nomination_correct(
                nomination=self.nomination,
                by=self.request.user,
                details=self.details(form),
                areas=form.cleaned_data["areas"],
                languages=languages.skills,
            )
        except ValidationError:  # decided while the form was open
            return _already_decided(self.request)
        messages.success(
            self.request,
            _("The nomination of %(name)s is corrected; the office reviews it as it is now.")
            % {"name": nomination.full_name},
        )
        return redirect("experts:nominations")


@method_decorator(never_cache, name="dispatch")
class NominationWithdrawView(FocalPointRequiredMixin, _PendingNominationMixin, TemplateView):
    """The focal point withdraws a pending nomination of their administration (a confirmation
    page, then a POST)."""

    template_name = "experts/nomination_withdraw.html"

    def post(self, request, pk):
        try:
            nomination = services.nomination_withdraw(nomination=self.nomination, by=request.user)
        except ValidationError:
            return _already_decided(request)
        messages.success(
            request,
            _("The nomination of %(name)s is withdrawn.") % {"name": nomination.full_name},
        )
        return redirect("experts:nominations")


@method_decorator(never_cache, name="dispatch")
class StaleListView(FocalPointRequiredMixin, TemplateView):
    """A focal point's records not confirmed for 12 months, to confirm or update."""

    template_name = "experts/stale_list.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            experts=selectors.stale_experts(administration=self.request.user.administration),
            **kwargs,
        )


def _expert_of_focal_point(request, pk) -> Expert:
    """The expert, if the user is the focal point of the expert's administration (else 403)."""
    expert = get_object_or_404(Expert.objects.listed().select_related("administration"), pk=pk)
    if not request.user.is_focal_point_for(expert.administration_id):
        raise PermissionDenied
    return expert


class ExpertConfirmView(FocalPointRequiredMixin, View):
    """One step: the focal point confirms the record is still current (POST only)."""

    http_method_names = ["post"]

    def post(self, request, pk):
        expert = services.expert_confirm(
            expert=_expert_of_focal_point(request, pk), user=request.user
        )
        messages.success(
            request,
            _("The record of %(name)s is confirmed as current.") % {"name": expert.full_name},
        )
        next_url = request.POST.get("next", "")
        if url_has_allowed_host_and_scheme(
            next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        ):
            return HttpResponseRedirect(next_url)
        return redirect("experts:stale")


@method_decorator(never_cache, name="dispatch")
# The form's check against a concurrent edit and the save are one transaction.
@method_decorator(transaction.atomic, name="post")
class ExpertUpdateView(FocalPointRequiredMixin, _FocalPointFormMixin, FormView):
    """One step: the focal point corrects the record, which confirms it (refused if someone
    saved the record since the form was opened)."""

    template_name = "experts/expert_update.html"
    form_class = ExpertUpdateForm

    @cached_property
    def expert(self) -> Expert:
        return _expert_of_focal_point(self.request, self.kwargs["pk"])

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.expert}

    def get_language_initial(self):
        return [
            {"language": skill.language, "level": skill.level}
            for skill in self.expert.languages.all()
        ]

    def get_context_data(self, **kwargs):
        return super().get_context_data(expert=self.expert, **kwargs)

    def save(self, form, languages):
        expert = services.expert_update(
            expert=Expert.objects.get(pk=self.expert.pk),
            user=self.request.user,
            details=self.details(form),
            areas=form.cleaned_data["areas"],
            languages=languages.skills,
        )
        messages.success(
            self.request,
            _("The record of %(name)s is updated and confirmed as current.")
            % {"name": expert.full_name},
        )
        return redirect(expert)


def _private(response):
    """The record page's link is its key: no browser or proxy keeps the page, no other site
    learns the address from a Referer, no search engine lists it."""
    response["Referrer-Policy"] = "no-referrer"
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


@method_decorator(never_cache, name="dispatch")
class ExpertRecordView(TemplateView):
    """The expert's own record, for whoever holds the signed link (no account): confirm consent
    and availability, or withdraw. Outside /members/, which needs a login the expert lacks."""

    template_name = "experts/record.html"
    forms = {"confirm": RecordConfirmForm, "withdraw": RecordWithdrawForm}

    def dispatch(self, request, *args, **kwargs):
        try:
            self.expert = expert_for_token(kwargs["token"])
        except LinkExpired:
            return self.refused(expired=True)
        except LinkInvalid:
            return self.refused(expired=False)
        return _private(super().dispatch(request, *args, **kwargs))

    def refused(self, *, expired: bool):
        response = render(
            self.request,
            "experts/record_invalid.html",
            {"expired": expired, "link_days": settings.EXPERT_RECORD_LINK_DAYS},
            status=410 if expired else 404,
        )
        return _private(response)

    def get_context_data(self, **kwargs):
        expert = self.expert
        kwargs.setdefault(
            "confirm_form",
            RecordConfirmForm(
                initial={"availability": expert.availability, "language": expert.language}
            ),
        )
        kwargs.setdefault("withdraw_form", RecordWithdrawForm())
        return super().get_context_data(
            expert=expert,
            areas=expert.areas.all(),
            languages=expert.languages.all(),
            is_stale=expert.is_stale(),
            retention_days=settings.EXPERT_WITHDRAWN_RETENTION_DAYS,
            **kwargs,
        )

    def post(self, request, token):
        action = request.POST.get("action")
        if action not in self.forms:
            return HttpResponseBadRequest()
        form = self.forms[action](request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(**{f"{action}_form": form}))
        if action == "withdraw":
            services.expert_withdraw(expert=self.expert)
            return redirect("experts:record_withdrawn")
        services.expert_record_confirm(
            expert=self.expert,
            availability=form.cleaned_data["availability"],
            language=form.cleaned_data["language"],
        )
        messages.success(request, _("Thank you: your record is confirmed."))
        return redirect("experts:record", token=token)


class RecordWithdrawnView(TemplateView):
    """Where a withdrawal ends (no token: the link no longer works)."""

    template_name = "experts/record_withdrawn.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            retention_days=settings.EXPERT_WITHDRAWN_RETENTION_DAYS, **kwargs
        )
