import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def _english_outside_requests():
    """Code called outside a request speaks English, whatever page an earlier test asked for
    (a request leaves its language active in the thread)."""
    with translation.override("en"):
        yield
