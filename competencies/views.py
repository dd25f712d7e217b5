"""Pages of the competency framework. The public ones are cached in urls.py; the self-assessment
pages belong to members, each to its author alone, and the consultation's pages to the members:
neither is ever cached."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import slug_re
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from administrations.access import FocalPointRequiredMixin, MemberRequiredMixin, member_required
from competencies import selectors, services
from competencies.forms import (
    CommentForm,
    CompareForm,
    ProfileAssessmentForm,
    ResponseForm,
    SelfAssessmentForm,
    StartAssessmentForm,
    StartProfileAssessmentForm,
)
from competencies.models import (
    Competency,
    ConsultationComment,
    ConsultationRound,
    FrameworkVersion,
    JobPosition,
    VersionedPosition,
)
from competencies.selectors import consultation
from core.throttling import attempt_allowed


class OverviewView(TemplateView):
    template_name = "competencies/overview.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(overview=selectors.framework_overview(), **kwargs)


class PositionListView(TemplateView):
    template_name = "competencies/jobposition_list.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(areas=selectors.position_catalogue(), **kwargs)


class PositionDetailView(TemplateView):
    """A competency-based job description; it prints as a one-page document."""

    template_name = "competencies/jobposition_detail.html"

    def get_context_data(self, **kwargs):
        description = selectors.job_description(self.kwargs["slug"])
        compare_form = CompareForm(
            initial={"current": description.position.slug},
            choices=selectors.position_choices(),
        )
        return super().get_context_data(
            description=description,
            position=description.position,
            compare_form=compare_form,
            changes=selectors.position_changes(description.position.slug),
            **kwargs,
        )


# Numbered versions of the framework: earlier ones stay readable --------------------------------


class VersionListView(TemplateView):
    template_name = "competencies/frameworkversion_list.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            versions=selectors.version_list(),
            consultations=selectors.consultations_open(),
            **kwargs,
        )


class VersionDetailView(TemplateView):
    """A version as the meeting endorsed it, and what it changed against the one before."""

    template_name = "competencies/frameworkversion_detail.html"

    def get_context_data(self, **kwargs):
        try:
            page = selectors.version_detail(self.kwargs["number"])
        except FrameworkVersion.DoesNotExist:
            raise Http404 from None
        return super().get_context_data(page=page, version=page.version, **kwargs)


class VersionPositionView(TemplateView):
    """A position's job description as a version holds it, and what changed since the version
    before."""

    template_name = "competencies/versionedposition_detail.html"

    def get_context_data(self, **kwargs):
        try:
            description = selectors.version_position(
                number=self.kwargs["number"], slug=self.kwargs["slug"]
            )
        except VersionedPosition.DoesNotExist:
            raise Http404 from None
        return super().get_context_data(
            description=description,
            position=description.position,
            version=description.position.version,
            changes=description.changes,
            **kwargs,
        )


class DictionaryView(TemplateView):
    template_name = "competencies/competency_list.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(families=selectors.competency_dictionary(), **kwargs)


class CompetencyDetailView(TemplateView):
    template_name = "competencies/competency_detail.html"

    def get_context_data(self, **kwargs):
        page = selectors.competency_page(self.kwargs["code"])
        return super().get_context_data(page=page, competency=page.competency, **kwargs)


class QualificationsView(TemplateView):
    template_name = "competencies/qualificationlevel_list.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            tables=selectors.qualification_tables(),
            clusters=selectors.topical_clusters(),
            **kwargs,
        )


def compare(request):
    """Two positions side by side, competency by competency, with the gaps between them."""
    form = CompareForm(request.GET or None, choices=selectors.position_choices())
    comparison = None
    if form.is_valid():
        comparison = selectors.position_comparison(
            current_slug=form.cleaned_data["current"], target_slug=form.cleaned_data["target"]
        )
    return render(
        request, "competencies/jobposition_compare.html", {"form": form, "comparison": comparison}
    )


# Self-assessments: members only, each visible to its author alone ------------------------------


class AssessmentListView(MemberRequiredMixin, TemplateView):
    template_name = "competencies/selfassessment_list.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            assessments=selectors.assessments_of(self.request.user),
            start_form=StartAssessmentForm(choices=selectors.position_choices()),
            profile_assessments=selectors.profile_assessments_of(self.request.user),
            profile_form=StartProfileAssessmentForm(choices=selectors.profile_choices()),
            **kwargs,
        )


@member_required
def assessment_form(request, pk=None):
    """Rate yourself against a position: a new self-assessment (?position=<slug>), or your own
    one again."""
    if pk is None:
        if not request.GET.get("position"):
            return redirect("competencies:assessment_list")
        slug = request.GET["position"]
        if not slug_re.match(slug):  # not a slug (PostgreSQL even refuses some characters)
            raise Http404
        position = get_object_or_404(JobPosition.objects.endorsed(), slug=slug)
        existing = selectors.assessments_of(request.user).filter(position=position).first()
        if existing is not None:
            return redirect("competencies:assessment_edit", pk=existing.pk)
        assessment, initial = None, {}
    else:
        assessment = get_object_or_404(selectors.assessments_of(request.user), pk=pk)
        position, initial = assessment.position, selectors.rating_initial(assessment)
    sheet = selectors.rating_sheet(position)
    form = SelfAssessmentForm(
        request.POST if request.method == "POST" else None,
        initial={SelfAssessmentForm.field_name(pk): level for pk, level in initial.items()},
        requirements=sheet.requirements,
        levels=sheet.levels,
        descriptors=sheet.descriptors,
    )
    if request.method == "POST" and form.is_valid():
        assessment = services.assessment_save(
            owner=request.user, position=position, ratings=form.ratings()
        )
        messages.success(request, _("Your self-assessment is saved."))
        return redirect(assessment)
    return render(
        request,
        "competencies/selfassessment_form.html",
        {"form": form, "position": position, "assessment": assessment},
    )


class AssessmentDetailView(MemberRequiredMixin, TemplateView):
    """The member's gap profile against the position, with the learning that closes the gaps."""

    template_name = "competencies/selfassessment_detail.html"

    def get_context_data(self, **kwargs):
        assessment = get_object_or_404(
            selectors.assessments_of(self.request.user), pk=self.kwargs["pk"]
        )
        profile = selectors.gap_profile(assessment)
        return super().get_context_data(profile=profile, assessment=assessment, **kwargs)


@member_required
def assessment_delete(request, pk):
    assessment = get_object_or_404(selectors.assessments_of(request.user), pk=pk)
    if request.method == "POST":
        services.assessment_delete(assessment=assessment)
        messages.success(request, _("Your self-assessment is deleted."))
        return redirect("competencies:assessment_list")
    return render(
        request, "competencies/selfassessment_confirm_delete.html", {"assessment": assessment}
    )


# Self-assessments against the qualifications framework's profiles: each its author's alone ----


@member_required
def profile_assessment_form(request, pk=None):
    """Rate yourself against a profile of the qualifications framework: a new self-assessment
    (?profile=<level>-<stream>, e.g. 5-manager), or your own one again."""
    if pk is None:
        if not request.GET.get("profile"):
            return redirect("competencies:assessment_list")
        profile = selectors.profile_by_key(request.GET["profile"])
        if profile is None:
            raise Http404
        existing = selectors.profile_assessments_of(request.user).filter(profile=profile).first()
        if existing is not None:
            return redirect("competencies:profile_assessment_edit", pk=existing.pk)
        assessment, initial = None, {}
    else:
        assessment = get_object_or_404(selectors.profile_assessments_of(request.user), pk=pk)
        profile = assessment.profile
        initial = {
            **selectors.profile_rating_initial(assessment),
            "holds_certificate": "yes" if assessment.holds_certificate else "no",
        }
    form = ProfileAssessmentForm(
        request.POST if request.method == "POST" else None,
        initial=initial,
        aspects=selectors.profile_statements(profile),
    )
    if request.method == "POST" and form.is_valid():
        assessment = services.profile_assessment_save(
            owner=request.user,
            profile=profile,
            holds_certificate=form.cleaned_data["holds_certificate"],
            ratings=form.ratings(),
        )
        messages.success(request, _("Your self-assessment is saved."))
        return redirect(assessment)
    return render(
        request,
        "competencies/profileassessment_form.html",
        {"form": form, "profile": profile, "assessment": assessment},
    )


class ProfileAssessmentDetailView(MemberRequiredMixin, TemplateView):
    """How much of the profile the member meets, aspect by aspect, and what to develop."""

    template_name = "competencies/profileassessment_detail.html"

    def get_context_data(self, **kwargs):
        assessment = get_object_or_404(
            selectors.profile_assessments_of(self.request.user), pk=self.kwargs["pk"]
        )
        result = selectors.profile_result(assessment)
        return super().get_context_data(
            result=result, assessment=assessment, profile=assessment.profile, **kwargs
        )


@member_required
def profile_assessment_delete(request, pk):
    assessment = get_object_or_404(selectors.profile_assessments_of(request.user), pk=pk)
    if request.method == "POST":
        services.profile_assessment_delete(assessment=assessment)
        messages.success(request, _("Your self-assessment is deleted."))
        return redirect("competencies:assessment_list")
    return render(
        request,
        "competencies/profileassessment_confirm_delete.html",
        {"assessment": assessment},
    )


# The members' consultation on the draft framework ----------------------------------------------

# Comments one member may post in a window: plenty for a careful reading, too few to flood.
COMMENTS_PER_MEMBER = (30, 60 * 60)


def _round_or_404(pk):
    try:
        return consultation.round_detail(pk=pk)
    except ConsultationRound.DoesNotExist:
        raise Http404 from None


class ConsultationListView(MemberRequiredMixin, TemplateView):
    """Every round, open ones first: what the office asks the members to comment on."""

    template_name = "competencies/consultationround_list.html"

    def get_context_data(self, **kwargs):
        rounds = list(consultation.round_list())
        return super().get_context_data(
            open_rounds=[r for r in rounds if r.is_open()],
            other_rounds=[r for r in rounds if not r.is_open()],
            **kwargs,
        )


class ConsultationRoundView(MemberRequiredMixin, TemplateView):
    """A round's draft positions and competencies, and the administration's position on it."""

    template_name = "competencies/consultationround_detail.html"

    def get_context_data(self, **kwargs):
        round = _round_or_404(self.kwargs["pk"])
        page = consultation.round_page(round=round, user=self.request.user)
        return super().get_context_data(page=page, round=round, **kwargs)


class _ThreadView(MemberRequiredMixin, TemplateView):
    """An item's draft text and its thread; members post to it while the round is open."""

    def thread(self, round):
        raise NotImplementedError

    def levels(self, thread):
        return None

    def get_context_data(self, **kwargs):
        round = _round_or_404(self.kwargs["pk"])
        thread = self.thread(round)
        user = self.request.user
        if "form" not in kwargs and user.is_member and round.is_open():
            kwargs["form"] = CommentForm(levels=self.levels(thread))
        return super().get_context_data(
            round=round,
            thread=thread,
            editable={c.pk for c in thread.comments_all if services.comment_editable_by(c, user)},
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        if not request.user.is_member:
            raise PermissionDenied  # staff answer in the admin
        round = _round_or_404(self.kwargs["pk"])
        thread = self.thread(round)
        form = CommentForm(request.POST, levels=self.levels(thread))
        status = 200
        if not round.is_open():
            form.is_valid()
            form.add_error(None, services.round_closed_message(round))
            status = 409
        elif not attempt_allowed(
            scope="consultation-comment",
            key=str(request.user.pk),
            limit=COMMENTS_PER_MEMBER[0],
            seconds=COMMENTS_PER_MEMBER[1],
        ):
            form.is_valid()
            form.add_error(
                None, _("You have sent many comments in a short time. Please try again in an hour.")
            )
            status = 429
        elif form.is_valid():
            try:
                services.consultation_comment_add(
                    round=round,
                    author=request.user,
                    text=form.cleaned_data["text"],
                    level=form.chosen_level() if "level" in form.fields else None,
                    **self.item(thread),
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("Your comment is published for your administration."))
                return redirect(request.path)
        response = self.render_to_response(self.get_context_data(form=form))
        response.status_code = status
        return response


class ConsultationPositionView(_ThreadView):
    template_name = "competencies/consultation_position.html"

    def thread(self, round):
        try:
            return consultation.position_thread(round=round, slug=self.kwargs["slug"])
        except JobPosition.DoesNotExist:
            raise Http404 from None

    def item(self, thread):
        return {"position": thread.position}


class ConsultationCompetencyView(_ThreadView):
    template_name = "competencies/consultation_competency.html"

    def thread(self, round):
        try:
            return consultation.competency_thread(round=round, code=self.kwargs["code"])
        except Competency.DoesNotExist:
            raise Http404 from None

    def levels(self, thread):
        return thread.level_choices

    def item(self, thread):
        return {"competency": thread.competency}


@member_required
def consultation_comment_edit(request, pk):
    """A comment's author (or their focal point) changes it while the round is open; another
    administration's member gets 403."""
    try:
        comment = consultation.comment_detail(pk=pk)
    except ConsultationComment.DoesNotExist:
        raise Http404 from None
    if not services.comment_editable_by(comment, request.user):
        raise PermissionDenied
    form = CommentForm(request.POST or None, initial={"text": comment.text})
    status = 200
    if request.method == "POST":
        if not comment.round.is_open():
            form.is_valid()
            form.add_error(None, services.round_closed_message(comment.round))
            status = 409
        elif form.is_valid():
            services.consultation_comment_edit(
                comment=comment, by=request.user, text=form.cleaned_data["text"]
            )
            messages.success(request, _("Your comment is changed."))
            return redirect(consultation.comment_url(comment))
    response = render(
        request, "competencies/consultationcomment_form.html", {"form": form, "comment": comment}
    )
    response.status_code = status
    return response


class ConsultationResponseView(FocalPointRequiredMixin, TemplateView):
    """A focal point gives their administration's position on a round, and may change it while
    the round is open."""

    template_name = "competencies/consultationresponse_form.html"

    def get_context_data(self, **kwargs):
        round = _round_or_404(self.kwargs["pk"])
        existing = round.responses.filter(administration_id=self.request.user.administration_id)
        kwargs.setdefault("form", ResponseForm(instance=existing.first()))
        return super().get_context_data(round=round, **kwargs)

    def post(self, request, pk):
        round = _round_or_404(pk)
        form = ResponseForm(request.POST)
        status = 200
        if not round.is_open():
            form.is_valid()
            form.add_error(None, services.round_closed_message(round))
            status = 409
        elif form.is_valid():
            services.consultation_response_submit(
                round=round,
                by=request.user,
                stance=form.cleaned_data["stance"],
                text=form.cleaned_data["text"],
            )
            messages.success(request, _("Your administration's position is recorded."))
            return redirect(round)
        response = self.render_to_response(self.get_context_data(form=form))
        response.status_code = status
        return response
