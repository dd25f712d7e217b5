"""One date style per language, on every page: "4 May 2026" and «4 мая 2026 г.», through the
portal's format modules (rocb/formats), so every `|date:"DATE_FORMAT"` follows it."""

import datetime

import pytest

from tests.experts.factories import make_expert
from tests.outreach.factories import make_event

pytestmark = pytest.mark.django_db

DAY = datetime.date(2026, 5, 4)


@pytest.mark.parametrize(
    ("language", "shown", "not_shown"),
    [("en", "4 May 2026", ["05/04/2026", "May 4, 2026"]), ("ru", "4 мая 2026 г.", ["04.05.2026"])],
)
def test_the_experts_list_shows_the_languages_date_style(
    member_client, azerbaijan, language, shown, not_shown
):
    make_expert(administration=azerbaijan, confirmed_on=DAY)
    html = member_client.get(f"/{language}/members/experts/").content.decode()
    assert shown in html
    for other in not_shown:
        assert other not in html


@pytest.mark.parametrize(
    ("language", "shown"),
    [("en", ["3 Sep 2027", "5 Sep 2027"]), ("ru", ["3 сент. 2027 г.", "5 сент. 2027 г."])],
)
def test_the_events_list_shows_the_same_style(client, language, shown):
    make_event(starts_on=datetime.date(2027, 9, 3), ends_on=datetime.date(2027, 9, 5))
    html = client.get(f"/{language}/events/").content.decode()
    for date in shown:
        assert date in html
