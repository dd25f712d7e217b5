import pytest
from django.utils import translation

from administrations.models import Administration

pytestmark = pytest.mark.django_db


def test_the_region_is_seeded_in_both_languages():
    assert Administration.objects.members().count() == 52
    azerbaijan = Administration.objects.get(code="AZ")
    assert azerbaijan.is_rtc
    with translation.override("ru"):
        assert str(azerbaijan) == "Азербайджан"
    with translation.override("en"):
        assert str(azerbaijan) == "Azerbaijan"


def test_russian_ordering_follows_russian_names():
    with translation.override("ru"):
        names = list(Administration.objects.values_list("name", flat=True)[:2])
    assert names == ["Австрия", "Азербайджан"]


def test_staff_manage_administrations_in_the_admin(staff_client):
    response = staff_client.get("/admin/administrations/administration/", {"q": "Грузия"})
    assert response.status_code == 200
    assert "Georgia" in response.content.decode()
    georgia = Administration.objects.get(code="GE")
    page = staff_client.get(f"/admin/administrations/administration/{georgia.pk}/change/")
    assert 'name="name_ru"' in page.content.decode()
