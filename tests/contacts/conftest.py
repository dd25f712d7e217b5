import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def _english_unless_asked():
    """Tests outside a request read texts in English: a request of an earlier test on the same
    worker may have left Russian active in the thread."""
    with translation.override("en"):
        yield
