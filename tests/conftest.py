"""Shared fixtures: the seeded administrations and one user of each role."""

import shutil

import pytest
from django.core.cache import cache
from django.utils import translation

from administrations.models import Administration
from bench.servers import RedisServer
from core.cache import recent_fragments, recent_pages
from tests.factories import make_user


def pytest_addoption(parser):
    parser.addoption(
        "--cache",
        choices=["locmem", "redis"],
        default="locmem",
        help="the cache the tests run against (redis: a redis-server the tests start)",
    )


@pytest.fixture(scope="session")
def redis_server():
    """A real Redis server on the loopback, for the whole run."""
    if shutil.which("redis-server") is None:
        pytest.skip("redis-server is not installed (.ci/run installs it)")
    server = RedisServer()
    yield server
    server.stop()


@pytest.fixture(autouse=True)
def _empty_cache(request):
    """Each test starts with an empty cache: cached pages must not outlive a rolled-back test.
    With `--cache=redis` the cache is a real Redis server."""
    if request.config.getoption("--cache") == "redis":
        settings = request.getfixturevalue("settings")
        settings.CACHES = request.getfixturevalue("redis_server").cache_setting()
    for tier in (cache, recent_pages, recent_fragments):
        tier.clear()
    yield
    for tier in (cache, recent_pages, recent_fragments):
        tier.clear()


@pytest.fixture(autouse=True)
def _english_outside_requests():
    """Code run outside a request speaks English unless a test says otherwise (a request
    leaves its language active in the thread)."""
    translation.activate("en")
    yield
    translation.deactivate()


@pytest.fixture
def azerbaijan(db) -> Administration:
    return Administration.objects.get(code="AZ")


@pytest.fixture
def georgia(db) -> Administration:
    return Administration.objects.get(code="GE")


@pytest.fixture
def member(azerbaijan):
    """A member user of Azerbaijan's administration, not a focal point."""
    return make_user(
        email="member@customs.az", full_name="Leyla Mammadova", administration=azerbaijan
    )


@pytest.fixture
def focal_point(azerbaijan):
    """The focal point of Azerbaijan's administration."""
    return make_user(
        email="focal@customs.az",
        full_name="Rashad Aliyev",
        administration=azerbaijan,
        is_focal_point=True,
    )


@pytest.fixture
def other_focal_point(georgia):
    """The focal point of another administration (Georgia)."""
    return make_user(
        email="focal@customs.ge",
        full_name="Nino Beridze",
        administration=georgia,
        is_focal_point=True,
    )


@pytest.fixture
def staff(db):
    return make_user(
        email="staff@rocb.test", full_name="Office Staff", is_staff=True, is_superuser=True
    )


@pytest.fixture
def outsider(db):
    """A logged-in user with no administration and no staff role."""
    return make_user(email="someone@example.org")


@pytest.fixture
def member_client(client, member):
    client.force_login(member)
    return client


@pytest.fixture
def staff_client(client, staff):
    client.force_login(staff)
    return client
