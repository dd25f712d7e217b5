import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from accounts.models import User
from administrations.models import AccessLogEntry
from workplan.models import Plan

pytestmark = pytest.mark.django_db


def test_demo_data_fills_an_empty_database_once(capsys, settings):
    settings.DEBUG = True
    call_command("demo_data")
    out = capsys.readouterr().out
    assert "staff@rocb.test" in out and "focal@customs.test" in out
    assert User.objects.filter(is_staff=True).count() == 1
    assert User.objects.get(email="focal@customs.test").is_focal_point_for(
        User.objects.get(email="focal@customs.test").administration
    )
    assert set(AccessLogEntry.objects.values_list("kind", flat=True)) == {
        "expert_record",
        "expert_cv",
        "contact_export",
        "expert_export",
    }
    framework = Plan.objects.get(is_current=True).strategic_framework
    assert framework.title_ru == "Стратегическая рамочная программа РБНП Европа"
    assert set(framework.files.values_list("language", flat=True)) == {"en", "ru"}
    users = User.objects.count()
    call_command("demo_data")
    assert "already holds users" in capsys.readouterr().out
    assert User.objects.count() == users


def test_demo_data_refuses_to_run_in_production(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG is off"):
        call_command("demo_data")
