"""The logframe: goals, activities, outputs, outcomes and indicators with baseline and each
approved period's target and actual; the Work Plan's filters; CSV and XLSX; fixed queries."""

import csv
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from tests.workplan.builders import make_big_plan
from workplan import services
from workplan.models import Indicator, ReportingPeriod

pytestmark = pytest.mark.django_db


@pytest.fixture
def reported(activity):
    """Activity 1.1 counts needs: 2021 approved (target 20, actual 17), 2022 in draft."""
    indicator = activity.indicators.get()
    indicator.measure, indicator.unit_en, indicator.unit_ru = "number", "needs", "потребности"
    indicator.baseline_value, indicator.baseline_year, indicator.end_target = 8, 2019, 30
    indicator.save()
    approved, draft = (
        services.reporting_period_create(
            name={"en": str(year), "ru": f"{year} год"},
            starts_on=f"{year}-01-01",
            ends_on=f"{year}-12-31",
        )
        for year in (2021, 2022)
    )
    for period, target, actual in ((approved, 20, 17), (draft, 25, 23)):
        services.target_set(indicator=indicator, period=period, value=target)
        services.actual_record(
            indicator=indicator, period=period, narratives={"en": "x"}, value=actual, author=None
        )
    ReportingPeriod.objects.filter(pk=approved.pk).update(report_status="approved")
    return indicator


def test_the_logframe_shows_the_chain_and_approved_figures_only(client, reported):
    response = client.get(reverse("workplan:logframe"))
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count("<h1") == 1
    for text in (
        "Goal 1:",
        "Maintain and promote sustainable mechanism",  # the activity
        "Expected output:",
        "Intended outcome:",
        'class="status status-ongoing"',
        reported.name_en,
        "(needs)",
        "(2019)",
        '<td class="number">20</td><td class="number actual">17</td>',
    ):
        assert text in html, text
    assert ">2022<" not in html and ">23<" not in html  # the draft period stays out
    assert 'class="table-scroll logframe-scroll" role="region" tabindex="0"' in html
    assert 'class="sticky"' in html  # the first column stays in view on a phone
    ru = client.get("/ru/workplan/logframe/").content.decode()
    assert "2021 год" in ru and "Ожидаемый результат:" in ru and "(потребности)" in ru


def test_the_logframe_takes_the_work_plan_filters(client, reported):
    html = client.get(reverse("workplan:logframe"), {"goal": "2", "junk": "1"}).content.decode()
    assert 'id="goal-2"' in html and 'id="goal-1"' not in html
    assert 'href="/en/workplan/logframe/export.csv?goal=2"' in html
    html = client.get(reverse("workplan:logframe"), {"status": "nonsense"}).content.decode()
    assert 'id="goal-7"' in html  # an invalid filter is ignored
    assert "Select a valid choice" in html


def test_the_logframe_exports_csv_and_xlsx(client, reported):
    response = client.get(reverse("workplan:logframe_csv"))
    assert response["Content-Disposition"].startswith('attachment; filename="rocb-europe-logframe-')
    header, *rows = csv.reader(io.StringIO(response.content.decode("utf-8-sig")))
    assert header[:3] == ["Goal", "Number", "Activity"]
    line = dict(zip(header, rows[0], strict=True))
    assert (line["Number"], line["Reporting period"], line["Target"], line["Actual value"]) == (
        "1.1",
        "2021",
        "20",
        "17",
    )
    assert (line["Baseline"], line["Baseline year"], line["Unit"]) == ("8", "2019", "needs")
    assert len(rows) == Indicator.objects.count()  # one line each: 1.1 has one approved period
    response = client.get("/ru/workplan/logframe/export.xlsx", {"goal": "1"})
    sheet = load_workbook(io.BytesIO(response.content), read_only=True).active
    cells = [list(row) for row in sheet.iter_rows(values_only=True)]
    assert cells[0][:3] == ["Цель", "Номер", "Вид деятельности"]
    assert {row[1] for row in cells[1:]} == {"1.1", "1.2", "1.3", "1.4"}


def test_the_logframe_is_cached_and_its_queries_do_not_grow_with_the_plan(
    client, reported, django_assert_max_num_queries, django_assert_num_queries
):
    with CaptureQueriesContext(connection) as small:
        client.get("/ru/workplan/logframe/?status=ongoing")
    with django_assert_num_queries(0):  # the second visitor gets the cached page
        assert client.get("/ru/workplan/logframe/?status=ongoing").status_code == 200
    make_big_plan(goals=4, per_goal=25, periods=10, indicators=3)  # 300 indicators, 10 periods
    with django_assert_max_num_queries(8) as big:
        html = client.get("/ru/workplan/logframe/?status=ongoing").content.decode()
    assert len(big) == len(small)
    # The ten periods and the seed's two approved ones over each goal's table.
    assert html.count('<th scope="colgroup"') == 4 * 12
