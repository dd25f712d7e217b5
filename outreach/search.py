"""Site search over published news, published events and the promoted tools (rocb.sitesearch)."""

from django.contrib.postgres.search import SearchRank
from django.db.models import F
from django.utils import translation
from django.utils.translation import gettext as _

from outreach.models import Event, NewsItem, Tool
from rocb.sitesearch import Hit, search_query

# The stored vector that matches each page language (see outreach.models.search_vector_field).
VECTORS = {"en": "search_en", "ru": "search_ru"}


def _matches(queryset, *, vector: str, query, limit: int):
    return (
        queryset.without_search_vectors()
        .filter(**{vector: query})
        .annotate(rank=SearchRank(F(vector), query))
        .order_by("-rank", "pk")[:limit]
    )


def public_hits(*, query: str, language: str, limit: int) -> list[Hit]:
    if not query.strip():
        return []
    vector = VECTORS.get(language, "search_en")
    search = search_query(query, language)
    with translation.override(language):
        news = _matches(
            NewsItem.objects.published().defer("body_en", "body_ru", "body"),
            vector=vector,
            query=search,
            limit=limit,
        )
        events = _matches(Event.objects.published(), vector=vector, query=search, limit=limit)
        tools = _matches(Tool.objects.all(), vector=vector, query=search, limit=limit)
        return (
            [Hit(_("News"), n.title, n.get_absolute_url(), n.summary, n.rank) for n in news]
            + [Hit(_("Events"), e.title, e.get_absolute_url(), e.place, e.rank) for e in events]
            + [
                Hit(_("Tools and e-learning"), t.title, t.get_absolute_url(), t.description, t.rank)
                for t in tools
            ]
        )
