"""News feeds per page language: RSS 2.0 at news/feed/, Atom 1.0 at news/feed/atom/."""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from core.templatetags.content import falls_back
from outreach import selectors

FEED_ITEMS = 20


class _EntryLanguage:
    """An entry in another language than its feed says so with `xml:lang` on <item>/<entry>:
    a Russian feed lists a news item that has no Russian text in English, marked English."""

    def item_attributes(self, item):
        attributes = super().item_attributes(item)
        if item.get("language"):
            attributes["xml:lang"] = item["language"]
        return attributes


class RssFeed(_EntryLanguage, Rss201rev2Feed):
    pass


class AtomFeed(_EntryLanguage, Atom1Feed):
    pass


class NewsFeed(Feed):
    feed_type = RssFeed
    title = _("ROCB Europe news")
    description = _(
        "News from the WCO Regional Office for Capacity Building for the Europe region."
    )
    author_name = _("ROCB Europe")

    def link(self):
        return reverse("outreach:news_list")

    def items(self):
        return selectors.news_list()[:FEED_ITEMS]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_extra_kwargs(self, item):
        # The title decides: without a Russian one, the entry shows (and is) the English item.
        if get_language() != settings.LANGUAGE_CODE and falls_back(item, "title"):
            return {"language": settings.LANGUAGE_CODE}
        return {}


class NewsAtomFeed(NewsFeed):
    feed_type = AtomFeed
    subtitle = NewsFeed.description
