"""Site search over the activities of the current work plan (PostgreSQL full text).

Both languages are searched, each with its own stemming (a visitor may type English words on
the Russian page); hits come in the page's language, best first. The filters use the same
expressions as the GIN indexes on Activity, so they are index scans.
"""

from django.contrib.postgres.search import SearchRank
from django.db.models import Q, Value
from django.utils import translation
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from core.sitesearch import Hit, search_query
from workplan.models import SEARCH_CONFIGS, Activity, activity_search_vector


def public_hits(*, query: str, language: str, limit: int) -> list[Hit]:
    if not query.strip():
        return []
    queries = {code: search_query(query, code) for code in SEARCH_CONFIGS}
    matches = Q()
    for code, search in queries.items():
        matches |= Q(**{f"search_{code}": search})
    activities = (
        Activity.objects.filter(goal__plan__is_current=True)
        .annotate(**{f"search_{code}": activity_search_vector(code) for code in SEARCH_CONFIGS})
        .filter(matches)
        .annotate(
            rank=sum(
                (SearchRank(activity_search_vector(code), queries[code]) for code in queries),
                start=Value(0.0),
            )
        )
        .select_related("goal")
        .order_by("-rank", "goal__number", "sequence")[:limit]
    )
    with translation.override(language):
        return [
            Hit(
                kind=_("Work Plan"),
                title=_("Activity %(number)s: %(title)s")
                % {"number": activity.number, "title": activity.title},
                url=activity.get_absolute_url(),
                summary=Truncator(activity.expected_output).words(30),
                rank=activity.rank,
            )
            for activity in activities
        ]
