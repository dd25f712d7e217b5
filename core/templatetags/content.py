"""Showing translated content: where the Russian text is missing, the English one shows, marked.

modeltranslation already falls back to English when `obj.title` is read on a Russian page;
these helpers tell the reader (and screen readers, through `lang="en"`) that it happened.
"""

from django import template
from django.conf import settings
from django.utils.html import format_html
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from modeltranslation.utils import build_localized_fieldname

register = template.Library()


def _is_fallback(obj, field: str) -> bool:
    language = get_language() or settings.LANGUAGE_CODE
    if language == settings.MODELTRANSLATION_DEFAULT_LANGUAGE:
        return False
    own = getattr(obj, build_localized_fieldname(field, language), None)
    return not own and bool(getattr(obj, field, None))


@register.filter
def falls_back(obj, field: str) -> bool:
    """True when `field` has no text in the page's language and shows the English one."""
    return _is_fallback(obj, field)


@register.simple_tag
def translated(obj, field: str):
    """The field's text in the page's language, or the English text marked as such."""
    value = getattr(obj, field, "") or ""
    if not _is_fallback(obj, field):
        return value
    # format_html escapes the content's text: only the two spans are markup.
    return format_html(
        '<span lang="en">{}</span> <span class="untranslated">{}</span>',
        value,
        _("(in English)"),
    )


@register.simple_tag
def translated_text(obj, field: str) -> str:
    """`translated` as plain text, for a page's title and meta tags where no markup goes: the
    English text followed by "(in English)" when it stands in for a missing translation."""
    value = getattr(obj, field, "") or ""
    if not _is_fallback(obj, field):
        return value
    return f"{value} {_('(in English)')}"
