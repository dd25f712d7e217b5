"""Helpers to read rendered pages the way a person (or a screen reader) does."""

import re
from html.parser import HTMLParser

_SKIPPED = {"script", "style", "template"}
_SPOKEN_ATTRIBUTES = {"aria-label", "title", "alt", "placeholder"}
# Latin-script text that legitimately stays on a Russian page: names of languages in their own
# language, codes, and proper names of the WCO's products.
RUSSIAN_PAGE_LATIN_ALLOWED = {
    "English",
    "CLiKC",
    "ISO",
    "CSV",
    "XLSX",
    "vCard",
    "RSS",
    "Atom",
    "PDF",
    "IATI",  # the open-data standard the Work Plan is published in
    "XML",
}


class _TextCollector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.chunks: list[str] = []
        self._skip_depth = 0
        self._english_depth = 0
        self._stack: list[tuple[str, bool]] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        english = attributes.get("lang", "").startswith("en")
        if tag not in {"br", "img", "input", "meta", "link", "hr", "source", "wbr"}:
            self._stack.append((tag, english))
            self._english_depth += english
            self._skip_depth += tag in _SKIPPED
        if tag == "meta" and attributes.get("name") == "description":
            self.chunks.append(attributes.get("content") or "")
        if not self._english_depth and not english:
            self.chunks.extend(v for k, v in attributes.items() if k in _SPOKEN_ATTRIBUTES and v)

    def handle_endtag(self, tag):
        while self._stack:
            open_tag, english = self._stack.pop()
            self._english_depth -= english
            self._skip_depth -= open_tag in _SKIPPED
            if open_tag == tag:
                break

    def handle_data(self, data):
        # Text marked lang="en" (English content shown as a fallback) is allowed on any page.
        if not self._skip_depth and not self._english_depth and data.strip():
            self.chunks.append(data.strip())


def visible_text(html: str) -> list[str]:
    """Text a reader meets on the page, with the spoken attributes; English-marked text left out."""
    collector = _TextCollector()
    collector.feed(html)
    return collector.chunks


def latin_words(html: str, allowed: set[str] = frozenset()) -> list[str]:
    """Words in Latin script on a page, apart from the allowed ones: stray English on a Russian
    page. Email addresses and URLs are not words."""
    words = []
    for chunk in visible_text(html):
        chunk = re.sub(r"\S+@\S+|https?://\S+", " ", chunk)
        words += re.findall(r"[A-Za-z][A-Za-z'’-]{2,}", chunk)
    permitted = RUSSIAN_PAGE_LATIN_ALLOWED | set(allowed)
    return [word for word in words if word not in permitted]
