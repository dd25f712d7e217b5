"""Members' self-assessments against a profile of the qualifications framework: the form, the
result aspect by aspect and deletion. Each visible to its author alone, never cached."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from administrations.access import MemberRequiredMixin, member_required
from competencies import selectors, services
from competencies.forms import ProfileAssessmentForm
from competencies.views.assessments import delete_own


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
    return delete_own(
        request,
        get_object_or_404(selectors.profile_assessments_of(request.user), pk=pk),
        delete=services.profile_assessment_delete,
        template="competencies/profileassessment_confirm_delete.html",
    )
