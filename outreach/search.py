"""Site search over published news, published events and the tools (core.sitesearch)."""

from django.utils import translation
from django.utils.translation import gettext as _

from core.sitesearch import Hit, search_query
from outreach.models import Event, NewsItem, Tool


def public_hits(*, query: str, language: str, limit: int) -> list[Hit]:
    if not query.strip():
        return []
    search = search_query(query, language)
    with translation.override(language):
        news = (
            NewsItem.objects.published()
            .defer("body", "body_en", "body_ru")
            .search(search, language=language)[:limit]
        )
        events = Event.objects.published().search(search, language=language)[:limit]
        tools = Tool.objects.search(search, language=language)[:limit]
        return (
            [Hit(_("News"), n.title, n.get_absolute_url(), n.summary, n.rank) for n in news]
            + [Hit(_("Events"), e.title, e.get_absolute_url(), e.place, e.rank) for e in events]
            + [
                Hit(_("Tools and e-learning"), t.title, t.get_absolute_url(), t.description, t.rank)
                for t in tools
            ]
        )
