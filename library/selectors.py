"""Reads of the library: who sees which documents, searched and filtered."""

from collections.abc import Iterable

from django.db.models import Prefetch, QuerySet
from django.http import QueryDict

from library.filters import DocumentFilter, full_text
from library.models import Document, DocumentFile


def documents_visible(*, visibilities: Iterable[str]) -> QuerySet[Document]:
    """Documents of the given visibilities, with what a listing shows."""
    return (
        Document.objects.visible_in(visibilities)
        .defer("search_en", "search_ru")  # searched in the database, never shown
        .select_related("category")
        .prefetch_related(
            Prefetch(
                "files", queryset=DocumentFile.objects.only("document", "language", "size", "kind")
            )
        )
    )


def document_filter(*, params: QueryDict, visibilities: Iterable[str]) -> DocumentFilter:
    """The documents' FilterSet for a listing: its form for the page, its `qs` for the rows."""
    return DocumentFilter(params, queryset=documents_visible(visibilities=visibilities))


def document_files_visible(*, visibilities: Iterable[str]) -> QuerySet[DocumentFile]:
    """Files whose document may be seen with the given visibilities (for downloads)."""
    return DocumentFile.objects.filter(document__visibility__in=visibilities)


def public_document_search(*, query: str, language: str) -> QuerySet[Document]:
    """Public documents matching a site search, best first."""
    documents = Document.objects.visible_in(Document.PUBLIC_PAGES).only(
        "id", "title_en", "title_ru", "description_en", "description_ru", "published_on"
    )
    return full_text(documents, text=query, language=language)


def public_document_ids() -> QuerySet[Document]:
    """The public documents' ids and dates, newest first, as plain rows (for the sitemap)."""
    return Document.objects.visible_in(Document.PUBLIC_PAGES).values("pk", "published_on")
