"""Template context shared by every page."""

from urllib.parse import unquote, urlsplit, urlunsplit

from django.conf import settings
from django.urls import NoReverseMatch, reverse, translate_url
from django.utils import translation
from django.utils.encoding import escape_uri_path, iri_to_uri


def on_site_path(request) -> str:
    """The request's path and query as a link on this site. A path may start with "//" or "/\\"
    (`//evil.example/en/` is a path the server receives), which a browser, and
    `translate_url`, would read as another site's address: the slashes are made one."""
    path = escape_uri_path("/" + request.path.lstrip("/\\"))
    query = request.META.get("QUERY_STRING", "")
    return f"{path}?{iri_to_uri(query)}" if query else path


def translated_path(request, path: str, language: str) -> str:
    """`translate_url(path, language)`, from the match Django made of the request when `path` is
    the request's own: resolving it again, once per language, cost more than the rest of the
    language links (the URL patterns are tried one by one)."""
    match = request.resolver_match
    parts = urlsplit(path)
    if match is None or unquote(parts.path) != request.path_info:
        return translate_url(path, language)
    name = f"{match.namespace}:{match.url_name}" if match.namespace else match.url_name
    with translation.override(language):
        try:
            url = reverse(name, args=match.args, kwargs=match.kwargs)
        except NoReverseMatch:
            return path
    return urlunsplit((parts.scheme, parts.netloc, url, parts.query, parts.fragment))


def site(request):
    """Links to the current page in each language, for the switcher and (absolute, on the
    portal's own address, never on the host a request names) for the hreflang tags."""
    path = on_site_path(request)
    versions = []
    for code, _name in settings.LANGUAGES:
        url = translated_path(request, path, code)
        versions.append({"code": code, "url": url, "absolute_url": settings.SITE_URL + url})
    return {"language_versions": versions}
