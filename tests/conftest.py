"""Shared fixtures: the seeded administrations and one user of each role."""

import pytest
from django.core.cache import cache
from django.utils import translation

from administrations.models import Administration
from tests.factories import make_user


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache: cached pages must not outlive a rolled-back test."""
    cache.clear()
    yield
    cache.clear()


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
