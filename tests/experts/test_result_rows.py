"""The search's rows, written in Python (experts/templatetags/expert_rows.py): each cell as the
members read it, in both languages, escaped, linking back to the search."""

import re

import pytest

from experts.models import Accreditation
from tests.experts.factories import make_expert

pytestmark = pytest.mark.django_db


@pytest.fixture
def expert(azerbaijan):
    return make_expert(
        administration=azerbaijan,
        given_names_en="Elvin <b>",
        family_name_en="Aliyev & Sons",
        given_names_ru="Эльвин <b>",
        family_name_ru="Алиев & сыновья",
        position_en="Senior auditor",
        position_ru="Старший аудитор",
        accreditation=Accreditation.EXPERT,
        areas=["post-clearance-audit", "valuation"],
        languages=[("en", 3), ("ru", 4)],
        confirmed_on="2020-01-01",
    )


def row_of(html: str, expert) -> str:
    rows = re.findall(r"<tr>.*?</tr>", html, flags=re.S)
    found = [row for row in rows if f"/members/experts/{expert.pk}/" in row]
    assert len(found) == 1, rows
    return re.sub(r"\s+", " ", found[0])


def test_a_row_in_english(member_client, expert):
    html = member_client.get("/en/members/experts/", {"area": "", "sort": "name"}).content
    row = row_of(html.decode(), expert)
    assert (
        f'<th scope="row"> <a href="/en/members/experts/{expert.pk}/?sort=name">'
        "Aliyev &amp; Sons, Elvin &lt;b&gt;</a>"
        '<br><span class="badge">WCO accredited expert</span> </th>'
    ) in row
    assert '<td data-label="Administration">Azerbaijan</td>' in row
    assert '<td data-label="Position">Senior auditor</td>' in row
    assert '<td data-label="Areas of expertise">Customs valuation; Post-clearance audit</td>' in row
    assert '<td data-label="Languages">Russian (Native); English (Fluent)</td>' in row
    assert (
        '<td data-label="Last confirmed">1 Jan 2020'
        '<br><span class="badge badge-stale">needs confirming</span></td>'
    ) in row
    assert "<b>" not in row


def test_a_row_in_russian(member_client, expert):
    expert.accreditation = Accreditation.NONE
    expert.confirmed_on = expert.consent_given_on
    expert.save()
    row = row_of(member_client.get("/ru/members/experts/").content.decode(), expert)
    link = f'<a href="/ru/members/experts/{expert.pk}/">Алиев &amp; сыновья, Эльвин &lt;b&gt;</a>'
    assert f"{link} </th>" in row
    assert "badge" not in row
    assert '<td data-label="Должность">Старший аудитор</td>' in row
    # Russian writes language names in lower case inside a list.
    assert '<td data-label="Языки">русский (Родной); английский (Свободно)</td>' in row
