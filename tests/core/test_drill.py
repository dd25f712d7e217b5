import io

import pytest
from django.conf import settings
from django.db import connection

from bench import drill
from core.files import private_storage
from tests.factories import make_user

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_backup_restores_every_row_and_file():
    make_user(email="drill@example.org")
    stored = private_storage().save("drill/Отчёт.pdf", io.BytesIO(b"%PDF-1.4 drill"))
    try:
        report = drill.run(
            drill.connection_params(connection.settings_dict),
            {"media": settings.MEDIA_ROOT, "private": settings.PRIVATE_MEDIA_ROOT},
        )
    finally:
        private_storage().delete(stored)
    assert report.differences == []
    assert report.tables > 10
    assert report.rows >= 53  # the seeded administrations and the user at least
    assert report.files >= 1
    assert report.restore_seconds > 0
