"""Long translated texts shown as paragraphs: a text in the page's language is Django's
`linebreaks` of it; another language's text standing in is marked around its paragraphs, so the
markup stays valid (a span may not hold paragraphs)."""

from html.parser import HTMLParser
from types import SimpleNamespace

import pytest
from django.utils import translation
from django.utils.html import linebreaks

from core.templatetags.content import translated, translated_paragraphs

TEXT = "Audits of <customs> valuation.\n\nRisk management, 2019–2024."


class Nesting(HTMLParser):
    """Fails on an element closed out of order (a <p> closed inside a <span>)."""

    def __init__(self):
        super().__init__()
        self.open: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.open.append(tag)

    def handle_endtag(self, tag):
        assert self.open and self.open[-1] == tag, (self.open, tag)
        self.open.pop()


def well_nested(html: str) -> bool:
    parser = Nesting()
    parser.feed(html)
    parser.close()
    return parser.open == []


def english_only(text: str) -> SimpleNamespace:
    """An expert's record with its experience in English only (modeltranslation's field shows
    the English text on a Russian page)."""
    return SimpleNamespace(experience=text, experience_en=text, experience_ru="")


def test_a_text_in_the_page_language_is_its_paragraphs():
    with translation.override("en"):
        html = translated_paragraphs(english_only(TEXT), "experience")
    assert html == (
        "<p>Audits of &lt;customs&gt; valuation.</p>\n\n<p>Risk management, 2019–2024.</p>"
    )


def test_english_standing_in_is_marked_around_its_paragraphs():
    with translation.override("ru"):
        html = translated_paragraphs(english_only(TEXT), "experience")
    assert html.startswith('<div lang="en"><p>Audits of &lt;customs&gt; valuation.</p>')
    assert html.endswith('</p></div><p class="untranslated">(на английском)</p>')
    assert well_nested(html)


def test_the_check_finds_a_mark_around_paragraphs():
    # `translated` then `linebreaks`, as the pages did: the span opened in the first paragraph
    # closed in the last.
    with translation.override("ru"):
        old = linebreaks(translated(english_only(TEXT), "experience"))
    with pytest.raises(AssertionError):
        well_nested(old)
