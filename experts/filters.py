"""The members' search of the experts database: full text plus filters, and the sort order."""

import re

import django_filters
from django import forms
from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db.models import CharField, F, QuerySet, Value
from django.db.models.functions import Coalesce, Lower, NullIf
from django.http import QueryDict
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from administrations.models import Administration
from competencies.selectors import competency_choices, level_number_choices
from core.generations import remembered
from core.sitesearch import any_word, with_synonyms
from experts.models import Accreditation, Expert, ExpertiseArea, Level, language_choices


class Sort:
    RELEVANCE = "relevance"
    NAME = "name"
    ADMINISTRATION = "administration"
    CONFIRMED = "confirmed"
    CHOICES = [
        (RELEVANCE, _("Best match")),
        (NAME, _("Name")),
        (ADMINISTRATION, _("Administration")),
        (CONFIRMED, _("Most recently confirmed")),
    ]


def search_query(text: str) -> SearchQuery | None:
    """A query for the stored vector: the words stemmed in English or in Russian (whatever the
    page language: members type either), or the beginnings of names ('Ali' finds 'Aliyev').
    None when the text holds no word."""
    words = [
        word
        for token in text.split()
        if not token.startswith("-") and token.lower() != "or"
        for word in re.findall(r"\w+", token)
    ]
    if not words:
        return None
    # Each word is letters, digits or '_' only, so the raw query cannot carry tsquery syntax;
    # ':*A' is a prefix match on the names only (the vector's weight A).
    name_prefixes = " & ".join(f"{word}:*A" for word in words)
    return (
        SearchQuery(text, config="english", search_type="websearch")
        | SearchQuery(text, config="russian", search_type="websearch")
        | SearchQuery(name_prefixes, config="simple", search_type="raw")
    )


def search_state(params) -> str:
    """The search's filters, sort and page as a query string ("q=risk&area=3&page=2"), for the
    links from a result to the record and back to the search; other parameters are dropped."""
    kept = QueryDict(mutable=True)
    for name in [*ExpertFilter.base_filters, "page"]:
        values = [value for value in params.getlist(name) if value]
        if values:
            kept.setlist(name, values[:1])
    return kept.urlencode()


def menus_state(params) -> str:
    """The choices of the search's menus (every filter but the searched text) as a query string:
    what their cached fragment is kept by. The text, perhaps a person's name, is left out."""
    kept = QueryDict(mutable=True)
    for name in ExpertFilter.base_filters:
        if name != "q" and (values := params.getlist(name)):
            kept.setlist(name, values)
    return kept.urlencode()


def _read_once(read):
    """A callable for a field's choices that reads them on its first call only."""
    found = []

    def choices():
        if not found:
            found.append(read())
        return found[0]

    return choices


def shown_in_page_language(field: str):
    """The field's text in the page language, or the English one where it has none: what
    modeltranslation shows, made by the database."""
    language = get_language()
    english = F(f"{field}_en")
    if language == "en" or language is None:
        return english
    return Coalesce(NullIf(F(f"{field}_{language}"), Value("")), english, output_field=CharField())


def in_page_language(field: str):
    """The field's text in the page language (`shown_in_page_language`) in lower case: what the
    search and its menus sort by (the indexes on the experts' names are on this expression)."""
    return Lower(shown_in_page_language(field))


def administration_choices() -> list[tuple[int, str]]:
    """The member administrations as choices (id, name), by name in the page language; read
    once until the administrations change (the search checks the chosen one on every visit)."""
    return remembered("administrations.Administration", (get_language(),), _administrations)


def _administrations() -> list[tuple[int, str]]:
    administrations = (
        Administration.objects.members()
        .order_by(in_page_language("name"))
        # The name as str() shows it. Not values_list("name"): modeltranslation makes a model
        # instance of each row to find the name it falls back to.
        .annotate(shown_name=shown_in_page_language("name"))
    )
    return list(administrations.values_list("pk", "shown_name"))


class ExpertFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label=_("Search"),
        method="filter_text",
        help_text=_("Names, positions, areas of expertise; in English or Russian."),
    )
    area = django_filters.ModelChoiceFilter(
        label=_("Area of expertise"),
        queryset=lambda request: ExpertiseArea.objects.order_by(in_page_language("name")),
        field_name="areas",
        empty_label=_("Any area"),
    )
    language = django_filters.ChoiceFilter(
        label=_("Language"),
        choices=language_choices,
        method="filter_language",
        empty_label=_("Any language"),
    )
    level = django_filters.ChoiceFilter(
        label=_("Level at least"),
        choices=Level.choices,
        method="filter_nothing",  # read by filter_language
        empty_label=_("Any level"),
    )
    # Choices read once a request, when first needed (see __init__).
    competency = django_filters.ChoiceFilter(
        label=_("Competency"),
        method="filter_competency",
        empty_label=_("Any competency"),
    )
    competency_level = django_filters.ChoiceFilter(
        label=_("Proficiency level at least"),
        method="filter_nothing",  # read by filter_competency
        empty_label=_("Any level"),
    )
    # Choices read once a request (see __init__): checking the chosen one and rendering the
    # menu took a query each. Its error is the one a menu of records gives.
    administration = django_filters.ChoiceFilter(
        label=_("Administration"),
        empty_label=_("All administrations"),
        error_messages={
            "invalid_choice": forms.ModelChoiceField.default_error_messages["invalid_choice"]
        },
    )
    accreditation = django_filters.ChoiceFilter(
        label=_("WCO accreditation"),
        choices=Accreditation.choices,
        empty_label=_("Any status"),
    )
    sort = django_filters.ChoiceFilter(
        label=_("Sort by"),
        choices=Sort.CHOICES,
        method="filter_nothing",  # applied last, in filter_queryset
        empty_label=None,
    )

    class Meta:
        model = Expert
        fields: list[str] = []

    # An expert has each area, each language and each competency at most once (unique
    # constraints), so these joins cannot repeat a row: no DISTINCT is needed.
    # Set by filter_queryset: no expert has all the words, so any of them is searched for.
    any_word = False

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The framework's choices are read when the form first needs them (checking a chosen
        # value, or rendering the form outside its cached fragment), then shared by both.
        self.filters["competency"].extra["choices"] = _read_once(competency_choices)
        self.filters["competency_level"].extra["choices"] = _read_once(level_number_choices)
        self.filters["administration"].extra["choices"] = _read_once(administration_choices)

    def filter_text(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        text = with_synonyms(value)
        query = search_query(any_word(text) if self.any_word else text)
        if query is None:
            return queryset
        return queryset.filter(search_vector=query).annotate(
            rank=SearchRank(F("search_vector"), query)
        )

    def filter_language(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        level = int(self.form.cleaned_data.get("level") or Level.BASIC)
        return queryset.filter(languages__language=value, languages__level__gte=level)

    def filter_competency(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        """Experts holding the competency at the chosen level or above (any level by default);
        the index on (competency, level) finds them."""
        # One filter() call: the competency and its level are those of one and the same row.
        held = {"competencies__competency_id": int(value)}
        if level := self.form.cleaned_data.get("competency_level"):
            held["competencies__level__number__gte"] = int(level)
        return queryset.filter(**held)

    def filter_nothing(self, queryset: QuerySet, name: str, value) -> QuerySet:
        return queryset

    def filter_queryset(self, queryset: QuerySet) -> QuerySet:
        everything = queryset
        queryset = super().filter_queryset(everything)
        text = self.form.cleaned_data.get("q") or ""
        # All the words (with the office's synonyms) find no expert: any word, best match first.
        if any_word(text) and not queryset.exists():
            self.any_word = True
            queryset = super().filter_queryset(everything)
        sort = self.form.cleaned_data.get("sort")
        searched = "rank" in queryset.query.annotations
        if not sort or (sort == Sort.RELEVANCE and not searched):
            sort = Sort.RELEVANCE if searched else Sort.NAME
        name = [in_page_language("family_name"), in_page_language("given_names"), "pk"]
        return {
            Sort.RELEVANCE: lambda: queryset.order_by(F("rank").desc(), *name),
            Sort.NAME: lambda: queryset.order_by(*name),
            Sort.ADMINISTRATION: lambda: queryset.order_by(
                in_page_language("administration__name"), *name
            ),
            Sort.CONFIRMED: lambda: queryset.order_by(F("confirmed_on").desc(), *name),
        }[sort]()
