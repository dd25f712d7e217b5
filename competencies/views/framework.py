"""The framework's public pages: the overview, the job positions and their competency-based
job descriptions, the dictionary of competencies, the qualifications framework, and two
positions compared. The same for every visitor: cached in urls.py."""

from django.shortcuts import render
from django.views.generic import TemplateView

from competencies import selectors
from competencies.forms import CompareForm


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
