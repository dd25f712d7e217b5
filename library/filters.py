import django_filters
from django import forms
from django.contrib.postgres.search import SearchRank
from django.db.models import F
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from core.sitesearch import search_config, search_query
from library.models import Category, Document

QUERY_MAX_LENGTH = 200
# The stored search vector that matches each page language's text search configuration.
SEARCH_COLUMNS = {"english": "search_en", "russian": "search_ru"}


def full_text(queryset, *, text: str, language: str):
    """Documents matching `text` in the page language's full text, best matches first."""
    column = SEARCH_COLUMNS.get(search_config(language), "search_en")
    query = search_query(text, language)
    return (
        queryset.filter(**{column: query})
        .annotate(rank=SearchRank(F(column), query))
        .order_by("-rank", "-published_on", "-pk")
    )


class DocumentFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label=_("Search"),
        method="filter_text",
        max_length=QUERY_MAX_LENGTH,
        widget=forms.SearchInput,
        help_text=_('Words in the title or description; "quotes" for a phrase.'),
    )
    category = django_filters.ModelChoiceFilter(
        label=_("Category"),
        queryset=Category.objects.all(),
        to_field_name="slug",
        empty_label=_("All categories"),
    )

    class Meta:
        model = Document
        fields = ["q", "category"]

    def filter_text(self, queryset, name, value):
        return full_text(queryset, text=value, language=get_language())
