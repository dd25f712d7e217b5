"""The office's analysis of needs: counts by year and status and by administration and area,
duplicates left out, the export, and self-assessment gaps shown only where five or more people
assessed themselves."""

import datetime

import pytest
from django.utils import timezone

from competencies.services import assessment_save
from needs import services
from needs.models import NeedsRequest
from tests.competencies.factories import make_competency, make_position
from tests.factories import make_user
from tests.needs.factories import make_need

pytestmark = pytest.mark.django_db


@pytest.fixture
def requests_of_two_years(focal_point, other_focal_point, staff):
    last_year = timezone.now() - datetime.timedelta(days=366)
    old = make_need(submitted_by=focal_point, areas=["risk-management"])
    NeedsRequest.objects.filter(pk=old.pk).update(submitted_at=last_year)
    make_need(submitted_by=focal_point, areas=["risk-management", "integrity"])
    make_need(submitted_by=other_focal_point, areas=["integrity"])
    duplicate = make_need(submitted_by=other_focal_point, areas=["integrity"])
    services.need_merge(duplicate=duplicate, into=NeedsRequest.objects.last(), by=staff)
    return last_year.year, timezone.localdate().year


def _rows(html: str, caption: str) -> str:
    return html[html.index(caption) :].split("</table>")[0]


def test_the_office_counts_requests_by_year_status_administration_and_area(
    client, staff, requests_of_two_years
):
    last_year, this_year = requests_of_two_years
    client.force_login(staff)
    html = client.get("/en/members/needs/analysis/").content.decode()
    by_year = _rows(html, "<caption>Requests by year and status")
    # Submitted … declined, then the total: the duplicate merged into another is not counted.
    assert f'<th scope="row">{this_year}</th><td>2</td>' in by_year
    assert by_year.count("<tr>") == 3  # the header and two years
    by_area = _rows(html, "<caption>Requests of all years")
    assert by_area.count('<th scope="row">') == 2

    this_year_only = client.get("/en/members/needs/analysis/", {"year": this_year})
    caption = f"Requests of {this_year} by administration and area of expertise"
    assert caption in this_year_only.content.decode()
    # A year that is not one shows every year instead of an error.
    assert client.get("/ru/members/needs/analysis/", {"year": "x" * 30}).status_code == 200


def test_the_export_carries_the_table(client, staff, requests_of_two_years):
    client.force_login(staff)
    response = client.get("/en/members/needs/analysis.csv")
    assert response["Content-Disposition"] == 'attachment; filename="needs-analysis.csv"'
    lines = response.content.decode("utf-8-sig").splitlines()
    assert lines[0].startswith("Administration,") and lines[0].endswith(",Requests")
    assert any(line.startswith("Azerbaijan,") and line.endswith(",2") for line in lines)
    xlsx = client.get("/ru/members/needs/analysis.xlsx", {"year": requests_of_two_years[1]})
    assert xlsx.status_code == 200 and xlsx.content.startswith(b"PK")


def _assess(administration, people: int, position, competency) -> None:
    for n in range(people):
        owner = make_user(
            email=f"officer{n}@{administration.code.lower()}.test", administration=administration
        )
        assessment_save(owner=owner, position=position, ratings={competency.pk: 1})


def test_gaps_show_only_where_five_people_assessed_themselves(client, staff, azerbaijan, georgia):
    competency = make_competency(name_en="Risk analysis", name_ru="Анализ рисков")
    position = make_position(requires={competency: 3})
    _assess(azerbaijan, 5, position, competency)
    _assess(georgia, 4, position, competency)
    client.force_login(staff)
    html = client.get("/en/members/needs/analysis/").content.decode()
    gaps = html[html.index('id="gaps-heading"') :]
    assert "Azerbaijan (5 people assessed; 0 requests)" in gaps
    assert "Risk analysis: 5" in gaps
    assert "Georgia" not in gaps
    html = client.get("/ru/members/needs/analysis/").content.decode()
    assert "Анализ рисков: 5" in html


@pytest.mark.parametrize("language", ["en", "ru"])
def test_the_page_runs_a_fixed_number_of_queries(
    client, staff, focal_point, other_focal_point, language, django_assert_max_num_queries
):
    for n in range(20):
        make_need(
            submitted_by=[focal_point, other_focal_point][n % 2],
            areas=["risk-management", "integrity"],
        )
    competency = make_competency()
    _assess(focal_point.administration, 5, make_position(requires={competency: 2}), competency)
    client.force_login(staff)
    with django_assert_max_num_queries(10):
        assert client.get(f"/{language}/members/needs/analysis/").status_code == 200


def test_the_needs_list_links_the_analysis_for_those_who_may_read_it(
    client, staff, focal_point, django_assert_num_queries
):
    client.force_login(staff)
    assert "/en/members/needs/analysis/" in client.get("/en/members/needs/").content.decode()
    client.force_login(make_user(email="clerk@rocb.test", is_staff=True))
    assert "/en/members/needs/analysis/" not in client.get("/en/members/needs/").content.decode()
    client.force_login(focal_point)
    client.get("/en/members/needs/")
    # The user alone (the list is a cached fragment): no permission query for a member.
    with django_assert_num_queries(1):
        html = client.get("/en/members/needs/").content.decode()
    assert "/en/members/needs/analysis/" not in html
