"""Showing translated content: where the Russian text is missing, the English one shows, marked
(and for content typed in either language, such as needs requests, the Russian one on English
pages).

modeltranslation already falls back to English when `obj.title` is read on a Russian page;
these helpers tell the reader (and screen readers, through `lang="en"`) that it happened.
"""

import html
from types import SimpleNamespace

from django import template
from django.conf import settings
from django.template.defaultfilters import linebreaks_filter
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from modeltranslation.utils import build_localized_fieldname

register = template.Library()


def _fallback_language(obj, field: str) -> str | None:
    """The language of the text `field` shows when the page's language has none (English,
    or for models that fall back both ways, the other language); None when it has its own."""
    language = get_language() or settings.LANGUAGE_CODE
    own = getattr(obj, build_localized_fieldname(field, language), None)
    if own or not getattr(obj, field, None):
        return None
    for code, _name in settings.LANGUAGES:
        if code != language and getattr(obj, build_localized_fieldname(field, code), None):
            return code
    if language == settings.MODELTRANSLATION_DEFAULT_LANGUAGE:
        return None
    return settings.MODELTRANSLATION_DEFAULT_LANGUAGE


def _is_fallback(obj, field: str) -> bool:
    return _fallback_language(obj, field) is not None


@register.filter
def falls_back(obj, field: str) -> bool:
    """True when `field` has no text in the page's language and shows another language's."""
    return _is_fallback(obj, field)


def _mark(language: str) -> str:
    """What follows a text shown in `language` for want of the page's own."""
    return {"en": _("(in English)"), "ru": _("(in Russian)")}.get(language, "")


@register.simple_tag
def translated(obj, field: str):
    """The field's text in the page's language, or another language's text marked as such."""
    value = getattr(obj, field, "") or ""
    shown = _fallback_language(obj, field)
    if shown is None:
        return value
    # format_html escapes the content's text: only the two spans are markup.
    return format_html(
        '<span lang="{}">{}</span> <span class="untranslated">{}</span>',
        shown,
        value,
        _mark(shown),
    )


@register.simple_tag
def translated_paragraphs(obj, field: str):
    """`translated` for a long text shown as paragraphs (Django's `linebreaks`). Where another
    language's text stands in, its paragraphs are marked as a whole and the mark follows them:
    a span may not hold paragraphs."""
    # The template filter `linebreaks`: the text escaped, in <p> and <br> (safe HTML).
    paragraphs = linebreaks_filter(getattr(obj, field, "") or "", autoescape=True)
    shown = _fallback_language(obj, field)
    if shown is None:
        return paragraphs
    # format_html escapes the mark; the paragraphs are safe HTML already.
    return format_html(
        '<div lang="{}">{}</div><p class="untranslated">{}</p>', shown, paragraphs, _mark(shown)
    )


def shown_value(values: dict, field: str, language: str) -> tuple[str, bool]:
    """A translated field's text in rows read as values (`field_en`, `field_ru`), as a model
    that falls back to English only shows it (the page language's, else the English), and
    whether it is the English standing in: for rows written in Python, without model instances."""
    own = values[f"{field}_{language}"]
    if own or language == "en":
        return own or "", False
    english = values[f"{field}_en"] or ""
    return english, bool(english)


def translated_value(values: dict, field: str, language: str) -> SafeString:
    """`translated` for such values: the field's text escaped, marked where English stands in."""
    text, fallback = shown_value(values, field, language)
    if not fallback:
        # Escaped by `html.escape`, as Django's `escape` does without its lazy-text round: safe.
        # Made a SafeString directly: `mark_safe`'s own lazy-text check tripled the cost of a call
        # made for every name of the country page (some 70 a page).
        return SafeString(html.escape(text))
    names = SimpleNamespace(**{field: text, f"{field}_{language}": "", f"{field}_en": text})
    return translated(names, field)


@register.simple_tag
def translated_text(obj, field: str) -> str:
    """`translated` as plain text, for a page's title and meta tags where no markup goes: the
    English text followed by "(in English)" when it stands in for a missing translation."""
    value = getattr(obj, field, "") or ""
    if not _is_fallback(obj, field):
        return value
    return f"{value} {_('(in English)')}"


@register.filter
def in_running_text(name) -> str:
    """A name as it stands inside a sentence or list: Russian writes language names (and month
    names) in lower case there, «английский (C1); русский (B2)», English keeps its capital."""
    name = str(name)
    if (get_language() or "").startswith("ru") and name[:1].isupper() and not name[1:2].isupper():
        return name[:1].lower() + name[1:]
    return name
