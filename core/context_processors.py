"""Template context shared by every page."""

from django.conf import settings
from django.urls import translate_url


def site(request):
    """Links to the current page in each language, for the switcher and hreflang tags."""
    path = request.get_full_path()
    return {
        "language_versions": [
            {"code": code, "url": translate_url(path, code)} for code, _name in settings.LANGUAGES
        ],
    }
