"""The cache, cached sessions and page invalidation through a real Redis server, and the portal
riding out Redis being stopped: pages rendered from the database, logins kept, /healthz 503."""

import pytest
from django.urls import reverse

from tests.outreach.factories import make_news

pytestmark = pytest.mark.django_db


@pytest.fixture
def redis_cache(settings, redis_server):
    settings.CACHES = redis_server.cache_setting()
    redis_server.client().flushall()
    yield redis_server
    if redis_server.process.poll() is not None:  # a test stopped it
        redis_server.start()
    redis_server.client().flushall()


def test_a_public_page_is_cached_in_redis_and_refreshed_by_an_edit(
    client, redis_cache, django_assert_num_queries
):
    news = make_news(title_en="Regional workshop on risk management")
    assert "Regional workshop" in client.get(reverse("outreach:news_list")).content.decode()
    assert redis_cache.client().dbsize() > 0
    with django_assert_num_queries(0):
        assert client.get(reverse("outreach:news_list")).status_code == 200
    news.title_en = "Regional workshop on post-clearance audit"
    news.save()
    html = client.get(reverse("outreach:news_list")).content.decode()
    assert "post-clearance audit" in html


def test_a_members_session_is_read_from_redis(client, member, redis_cache):
    client.force_login(member)
    key = client.session.session_key
    assert any(key in name.decode() for name in redis_cache.client().keys("*"))
    assert client.get(reverse("members:home")).status_code == 200


def test_with_redis_stopped_pages_render_logins_hold_and_healthz_says_so(
    client, member, redis_cache
):
    make_news(title_en="Heads of Customs meeting")
    member_client = type(client)()
    member_client.force_login(member)
    redis_cache.stop()

    page = client.get(reverse("outreach:news_list"))
    assert page.status_code == 200 and "Heads of Customs meeting" in page.content.decode()
    assert member_client.get(reverse("members:home")).status_code == 200  # from the database
    health = client.get("/healthz")
    assert health.status_code == 503
    assert health.json() == {
        "status": "error",
        "database": "ok",
        "cache": "unavailable",
        "storage": "ok",
    }

    redis_cache.start()
    assert client.get("/healthz").status_code == 200
