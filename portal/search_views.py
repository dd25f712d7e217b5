"""The site search page: one query over the public content of every app (core.sitesearch)."""

from django import forms
from django.shortcuts import render
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from core.cache import cache_public_page
from core.sitesearch import site_search

QUERY_MAX_LENGTH = 200
HITS_PER_KIND = 20


class SiteSearchForm(forms.Form):
    q = forms.CharField(
        label=_("Search the site"),
        max_length=QUERY_MAX_LENGTH,
        required=False,
        widget=forms.SearchInput,
        help_text=_('Words in any form; "quotes" for a phrase, a minus sign to leave a word out.'),
    )


# What the search reads (core.generations): the public content of each app's search.py.
SEARCHED = (
    "outreach.NewsItem outreach.Event outreach.Tool library.Document library.DocumentFile "
    "library.Category workplan competencies.JobPosition competencies.Competency core.SynonymGroup"
)


@cache_public_page(reads=SEARCHED, params=["q"])
def search(request):
    """Public content matching the query, grouped by kind; nothing members-only or personal."""
    form = SiteSearchForm(request.GET or None)
    query = ""
    groups = []
    any_word = False
    if form.is_valid():
        query = form.cleaned_data["q"]
        if query:
            result = site_search(query, language=get_language(), limit=HITS_PER_KIND)
            groups, any_word = result.groups, result.any_word
    return render(
        request,
        "portal/search.html",
        {
            "form": form,
            "query": query,
            "groups": groups,
            "any_word": any_word,
            "total": sum(len(hits) for _kind, hits in groups),
            "limit": HITS_PER_KIND,
        },
    )
