"""Staff edit outreach content in the admin: the rich-text editor, history, publishing, import."""

import re

import pytest
import tablib
from django.test import Client
from reversion.models import Version

from core.concurrency import FIELD, row_fingerprint
from core.history import note_text
from outreach.admin import NewsItemResource
from outreach.models import NewsItem, Status
from tests.outreach.factories import make_news

pytestmark = pytest.mark.django_db


def news_form(item: NewsItem | None = None, **changes) -> dict:
    """The admin form's data; for a change, with the fingerprint of the row as opened."""
    data = {
        "title_en": "Roundtable on professionalism",
        "title_ru": "Круглый стол о профессионализме",
        "slug": "roundtable",
        "summary_en": "The framework was presented.",
        "summary_ru": "Представлены рамочные принципы.",
        "body_en": '<p>Text <a href="https://wcoomd.org/">link</a></p><script>x()</script>',
        "body_ru": "<p>Текст</p>",
        "image_alt_en": "",
        "image_alt_ru": "",
        "status": Status.PUBLISHED,
        "published_at_0": "2026-01-15",
        "published_at_1": "10:00:00",
    }
    data.update(changes)
    if item is not None:
        data[FIELD] = row_fingerprint(NewsItem, item.pk)
    return data


def test_the_add_form_has_the_rich_text_editor_served_by_the_portal(staff_client):
    response = staff_client.get("/admin/outreach/newsitem/add/")
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count("data-django-prose-editor-rocb=") == 2  # English and Russian text
    assert 'src="/static/outreach/js/richtext.js"' in html
    assert "/static/django_prose_editor/editor.js" in html
    # The import map is an inline script: it carries the page's CSP nonce.
    nonce = re.search(r"'nonce-([^']+)'", response["Content-Security-Policy"]).group(1)
    assert re.search(rf'<script[^>]*nonce="{nonce}"[^>]*type="importmap"', html) or re.search(
        rf'<script[^>]*type="importmap"[^>]*nonce="{nonce}"', html
    )
    assert "cdn" not in html.lower()


def test_staff_create_a_news_item_and_the_body_is_sanitised(staff_client):
    response = staff_client.post("/admin/outreach/newsitem/add/", news_form())
    assert response.status_code == 302, response.content.decode()[:3000]
    item = NewsItem.objects.get(slug="roundtable")
    assert item.body_en == '<p>Text <a href="https://wcoomd.org/">link</a></p>'
    assert item.title_ru == "Круглый стол о профессионализме"


def test_a_staff_edit_shows_on_the_cached_public_pages_at_once(staff, django_assert_num_queries):
    item = make_news(slug="roundtable", title_en="Old title", title_ru="Старый заголовок")
    visitor = Client()
    pages = ["/en/", "/en/news/", "/en/news/roundtable/", "/ru/news/", "/en/news/feed/"]
    for path in pages:
        old = "Старый заголовок" if path.startswith("/ru/") else "Old title"
        assert old in visitor.get(path).content.decode(), path
    with django_assert_num_queries(0):  # served from the cache
        assert "Old title" in visitor.get("/en/news/").content.decode()

    editor = Client()
    editor.force_login(staff)
    response = editor.post(
        f"/admin/outreach/newsitem/{item.pk}/change/",
        news_form(item, title_en="New title", title_ru="Новый заголовок"),
    )
    assert response.status_code == 302

    for path in pages:
        html = visitor.get(path).content.decode()
        assert "Old title" not in html and "Старый заголовок" not in html, path
        assert ("Новый заголовок" if path.startswith("/ru/") else "New title") in html, path


def test_withdrawing_a_news_item_removes_it_from_the_cached_pages(staff):
    item = make_news(slug="to-withdraw", title_en="Soon withdrawn")
    visitor = Client()
    assert "Soon withdrawn" in visitor.get("/en/news/").content.decode()
    editor = Client()
    editor.force_login(staff)
    response = editor.post(
        "/admin/outreach/newsitem/",
        {"action": "withdraw", "_selected_action": [item.pk]},
    )
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.status == Status.DRAFT
    assert "Soon withdrawn" not in visitor.get("/en/news/").content.decode()
    assert visitor.get("/en/news/to-withdraw/").status_code == 404
    # The action goes through the service: the item's history says who withdrew it.
    version = Version.objects.get_for_object(item).get()
    assert version.revision.user == staff
    assert note_text(version.revision.get_comment()) == "Withdrawn"


def test_reverting_a_russian_edit_restores_the_russian_text(staff_client):
    staff_client.post("/admin/outreach/newsitem/add/", news_form())
    item = NewsItem.objects.get(slug="roundtable")
    staff_client.post(
        f"/admin/outreach/newsitem/{item.pk}/change/",
        news_form(item, title_ru="Испорченный заголовок", body_ru="<p>Испорчено</p>"),
    )
    item.refresh_from_db()
    assert item.title_ru == "Испорченный заголовок"
    first = Version.objects.get_for_object(item).order_by("pk").first()
    first.revision.revert()
    item.refresh_from_db()
    assert item.title_ru == "Круглый стол о профессионализме"
    assert item.body_ru == "<p>Текст</p>"


def test_import_sanitises_bodies_and_reports_row_errors():
    dataset = tablib.Dataset(
        [
            "imported",
            "Imported",
            "Импорт",
            "Summary",
            "",
            '<p onclick="x()">Body</p>',
            "",
            "published",
        ],
        ["", "", "", "", "", "", "", "unknown"],
        headers=[
            "slug",
            "title_en",
            "title_ru",
            "summary_en",
            "summary_ru",
            "body_en",
            "body_ru",
            "status",
        ],
    )
    result = NewsItemResource().import_data(dataset, dry_run=False)
    assert result.has_validation_errors()
    assert NewsItem.objects.get(slug="imported").body_en == "<p>Body</p>"


@pytest.mark.parametrize(
    "path",
    [
        "/admin/outreach/newsitem/",
        "/admin/outreach/event/",
        "/admin/outreach/tool/",
        "/admin/outreach/event/add/",
        "/admin/outreach/tool/add/",
        "/admin/outreach/newsitem/?q=Круглый",
    ],
)
def test_admin_pages_open(staff_client, path):
    make_news(title_ru="Круглый стол")
    assert staff_client.get(path).status_code == 200
