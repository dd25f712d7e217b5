"""Pages of the competency framework. The public ones are cached in urls.py; the self-assessment
pages belong to members, each to its author alone, and are never cached."""

from django.contrib import messages
from django.core.validators import slug_re
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from administrations.access import MemberRequiredMixin, member_required
from competencies import selectors, services
from competencies.forms import CompareForm, SelfAssessmentForm, StartAssessmentForm
from competencies.models import JobPosition


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
        position = get_object_or_404(JobPosition, slug=slug)
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
