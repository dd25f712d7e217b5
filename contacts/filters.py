"""Filters of the National Contact Points directory (also applied to its downloads)."""

import re

import django_filters
from django.contrib.postgres.search import SearchQuery
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from administrations.models import Administration
from contacts.models import CONTACT_SEARCH_VECTOR, ContactPoint, ContactRole

_WORD = re.compile(r"[^\W_]+")


def administration_matches(text: str) -> Q:
    """Administrations named `text` (part of the name in either language, or the ISO code)."""
    return Q(name_en__icontains=text) | Q(name_ru__icontains=text) | Q(code__iexact=text.strip())


def name_prefix_query(text: str) -> SearchQuery | None:
    """Every word of `text` as the start of a word of a name, title or address ("али" finds
    "Алиев"); None when `text` holds no word. Only word characters reach the query syntax."""
    words = _WORD.findall(text.lower())[:8]
    if not words:
        return None
    return SearchQuery(
        " & ".join(f"{word}:*" for word in words), search_type="raw", config="simple"
    )


class ContactPointFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label=_("Country or name"), method="filter_search", max_length=100
    )
    role = django_filters.ChoiceFilter(
        label=_("Role"), choices=ContactRole.choices, empty_label=_("All roles")
    )
    country = django_filters.ModelChoiceFilter(
        label=_("Administration"),
        field_name="administration",
        to_field_name="code",
        queryset=Administration.objects.members(),
        empty_label=_("All administrations"),
    )

    class Meta:
        model = ContactPoint
        fields = ["q", "role", "country"]

    def filter_search(self, queryset, name, value):
        condition = Q(
            administration__in=Administration.objects.filter(administration_matches(value))
        )
        query = name_prefix_query(value)
        if query is not None:
            # The words as a subquery of their own, which the GIN index answers: beside the
            # administration's name in one condition, every row's vector was worked out
            # (130 ms over 3,000 contact points).
            named = ContactPoint.objects.annotate(search=CONTACT_SEARCH_VECTOR)
            condition |= Q(pk__in=named.filter(search=query).values("pk"))
        return queryset.filter(condition)

    @property
    def has_values(self) -> bool:
        """Some filter was given a value, valid or not (`qs` then leaves out what an invalid
        one would have chosen: not every contact point may be in it)."""
        return self.is_bound and any(self.data.get(name) for name in self.filters)

    @property
    def is_filtering(self) -> bool:
        return self.is_bound and self.form.is_valid() and any(self.form.cleaned_data.values())
