"""The language versions of a document as a page in some language offers them."""

from dataclasses import dataclass

from django import template
from django.conf import settings
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from library.models import Document, DocumentFile

register = template.Library()

VERSION_LABELS = {"en": _("English version"), "ru": _("Russian version")}
# Said on a page when the document has no file in the page's language.
MISSING_NOTICES = {
    "en": _("There is no English version of this document; the Russian version is offered."),
    "ru": _(
        "This document has not been translated into Russian yet; the English version is offered."
    ),
}


@dataclass(frozen=True)
class Version:
    language: str
    label: str
    file: DocumentFile | None


@dataclass(frozen=True)
class Versions:
    available: list[Version]
    missing_notice: str  # empty when the page's language has a file


@register.simple_tag
def document_versions(document: Document) -> Versions:
    """The document's files, the page's language first, and a notice when that one is missing."""
    page_language = get_language() or settings.LANGUAGE_CODE
    codes = sorted((code for code, _name in settings.LANGUAGES), key=lambda c: c != page_language)
    available = [
        Version(code, str(VERSION_LABELS.get(code, code)), document_file)
        for code in codes
        if (document_file := document.file_in(code)) is not None
    ]
    has_own = any(version.language == page_language for version in available)
    notice = "" if has_own or not available else str(MISSING_NOTICES.get(page_language, ""))
    return Versions(available, notice)
