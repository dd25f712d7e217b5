"""Site search over public content, gathered from the apps.

An app takes part with a `search.py` module defining
`public_hits(*, query: str, language: str, limit: int) -> list[Hit]`, which searches its
public content with PostgreSQL full text in the page's language (see `search_config`).
"""

from dataclasses import dataclass
from importlib import import_module
from importlib.util import find_spec

from django.apps import apps
from django.conf import settings
from django.contrib.postgres.search import SearchQuery
from django.utils.translation import get_language

# PostgreSQL text search configurations by page language (built in: no extension needed).
SEARCH_CONFIGS = {"en": "english", "ru": "russian"}


@dataclass(frozen=True)
class Hit:
    kind: str  # a translated label of the group, e.g. "News"
    title: str
    url: str
    summary: str = ""
    rank: float = 0.0
    lang: str = ""  # the language of title and summary where it is not the page's (a fallback)


def search_config(language: str | None = None) -> str:
    return SEARCH_CONFIGS.get(language or get_language() or settings.LANGUAGE_CODE, "simple")


def search_query(text: str, language: str | None = None) -> SearchQuery:
    """A web-style query (words, "phrases", -exclusions) stemmed for the language."""
    return SearchQuery(text, search_type="websearch", config=search_config(language))


def public_search(query: str, *, language: str, limit: int = 10) -> list[tuple[str, list[Hit]]]:
    """Hits of every taking-part app, grouped by kind, in INSTALLED_APPS order."""
    groups: dict[str, list[Hit]] = {}
    for app in apps.get_app_configs():
        module_name = f"{app.name}.search"
        if find_spec(module_name) is None:
            continue
        # Other packages have `search` modules too (django.contrib.postgres.search): only a
        # module with `public_hits` takes part.
        public_hits = getattr(import_module(module_name), "public_hits", None)
        if public_hits is None:
            continue
        for hit in public_hits(query=query, language=language, limit=limit):
            groups.setdefault(hit.kind, []).append(hit)
    return list(groups.items())
