"""Documents on the public pages (public ones) and in the members area (public and members')."""

import logging

from django.core.paginator import Page
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.decorators import method_decorator
from django.utils.functional import cached_property
from django.views.decorators.cache import never_cache
from django.views.generic import DetailView, TemplateView

from administrations.access import MemberRequiredMixin, member_required
from core.files import attachment_response
from core.pagination import WindowCountPagination
from library import selectors
from library.models import Document, DocumentFile

logger = logging.getLogger(__name__)


class PublicArea:
    """Which documents a page shows and where its links go: the public pages."""

    visibilities = Document.PUBLIC_PAGES
    area = "public"
    list_url_name = "library:document_list"
    detail_url_name = "library:document_detail"
    download_url_name = "library:document_download"

    def area_context(self) -> dict:
        return {
            "area": self.area,
            "list_url_name": self.list_url_name,
            "detail_url_name": self.detail_url_name,
            "download_url_name": self.download_url_name,
        }


class MembersArea(PublicArea):
    """The members area: public and members' documents, never the staff-only archive."""

    visibilities = Document.MEMBERS_AREA
    area = "members"
    list_url_name = "library:material_list"
    detail_url_name = "library:material_detail"
    download_url_name = "library:material_download"


class DocumentListView(PublicArea, WindowCountPagination, TemplateView):
    """Public documents, searchable and filtered by category (cached in urls.py)."""

    template_name = "library/document_list.html"
    paginate_by = 20
    page_kwarg = "page"

    def get_context_data(self, **kwargs):
        # Validated on every visit: the page's title says "Error:" when the filters have one.
        self.filterset = selectors.document_filter(
            params=self.request.GET, visibilities=self.visibilities
        )
        query = self.request.GET.copy()
        query.pop("page", None)
        return super().get_context_data(
            filterset=self.filterset,
            filtered=any(query.get(name) for name in self.filterset.filters),
            page_query=query.urlencode(),
            **self.area_context(),
            **kwargs,
        )

    @cached_property
    def page(self) -> Page:
        """The page of documents asked for, read when the template first shows it (`view.page`):
        the results are a fragment cached for each query string, and a page that finds it
        counts and reads no document."""
        # An invalid query (too long, a category that does not exist) lists nothing and says why.
        documents = self.filterset.qs if self.filterset.is_valid() else Document.objects.none()
        _paginator, page, _rows, _is_paginated = self.paginate_queryset(documents, self.paginate_by)
        return page


class DocumentDetailView(PublicArea, DetailView):
    """One public document (cached in urls.py)."""

    template_name = "library/document_detail.html"
    context_object_name = "document"

    def get_queryset(self):
        return selectors.documents_visible(visibilities=self.visibilities)

    def get_context_data(self, **kwargs):
        return super().get_context_data(**self.area_context(), **kwargs)


# Access: members of a member administration and office staff (MemberRequiredMixin).
@method_decorator(never_cache, name="dispatch")
class MaterialListView(MemberRequiredMixin, MembersArea, DocumentListView):
    """Translated materials: public and members' documents, searchable, by category."""


# Access: members of a member administration and office staff (MemberRequiredMixin).
@method_decorator(never_cache, name="dispatch")
class MaterialDetailView(MemberRequiredMixin, MembersArea, DocumentDetailView):
    """One public or members' document."""


def serve_document_file(document_file: DocumentFile):
    """The file as a download under its uploaded name; 404 if storage has lost it."""
    filename = document_file.original_name or (
        f"document-{document_file.document_id}-{document_file.language}.{document_file.kind}"
    )
    try:
        return attachment_response(document_file.file, filename=filename)
    except FileNotFoundError:
        logger.error("Missing file %s of document %s", document_file.file.name, document_file.pk)
        raise Http404 from None


def _download(visibilities, pk: int, language: str):
    document_file = get_object_or_404(
        selectors.document_files_visible(visibilities=visibilities),
        document_id=pk,
        language=language,
    )
    return serve_document_file(document_file)


def document_download(request, pk: int, language: str):
    """A public document's file: anyone."""
    return _download(Document.PUBLIC_PAGES, pk, language)


@member_required  # Access: members of a member administration and office staff.
def material_download(request, pk: int, language: str):
    """A file of a public or members' document; staff-only files are served only in the admin."""
    return _download(Document.MEMBERS_AREA, pk, language)
