"""Site search over the competency framework: job positions and competencies.

Each model keeps a stored, GIN-indexed search vector per page language (`search_en`,
`search_ru`); the Russian one also covers text not translated yet.
"""

from django.contrib.postgres.search import SearchRank
from django.db.models import F
from django.utils import translation
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from competencies.models import Competency, JobPosition
from core.sitesearch import Hit, search_query


def _ranked(queryset, *, query: str, language: str, limit: int):
    column = "search_ru" if language == "ru" else "search_en"
    search = search_query(query, language)
    return (
        queryset.filter(**{column: search})
        .annotate(rank=SearchRank(F(column), search))
        .order_by("-rank", "pk")[:limit]
    )


def public_hits(*, query: str, language: str, limit: int) -> list[Hit]:
    """Positions and competencies matching the query, best first, in the page's language."""
    if not query.strip():
        return []
    with translation.override(language):
        # Endorsed items only: drafts and items in consultation are not the office's framework.
        positions = _ranked(
            JobPosition.objects.endorsed(), query=query, language=language, limit=limit
        )
        competencies = _ranked(
            Competency.objects.endorsed(), query=query, language=language, limit=limit
        )
        return [
            *(
                Hit(
                    kind=_("Job positions"),
                    title=position.title,
                    url=position.get_absolute_url(),
                    summary=Truncator(position.purpose).words(30),
                    rank=position.rank,
                )
                for position in positions
            ),
            *(
                Hit(
                    kind=_("Competencies"),
                    title=f"{competency.code} {competency.name}",
                    url=competency.get_absolute_url(),
                    summary=Truncator(competency.definition).words(30),
                    rank=competency.rank,
                )
                for competency in competencies
            ),
        ]
