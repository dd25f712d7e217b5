"""Members' self-assessments against a job position: the list of one's own (of both kinds), the
form, the gap profile and deletion. Each visible to its author alone, never cached."""

from django.contrib import messages
from django.core.validators import slug_re
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from administrations.access import MemberRequiredMixin, member_required
from competencies import selectors, services
from competencies.forms import SelfAssessmentForm, StartAssessmentForm, StartProfileAssessmentForm
from competencies.models import JobPosition


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


def delete_own(request, assessment, *, delete, template: str):
    """The page that asks to confirm, and the post that deletes one of the member's own
    self-assessments (of either kind) with the service given."""
    if request.method == "POST":
        delete(assessment=assessment)
        messages.success(request, _("Your self-assessment is deleted."))
        return redirect("competencies:assessment_list")
    return render(request, template, {"assessment": assessment})


@member_required
def assessment_delete(request, pk):
    return delete_own(
        request,
        get_object_or_404(selectors.assessments_of(request.user), pk=pk),
        delete=services.assessment_delete,
        template="competencies/selfassessment_confirm_delete.html",
    )
