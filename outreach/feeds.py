"""News feeds per page language: RSS 2.0 at news/feed/, Atom 1.0 at news/feed/atom/."""

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _

from outreach import selectors

FEED_ITEMS = 20


class NewsFeed(Feed):
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


class NewsAtomFeed(NewsFeed):
    feed_type = Atom1Feed
    subtitle = NewsFeed.description
