"""From a search result to the record and back: the search comes back with every filter."""

import html

import pytest

from experts.models import ExpertiseArea
from tests.experts.factories import make_expert

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("language", ["en", "ru"])
def test_back_to_the_search_keeps_every_filter(member_client, azerbaijan, language):
    expert = make_expert(administration=azerbaijan, languages=[("en", 4)])
    area = ExpertiseArea.objects.get(slug="risk-management").pk
    search = {
        "q": "customs",
        "area": area,
        "language": "en",
        "level": "3",
        "administration": azerbaijan.pk,
        "accreditation": "",
        "sort": "name",
        "utm_source": "mail",  # not a filter: dropped
    }
    state = f"q=customs&area={area}&language=en&level=3&administration={azerbaijan.pk}&sort=name"

    page = html.unescape(
        member_client.get(f"/{language}/members/experts/", search).content.decode()
    )
    record = f"/{language}/members/experts/{expert.pk}/?{state}"
    assert f'href="{record}"' in page

    detail = html.unescape(member_client.get(record).content.decode())
    assert f'href="/{language}/members/experts/?{state}"' in detail


def test_a_record_opened_directly_leads_back_to_the_whole_database(member_client, azerbaijan):
    expert = make_expert(administration=azerbaijan)
    detail = member_client.get(f"/en/members/experts/{expert.pk}/").content.decode()
    assert 'href="/en/members/experts/">' in detail
