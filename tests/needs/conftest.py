import pytest


@pytest.fixture(autouse=True)
def _office_address(settings):
    settings.STAFF_NOTIFICATION_EMAILS = ["office@rocb.test"]
    settings.SITE_URL = "https://portal.test"
