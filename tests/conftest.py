"""Shared fixtures: the seeded administrations and one user of each role."""

import shutil

import pytest
from django.core.cache import cache
from django.db import connection, connections
from django.db.backends.postgresql.creation import DatabaseCreation
from django.db.backends.postgresql.operations import DatabaseOperations
from django.utils import translation

from administrations.models import Administration
from bench.servers import RedisServer
from core.cache import recent_fragments, recent_pages
from tests import snapshot
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


MIGRATED_COPY_MARKER = "migrated_copy"


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    """The drills, each minutes in subprocesses, go first, so each starts on a worker while the
    other tests share the rest; after pytest-django's order, which puts tests without a
    database last, they ran alone at the end of the run."""
    items.sort(key=lambda item: "bench" not in item.path.parent.parts)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker, request):
    """The migrated test database, its rows kept for `serialized_rollback` (tests/snapshot.py);
    and, when a test of the session asks for `migrated_copy`, a copy of it taken now, before
    any test changes it (a flush also empties the rows that data migrations seeded). Copying
    takes a second where migrating takes a minute."""
    wanted = any(item.get_closest_marker(MIGRATED_COPY_MARKER) for item in request.session.items)
    database = connection.settings_dict["NAME"]
    copy = f"{database}_migrated" if wanted else None
    with django_db_blocker.unblock():
        if copy:
            connections.close_all()  # a database with sessions on it cannot be copied
            with connection._nodb_cursor() as cursor:  # on the server's maintenance database
                cursor.execute(f'DROP DATABASE IF EXISTS "{copy}"')
                cursor.execute(f'CREATE DATABASE "{copy}" TEMPLATE "{database}"')
        snapshot.take(connection)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(DatabaseCreation, "deserialize_db_from_string", snapshot.restore)
        patch.setattr(DatabaseOperations, "sql_flush", snapshot.flush_sql)
        yield copy
    if copy:
        with django_db_blocker.unblock(), connection._nodb_cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{copy}" WITH (FORCE)')


@pytest.fixture(scope="session")
def migrated_copy(django_db_setup) -> str:
    """A freshly migrated database that no test has changed, to copy (tests marked
    `migrated_copy`)."""
    return django_db_setup


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
