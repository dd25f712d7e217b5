"""Template context shared by every page."""

from django.conf import settings
from django.urls import translate_url
from django.utils.encoding import escape_uri_path, iri_to_uri


def on_site_path(request) -> str:
    """The request's path and query as a link on this site. A path may start with "//" or "/\\"
    (`//evil.example/en/` is a path the server receives), which a browser, and
    `translate_url`, would read as another site's address: the slashes are made one."""
    path = escape_uri_path("/" + request.path.lstrip("/\\"))
    query = request.META.get("QUERY_STRING", "")
    return f"{path}?{iri_to_uri(query)}" if query else path


def site(request):
    """Links to the current page in each language, for the switcher and (absolute, on the
    portal's own address, never on the host a request names) for the hreflang tags."""
    path = on_site_path(request)
    versions = []
    for code, _name in settings.LANGUAGES:
        url = translate_url(path, code)
        versions.append({"code": code, "url": url, "absolute_url": settings.SITE_URL + url})
    return {"language_versions": versions}
