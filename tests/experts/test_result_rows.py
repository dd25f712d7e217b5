"""The search's rows, written in Python (experts/templatetags/expert_rows.py): each cell as the
members read it, in both languages, escaped, linking back to the search."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from experts.models import Accreditation, Expert, ExpertiseArea
from experts.selectors import expert_rows_with_relations, expert_search_rows
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


def test_a_pages_areas_and_languages_are_read_in_one_query(expert, azerbaijan):
    other = make_expert(administration=azerbaijan, areas=[], languages=[("az", 4)])
    rows = list(expert_search_rows(Expert.objects.filter(pk__in=[expert.pk, other.pk])))
    with CaptureQueriesContext(connection) as queries:
        rows = {row["id"]: row for row in expert_rows_with_relations(rows)}
    assert len(queries) == 1
    areas = ExpertiseArea.objects.filter(slug__in=["post-clearance-audit", "valuation"])
    assert rows[expert.pk]["area_names"] == [
        [area.name_en, area.name_ru] for area in areas.order_by("name_en")
    ]
    assert rows[expert.pk]["area_names"][0][0] == "Customs valuation"
    assert rows[expert.pk]["skills"] == [["ru", "4"], ["en", "3"]]
    assert rows[other.pk]["area_names"] == [] and rows[other.pk]["skills"] == [["az", "4"]]


def test_an_empty_page_reads_no_areas_or_languages():
    with CaptureQueriesContext(connection) as queries:
        assert expert_rows_with_relations([]) == []
    assert not queries


def test_a_row_in_russian_falls_back_to_the_english_text(member_client, azerbaijan):
    ExpertiseArea.objects.filter(slug="valuation").update(name_ru="")
    expert = make_expert(
        administration=azerbaijan,
        given_names_en="Elvin",
        family_name_en="Aliyev",
        position_en="Senior auditor",
        areas=["valuation"],
    )
    row = row_of(member_client.get("/ru/members/experts/").content.decode(), expert)
    # The names stand in unmarked (a name is the same person in either script); the texts are
    # marked as English.
    assert f'<a href="/ru/members/experts/{expert.pk}/">Aliyev, Elvin</a>' in row
    in_english = '<span lang="en">{}</span> <span class="untranslated">(на английском)</span>'
    assert f'<td data-label="Должность">{in_english.format("Senior auditor")}</td>' in row
    assert (
        f'<td data-label="Области экспертизы">{in_english.format("Customs valuation")}</td>' in row
    )
