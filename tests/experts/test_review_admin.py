"""Staff review: the admin home counts the nominations waiting, the list shows them first, and
the review page shows everything the focal point sent."""

import re

import pytest

from experts.models import Nomination
from tests.experts.factories import make_nomination

pytestmark = pytest.mark.django_db


@pytest.fixture
def nominations(focal_point, staff):
    decided = make_nomination(nominated_by=focal_point, family_name_en="Decided")
    Nomination.objects.filter(pk=decided.pk).update(
        status=Nomination.Status.REJECTED, review_reason="No CV", reviewed_at="2026-11-01T10:00Z"
    )
    older = make_nomination(nominated_by=focal_point, family_name_en="Waiting")
    Nomination.objects.filter(pk=older.pk).update(submitted_at="2026-10-01T10:00Z")
    newest = make_nomination(
        nominated_by=focal_point,
        family_name_en="Newest",
        phone="+994 12 404 00 00",
        experience_en="Led the risk profiling reform.",
        experience_ru="Руководил реформой профилирования рисков.",
    )
    return {"decided": decided, "older": older, "newest": newest}


@pytest.mark.parametrize(
    ("language", "text"),
    [("en", "2 nominations wait for review"), ("ru", "2 кандидатуры ожидают рассмотрения")],
)
def test_the_admin_home_counts_the_nominations_waiting(staff_client, nominations, language, text):
    html = staff_client.get("/admin/", headers={"accept-language": language}).content.decode()
    assert text in html
    assert 'href="/admin/experts/nomination/?status__exact=pending"' in html


def test_the_list_shows_the_nominations_waiting_first(staff_client, nominations):
    html = staff_client.get("/admin/experts/nomination/").content.decode()
    order = re.findall(r"Nominee\d+ (Newest|Waiting|Decided)", html)
    assert list(dict.fromkeys(order)) == ["Newest", "Waiting", "Decided"]


def test_the_review_page_shows_the_phone_and_the_experience(staff_client, nominations):
    pk = nominations["newest"].pk
    html = staff_client.get(f"/admin/experts/nomination/{pk}/review/").content.decode()
    for sent in (
        "+994 12 404 00 00",
        "Led the risk profiling reform.",
        "Руководил реформой профилирования рисков.",
    ):
        assert sent in html
