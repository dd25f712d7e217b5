import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def _english_outside_requests():
    """Requests to /ru/ pages leave Russian active in the thread; start each test in English."""
    with translation.override("en"):
        yield
