"""Moving Administration from `contacts` to `administrations` keeps every row and reference."""

import datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from accounts.models import User
from administrations.models import Administration
from contacts.models import ContactPoint
from experts.models import Expert

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

# The last migrations before the move: unapplying `administrations` goes back to them.
BEFORE_THE_MOVE = [
    ("contacts", "0003_contact_points_training_centres"),
    ("accounts", "0001_initial"),
    ("experts", "0003_name_order_indexes"),
]


def migrate(targets, state):
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    return executor.loader.project_state(state).apps


def test_rows_history_and_permissions_survive_the_move():
    old = migrate([("administrations", None)], BEFORE_THE_MOVE)
    OldAdministration = old.get_model("contacts", "Administration")
    ContentType = old.get_model("contenttypes", "ContentType")
    Permission = old.get_model("auth", "Permission")
    old_type, _ = ContentType.objects.get_or_create(app_label="contacts", model="administration")
    permission = Permission.objects.create(
        content_type=old_type, codename="audit_administration", name="Audit"
    )
    andorra = OldAdministration.objects.get(code="AD")
    andorra.website = "https://duana.ad.test/"
    andorra.save()
    count = OldAdministration.objects.count()
    old.get_model("contacts", "ContactPoint").objects.create(
        administration_id=andorra.pk, role="hr", name="Ana", email="ana@duana.ad.test"
    )
    old.get_model("accounts", "User").objects.create(
        email="focal@duana.ad.test", administration_id=andorra.pk, password="!"
    )
    area = old.get_model("experts", "ExpertiseArea").objects.first()
    expert = old.get_model("experts", "Expert").objects.create(
        administration_id=andorra.pk,
        given_names="Jordi",
        family_name="Pujol",
        position="Auditor",
        email="jordi@duana.ad.test",
        consent_given_on=datetime.date(2026, 1, 15),
    )
    expert.areas.add(area)

    leaves = MigrationExecutor(connection).loader.graph.leaf_nodes()
    migrate(leaves, leaves)

    moved = Administration.objects.get(code="AD")
    assert moved.pk == andorra.pk and moved.website == "https://duana.ad.test/"
    assert Administration.objects.count() == count
    assert ContactPoint.objects.get(email="ana@duana.ad.test").administration == moved
    assert User.objects.get(email="focal@duana.ad.test").administration == moved
    assert Expert.objects.get(email="jordi@duana.ad.test").administration == moved
    permission.refresh_from_db()
    assert (permission.content_type.app_label, permission.content_type.model) == (
        "administrations",
        "administration",
    )
