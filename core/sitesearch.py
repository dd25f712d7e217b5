"""Site search over public content, gathered from the apps, and a search that forgives.

An app takes part with a `search.py` module defining
`public_hits(*, query: str, language: str, limit: int) -> list[Hit]`, which searches its
public content with PostgreSQL full text in the page's language (see `search_config`).

A search that forgives (`site_search`, and the experts search through `with_synonyms` and
`any_word`): the office's synonyms (core.SynonymGroup) widen a query, «электронное обучение»
finding «электронный курс» and e-learning too; when all the words together match nothing, any
of them matches instead, best match first, and the page says so.
"""

import re
from dataclasses import dataclass
from importlib import import_module
from importlib.util import find_spec

from django.apps import apps
from django.conf import settings
from django.contrib.postgres.search import SearchQuery
from django.core.cache import cache
from django.utils.translation import get_language

from core.generations import generations
from core.models import SynonymGroup

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


# A word of a web-style query: letters and digits, with inner hyphens ("e-learning").
_WORD = re.compile(r"\w+(?:-\w+)*")


def synonym_groups() -> list[list[str]]:
    """The office's synonym groups, each a list of lower-case terms; kept in the cache until
    the table changes (a search reads no table for them)."""
    key = f"search-synonyms:{generations([SynonymGroup._meta.db_table])[0]}"
    groups = cache.get(key)
    if groups is None:
        groups = [group.term_list() for group in SynonymGroup.objects.all()]
        cache.set(key, groups, timeout=24 * 3600)
    return groups


def _contains(text: str, term: str) -> bool:
    return re.search(rf"(?<![\w-]){re.escape(term)}(?![\w-])", text) is not None


def with_synonyms(text: str) -> str:
    """The query with each synonym the office lists as another way to say a term in it, as
    alternatives ("a b or c d": PostgreSQL's web-style `or`)."""
    lowered = " ".join(text.lower().split())
    variants = [lowered]
    for terms in synonym_groups():
        for term in terms:
            if _contains(lowered, term):
                pattern = rf"(?<![\w-]){re.escape(term)}(?![\w-])"
                variants += [re.sub(pattern, other, lowered) for other in terms if other != term]
                break
    unique = list(dict.fromkeys(variants))
    return text if len(unique) == 1 else " or ".join(unique)


def search_words(text: str) -> list[str]:
    """The words a query asks for: without the words it leaves out (-word) and `or`."""
    return [
        word
        for token in text.replace('"', " ").split()
        if not token.startswith("-") and token.lower() != "or"
        for word in _WORD.findall(token)
    ]


def any_word(text: str) -> str:
    """The query loosened to any of its words ("a or b or c"), or "" if it has only one word
    (then nothing looser exists)."""
    words = list(dict.fromkeys(word.lower() for word in search_words(text)))
    return " or ".join(words) if len(words) > 1 else ""


@dataclass(frozen=True)
class SiteSearchResult:
    groups: list[tuple[str, list[Hit]]]
    any_word: bool  # no page had all the words: these have any of them, best first


def site_search(query: str, *, language: str, limit: int = 10) -> SiteSearchResult:
    """The site search that forgives: with the office's synonyms, and with any of the words
    when all of them together find nothing."""
    widened = with_synonyms(query)
    groups = public_search(widened, language=language, limit=limit)
    if not groups and (loose := any_word(widened)):
        loose_groups = public_search(loose, language=language, limit=limit)
        for _kind, hits in loose_groups:
            hits.sort(key=lambda hit: -hit.rank)
        return SiteSearchResult(loose_groups, any_word=bool(loose_groups))
    return SiteSearchResult(groups, any_word=False)
