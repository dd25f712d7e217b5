import sys

import pytest

from accounts import demo as accounts_demo
from experts import demo
from experts.models import Expert, Nomination

pytestmark = pytest.mark.django_db


def test_demo_data_fills_the_database_with_experts_and_a_nomination(capsys):
    accounts_demo.load(stdout=sys.stdout)
    demo.load(stdout=sys.stdout)
    assert Expert.objects.count() >= 30
    assert Expert.objects.values("administration").distinct().count() >= 15
    assert Expert.objects.stale().exists()
    assert Expert.objects.listed().filter(search_vector__isnull=True).count() == 0
    assert Expert.objects.filter(withdrawn_at__isnull=False, erased_on__isnull=True).count() == 1
    assert Expert.objects.filter(erased_on__isnull=False, email="").count() == 1
    assert set(Expert.objects.values_list("language", flat=True)) == {"en", "ru"}
    assert Expert.objects.exclude(availability="available").exists()
    nomination = Nomination.objects.get()
    assert nomination.is_pending and nomination.administration.code == "AZ"
    out = capsys.readouterr().out
    assert "pending nomination" in out
    assert "/en/experts/record/" in out and "/ru/experts/record/" in out
