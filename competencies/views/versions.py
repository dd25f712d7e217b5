"""The numbered versions of the framework, public and cached: earlier ones stay readable, each
with what it changed against the one before."""

from django.http import Http404
from django.views.generic import TemplateView

from competencies import selectors
from competencies.models import FrameworkVersion, VersionedPosition


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
