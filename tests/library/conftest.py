import pytest

from tests.library.factories import make_category


@pytest.fixture
def category(db):
    return make_category(slug="training", name_en="Training materials", name_ru="Учебные материалы")
