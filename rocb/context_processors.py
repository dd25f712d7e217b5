"""Template context shared by every page."""

from django.conf import settings
from django.urls import translate_url


def site(request):
    """Links to the current page in each language, for the switcher and (absolute, on the
    portal's own address, never on the host a request names) for the hreflang tags."""
    path = request.get_full_path()
    versions = []
    for code, _name in settings.LANGUAGES:
        url = translate_url(path, code)
        versions.append({"code": code, "url": url, "absolute_url": settings.SITE_URL + url})
    return {"language_versions": versions}
