import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError

from outreach.models import Event, NewsItem
from outreach.richtext import sanitize_html
from tests.outreach.factories import make_event, make_news

pytestmark = pytest.mark.django_db

DIRTY = (
    '<p onclick="steal()" style="color:red" class="x">Hello <script>alert(1)</script>'
    '<a href="javascript:alert(1)">bad</a> <a href="https://wcoomd.org/" target="_blank">good</a>'
    '</p><img src="x" onerror="alert(1)"><h1>Title</h1><h2>Section</h2><iframe src="//x"></iframe>'
)


def assert_clean(html: str) -> None:
    for forbidden in ("script", "onclick", "onerror", "style=", "class=", "javascript:", "<img"):
        assert forbidden not in html, forbidden
    for forbidden in ("<iframe", "<h1", "target="):
        assert forbidden not in html, forbidden
    assert '<a href="https://wcoomd.org/">good</a>' in html
    assert "<h2>Section</h2>" in html


def test_the_sanitiser_keeps_the_editor_markup_only():
    assert_clean(sanitize_html(DIRTY))


def test_the_body_is_sanitised_on_every_save_in_both_languages():
    item = make_news(body_en=DIRTY, body_ru=DIRTY.replace("Hello", "Привет"))
    item.refresh_from_db()
    assert_clean(item.body_en)
    assert_clean(item.body_ru)
    assert "Привет" in item.body_ru


def test_bulk_created_bodies_are_sanitised_too():
    NewsItem.objects.bulk_create(
        [NewsItem(slug="bulk", title_en="T", summary_en="S", body_en=DIRTY, status="published")]
    )
    assert_clean(NewsItem.objects.get(slug="bulk").body_en)


def test_an_empty_editor_stores_an_empty_body():
    item = make_news(body_en="<p></p>")
    item.refresh_from_db()
    assert item.body_en == ""


def test_new_news_items_start_as_drafts():
    item = NewsItem.objects.create(slug="new", title_en="T", summary_en="S")
    assert not item.is_published
    assert NewsItem.objects.published().count() == 0


def test_an_event_cannot_end_before_it_starts():
    day = datetime.date(2027, 5, 10)
    event = Event(
        slug="x", title_en="X", place_en="Baku", kind="meeting", starts_on=day, ends_on=day
    )
    event.ends_on = day - datetime.timedelta(days=1)
    with pytest.raises(ValidationError, match="last day"):
        event.full_clean()
    with pytest.raises(IntegrityError):
        make_event(starts_on=day, ends_on=day - datetime.timedelta(days=1))


def test_an_image_needs_a_description():
    item = NewsItem(slug="pic", title_en="T", summary_en="S", image="news/x.png")
    with pytest.raises(ValidationError, match="description"):
        item.validate_constraints()
    item.image_alt_en = "Participants of the workshop"
    item.validate_constraints()


def test_feed_is_not_a_news_slug():
    with pytest.raises(ValidationError):
        NewsItem(slug="feed", title_en="T", summary_en="S").full_clean()
