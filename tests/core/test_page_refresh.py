"""A write refreshes the cached public pages that read what changed, in both languages, and
leaves every other cached page warm (core.generations: a generation per table)."""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from competencies.services import assessment_save
from contacts.services import contact_point_update
from outreach.models import NewsItem, Status
from tests.competencies.factories import make_competency, make_position
from tests.contacts.builders import make_contact
from tests.experts.factories import make_nomination
from tests.outreach.factories import make_news
from tests.workplan.test_import import as_csv as activities_csv
from tests.workplan.test_import import confirm, exported_csv, upload

pytestmark = pytest.mark.django_db

LANGUAGES = ["en", "ru"]


def url(name: str, language: str, *args) -> str:
    with translation.override(language):
        return reverse(name, args=args)


def warm(client: Client, paths: list[str]) -> None:
    for path in paths:
        assert client.get(path).status_code == 200, path


def served_from_cache(client: Client, path: str, django_assert_num_queries) -> str:
    with django_assert_num_queries(0):
        response = client.get(path)
    assert response.status_code == 200
    return response.content.decode()


def test_a_member_s_writes_leave_the_news_list_cached(
    member, focal_point, azerbaijan, django_assert_num_queries
):
    make_news(title_en="Regional workshop on risk management")
    visitor = Client()
    paths = [url("outreach:news_list", language) for language in LANGUAGES]
    warm(visitor, paths)
    competency = make_competency()
    assessment_save(
        owner=member, position=make_position(requires={competency: 2}), ratings={competency.pk: 1}
    )
    for path in paths:
        served_from_cache(visitor, path, django_assert_num_queries)
    make_nomination(nominated_by=focal_point)
    contact = make_contact(azerbaijan)
    contact.phone = "+994 12 404 11 11"
    contact_point_update(contact=contact, by=focal_point)
    for path in paths:
        served_from_cache(visitor, path, django_assert_num_queries)


def test_saving_a_news_item_refreshes_the_pages_that_show_news_in_both_languages(
    django_assert_num_queries,
):
    item = make_news(slug="workshop", title_en="Workshop", title_ru="Семинар")
    visitor = Client()
    showing_news = [
        url(name, language, *args)
        for language in LANGUAGES
        for name, args in [
            ("outreach:news_list", ()),
            ("outreach:news_detail", ("workshop",)),
            ("home", ()),
            ("outreach:news_feed", ()),
            ("outreach:news_atom_feed", ()),
        ]
    ]
    not_showing_news = [
        url(name, language)
        for language in LANGUAGES
        for name in ["outreach:tool_list", "competencies:dictionary"]
    ]
    warm(visitor, showing_news + not_showing_news)
    item.title_en, item.title_ru = "Workshop moved", "Семинар перенесён"
    item.save()
    for path in showing_news:
        html = visitor.get(path).content.decode()
        assert "Workshop moved" in html or "Семинар перенесён" in html, path
    for path in not_showing_news:
        served_from_cache(visitor, path, django_assert_num_queries)


@pytest.mark.parametrize("language", LANGUAGES)
def test_queryset_update_and_bulk_create_refresh_the_news_pages(language):
    make_news(slug="first", title_en="First item", title_ru="Первая новость")
    visitor = Client()
    news = url("outreach:news_list", language)
    warm(visitor, [news])
    NewsItem.objects.filter(slug="first").update(
        title_en="First item, corrected", title_ru="Первая новость, исправлено"
    )
    html = visitor.get(news).content.decode()
    assert "First item, corrected" in html or "Первая новость, исправлено" in html
    item = NewsItem.objects.get(slug="first")
    NewsItem.objects.bulk_create(
        [
            NewsItem(
                slug="bulk",
                title="Bulk item",
                title_en="Bulk item",
                title_ru="Массовая новость",
                summary_en="Bulk.",
                status=Status.PUBLISHED,
                published_at=item.published_at,
            )
        ]
    )
    html = visitor.get(news).content.decode()
    assert "Bulk item" in html or "Массовая новость" in html


def test_an_admin_import_refreshes_the_work_plan_pages(staff_client):
    visitor = Client()
    paths = [url("workplan:plan", language) for language in LANGUAGES]
    warm(visitor, paths)
    rows = exported_csv(staff_client)
    title = rows[0].index("Activity")
    rows[1][title] = "Analyse the training needs of every member administration"
    response = confirm(staff_client, upload(staff_client, activities_csv(rows)))
    assert response.status_code == 302
    assert (
        "Analyse the training needs of every member administration"
        in visitor.get(paths[0]).content.decode()
    )
