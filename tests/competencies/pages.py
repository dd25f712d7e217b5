"""Reading tables out of rendered pages, the way a reader sees them."""

import re
from html.parser import HTMLParser


class _Tables(HTMLParser):
    def __init__(self, css_class: str | None):
        super().__init__(convert_charrefs=True)
        self.css_class = css_class
        self.tables: list[list[list[str]]] = []
        self._depth = 0  # inside a matching table
        self._cell: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        classes = (dict(attrs).get("class") or "").split()
        if tag == "table" and (self._depth or self.css_class in (None, *classes)):
            self._depth += 1
            if self._depth == 1:
                self.tables.append([])
        elif self._depth and tag == "tr":
            self.tables[-1].append([])
        elif self._depth and tag in ("td", "th"):
            self._cell = []

    def handle_endtag(self, tag):
        if tag == "table" and self._depth:
            self._depth -= 1
        elif self._depth and tag in ("td", "th") and self._cell is not None:
            self.tables[-1][-1].append(re.sub(r"\s+", " ", " ".join(self._cell)).strip())
            self._cell = None

    def handle_data(self, data):
        if self._cell is not None and data.strip():
            self._cell.append(data.strip())


def tables(html: str, css_class: str | None = None) -> list[list[list[str]]]:
    """The tables (of that class): rows of cell texts (list items joined by a space)."""
    parser = _Tables(css_class)
    parser.feed(html)
    return parser.tables
