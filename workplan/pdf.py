"""The progress report as a PDF: WeasyPrint lays out the report's own HTML with the site's
stylesheet (its print rules, as a browser prints the page) and embeds a local font that has
Cyrillic glyphs, so the Russian report never shows empty boxes.

WeasyPrint is imported when a PDF is made, not with this module: it loads Pango through cffi,
and a host without those libraries still serves every page but the PDF.
"""

import logging
import re
from functools import cache
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.exceptions import ImproperlyConfigured

FONT_FAMILY = "DejaVu Sans"
FONT_FILES = {"normal": "DejaVuSans.ttf", "bold": "DejaVuSans-Bold.ttf"}
STYLESHEET = "css/site.css"


def font_paths() -> dict[str, Path]:
    """The font files by weight, from `settings.PDF_FONT_DIR`; refused when one is missing (a
    PDF in a fallback font may show Russian text as boxes)."""
    folder = Path(settings.PDF_FONT_DIR)
    paths = {weight: folder / name for weight, name in FONT_FILES.items()}
    missing = [str(path) for path in paths.values() if not path.is_file()]
    if missing:
        raise ImproperlyConfigured(
            f"The PDF font is missing ({', '.join(missing)}): install Debian's fonts-dejavu-core "
            "or set PDF_FONT_DIR to a folder with DejaVuSans.ttf and DejaVuSans-Bold.ttf."
        )
    return paths


def _font_css(paths: dict[str, Path]) -> str:
    faces = "".join(
        f'@font-face {{ font-family: "{FONT_FAMILY}"; src: url("{path.as_uri()}"); '
        f"font-weight: {weight}; font-style: normal; }}\n"
        for weight, path in paths.items()
    )
    # Every text in the font, the charts' too; no synthesised italics (the font has none).
    return (
        faces
        + f'html, body, .chart, .chart text {{ font-family: "{FONT_FAMILY}", sans-serif; }}\n'
        + "em, i { font-style: normal; }\n"
    )


# Site stylesheet rules that draw the charts: WeasyPrint styles an inline SVG only from a
# <style> inside it, so the PDF's charts carry these (see includes/_status_chart.html).
SVG_SELECTOR = re.compile(r"^\s*\.(chart|status-|result-|swatch)")
CUSTOM_PROPERTY = re.compile(r"var\((--[\w-]+)\)")


@cache
def svg_css() -> str:
    """The chart rules of the site's stylesheet, outside media queries, with its custom
    properties written out (WeasyPrint's SVG knows no var())."""
    import tinycss2

    with open(finders.find(STYLESHEET), encoding="utf-8") as stylesheet:
        rules = tinycss2.parse_stylesheet(
            stylesheet.read(), skip_comments=True, skip_whitespace=True
        )
    properties, kept = {}, []

    def written_out(match) -> str:
        return properties.get(match[1], "initial")

    for rule in rules:
        if rule.type != "qualified-rule":
            continue
        selector = tinycss2.serialize(rule.prelude).strip()
        body = tinycss2.serialize(rule.content).strip()
        if selector == ":root":
            for declaration in tinycss2.parse_blocks_contents(rule.content):
                if declaration.type == "declaration" and declaration.name.startswith("--"):
                    properties[declaration.name] = tinycss2.serialize(declaration.value).strip()
        elif SVG_SELECTOR.match(selector):
            kept.append((selector, body))
    return (
        "\n".join(
            f"{selector} {{ {CUSTOM_PROPERTY.sub(written_out, body)} }}" for selector, body in kept
        )
        + f'\ntext {{ font-family: "{FONT_FAMILY}", sans-serif; }}'
    )


def html_to_pdf(html: str) -> bytes:
    """The PDF of a document written for it (see workplan/period_report_pdf.html). Links are
    made absolute on `SITE_URL`; nothing but the font files is ever fetched, so no address in
    the content makes the server fetch it."""
    from weasyprint import CSS, HTML, URLFetcher
    from weasyprint.text.fonts import FontConfiguration

    # The site stylesheet's screen rules and properties WeasyPrint does not know are expected.
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    paths = font_paths()
    allowed = {path.as_uri() for path in paths.values()}

    class FontsOnly(URLFetcher):
        def fetch(self, url, headers=None):
            if url not in allowed:
                raise ValueError(f"Not fetched for a PDF: {url}")
            return super().fetch(url, headers)

    stylesheet = finders.find(STYLESHEET)
    if stylesheet is None:
        raise ImproperlyConfigured(f"The stylesheet {STYLESHEET} is not among the static files.")
    fetcher = FontsOnly(allowed_protocols=["file"])
    fonts = FontConfiguration()
    document = HTML(string=html, base_url=f"{settings.SITE_URL}/", url_fetcher=fetcher)
    return document.write_pdf(
        stylesheets=[
            CSS(filename=stylesheet, url_fetcher=fetcher, font_config=fonts),
            CSS(string=_font_css(paths), url_fetcher=fetcher, font_config=fonts),
        ],
        font_config=fonts,
    )
