"""A paginator that reads a page's rows and the size of the whole result in one query."""

from django.core.paginator import Page, Paginator
from django.db.models import Count, Window

# The largest row offset PostgreSQL takes (OFFSET is a bigint).
MAX_OFFSET = 2**63 - 1


class PendingPrefetch(list):
    """A page's rows with the prefetches their QuerySet asked for, not made yet:
    `{% cachedrows %}` makes them only for the rows it has to render afresh."""

    def __init__(self, rows, lookups):
        super().__init__(rows)
        self.prefetch_lookups = lookups


class WindowCountPaginator(Paginator):
    """Where Django's paginator counts the result (one query) and then reads the page (another,
    which finds the whole result again to sort it), this one reads the page with the count
    beside each row (COUNT(*) OVER ()). A page past the end, or an empty result, falls back to
    Django's way. For an ordered QuerySet; no orphans."""

    COUNT_ANNOTATION = "paginator_found"

    def get_page(self, number) -> Page:
        try:
            number = max(int(number), 1)
        except (TypeError, ValueError):
            number = 1
        bottom = (number - 1) * self.per_page
        if bottom + self.per_page > MAX_OFFSET:
            # No result is that long: Django's way counts it and shows the last page, where
            # asking for such an offset would be a database error.
            return super().get_page(number)
        queryset = self.object_list
        rows = list(
            queryset.prefetch_related(None).annotate(**{self.COUNT_ANNOTATION: Window(Count("*"))})[
                bottom : bottom + self.per_page
            ]
        )
        if not rows:
            return super().get_page(number)
        first = rows[0]
        # Sets the cached_property; the rows are model instances, or dicts where read as values.
        self.count = (
            first[self.COUNT_ANNOTATION]
            if isinstance(first, dict)
            else getattr(first, self.COUNT_ANNOTATION)
        )
        rows = PendingPrefetch(rows, queryset._prefetch_related_lookups)
        return self._get_page(rows, number, self)


class WindowCountPagination:
    """For a ListView: pages read by `WindowCountPaginator` where the whole result is found to
    sort it anyway (`count_with_page()`), by Django's paginator where an index gives the order
    and the page's query stops after its rows (a count beside them would read every row). A page
    number that is not a number, or past the end, shows the nearest page rather than a 404 (a
    bookmarked page of a result that has shrunk still shows results)."""

    def count_with_page(self, queryset) -> bool:
        """By default, when the result is ranked by a text search (a `rank` annotation): every
        match is found to sort them."""
        return "rank" in queryset.query.annotations

    def paginate_queryset(self, queryset, page_size):
        paginator_class = WindowCountPaginator if self.count_with_page(queryset) else Paginator
        paginator = paginator_class(queryset, page_size)
        page = paginator.get_page(self.request.GET.get(self.page_kwarg))
        return paginator, page, page.object_list, page.has_other_pages()
