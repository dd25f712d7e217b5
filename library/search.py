"""The library's part of the site search: public documents only, never members' or staff's."""

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.text import Truncator
from django.utils.translation import gettext
from modeltranslation.utils import build_localized_fieldname

from core.sitesearch import Hit
from library.selectors import public_document_search


def public_hits(*, query: str, language: str, limit: int) -> list[Hit]:
    with translation.override(language):
        kind = gettext("Documents")
        return [
            _hit(document, kind=kind, language=language)
            for document in public_document_search(query=query, language=language)[:limit]
        ]


def _hit(document, *, kind: str, language: str) -> Hit:
    # Title and summary come from one language: the page's where the title is translated,
    # else the English text, marked as English.
    shown = language
    if not getattr(document, build_localized_fieldname("title", language), ""):
        shown = settings.MODELTRANSLATION_DEFAULT_LANGUAGE
    title = getattr(document, build_localized_fieldname("title", shown))
    description = getattr(document, build_localized_fieldname("description", shown)) or ""
    return Hit(
        kind=kind,
        title=title,
        url=reverse("library:document_detail", kwargs={"pk": document.pk}),
        summary=Truncator(description).words(30),
        rank=document.rank,
        lang="" if shown == language else shown,
    )
