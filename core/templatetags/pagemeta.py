"""What a page says about itself in its <head>: the canonical address, Open Graph tags.

Addresses are on settings.SITE_URL, never on the host a request names: public pages are
cached and shared, and a link built from one request's Host header would reach every visitor.
"""

from django import template
from django.conf import settings
from django.utils.encoding import escape_uri_path
from django.utils.safestring import mark_safe

register = template.Library()

# Open Graph locales of the page languages.
OG_LOCALES = {"en": "en_GB", "ru": "ru_RU"}


class CaptureNode(template.Node):
    child_nodelists = ("nodelist",)  # so that {% block %} tags inside are found and overridden

    def __init__(self, nodelist, name):
        self.nodelist = nodelist
        self.name = name

    def render(self, context):
        # The output is already escaped; only runs of whitespace are made one space.
        context[self.name] = mark_safe(" ".join(self.nodelist.render(context).split()))  # noqa: S308
        return ""


@register.tag
def capture(parser, token):
    """`{% capture as name %}…{% endcapture %}`: render the content once into `name`, so that a
    block (the page's title) can be shown in several places (<title>, og:title)."""
    bits = token.split_contents()
    if len(bits) != 3 or bits[1] != "as":
        raise template.TemplateSyntaxError("Usage: {% capture as name %}…{% endcapture %}")
    nodelist = parser.parse(("endcapture",))
    parser.delete_first_token()
    return CaptureNode(nodelist, bits[2])


def on_site_path(path: str) -> str:
    """A path of this site made absolute on SITE_URL; leading slashes are made one, so that a
    path such as `//evil.example/` cannot read as another host."""
    return settings.SITE_URL + escape_uri_path("/" + path.lstrip("/\\"))


@register.filter
def on_site(path: str) -> str:
    """`{{ item.image.url|on_site }}`: the absolute address of a path of this site."""
    return on_site_path(path) if path else ""


@register.simple_tag(takes_context=True)
def canonical_url(context) -> str:
    """The page's own address: its path without filters or tracking parameters, only the page
    number of a list kept (page 2 is another page, not a copy of page 1)."""
    request = context.get("request")
    if request is None:
        return settings.SITE_URL + "/"
    url = on_site_path(request.path)
    page = request.GET.get("page", "")
    if page.isascii() and page.isdigit() and int(page) > 1:  # "²" is a digit, not a number
        url += f"?page={int(page)}"
    return url


@register.simple_tag
def og_locale(language: str) -> str:
    return OG_LOCALES.get(language, OG_LOCALES[settings.LANGUAGE_CODE])


@register.simple_tag
def og_alternate_locales(language: str) -> list[str]:
    return [locale for code, locale in OG_LOCALES.items() if code != language]
