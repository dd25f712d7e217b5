"""The progress report of an approved period: the page in both languages, the PDF, 404 for a
period that is not approved, the cache, fixed queries, and the Work Plan page's links to the
report and to the Strategic Framework Document."""

import datetime
import io
import re

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from pypdf import PdfReader

from accounts.models import User
from administrations.models import Administration
from core.files import private_storage
from library.models import Document
from tests.library.factories import make_document
from tests.workplan.builders import make_big_plan
from workplan import services
from workplan.models import Actual, ReportingPeriod

pytestmark = pytest.mark.django_db

NARRATIVE = ("Seventeen requests were analysed.", "Проанализированы семнадцать запросов.")
DRAFT = ("Draft year text, not yet reviewed.", "Черновой текст, ещё не проверен.")


@pytest.fixture
def reviewer(db) -> User:
    user = User.objects.create_user("reviewer@rocb.test", "x", is_staff=True)
    user.groups.add(Group.objects.get(name="Reviewers"))
    return user


@pytest.fixture
def reported(activity) -> ReportingPeriod:
    """Activity 1.1 counts needs: 2021 approved (target 20, actual 17, computed, with a breakdown
    and public evidence), 2022 in draft (target 25, actual 23); 1.2's indicator has a narrative
    only. Returns 2021."""
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
    evidence = make_document(
        visibility=Document.Visibility.PUBLIC, title_en="Needs survey", title_ru="Обзор нужд"
    )
    for period, target, value, (en, ru) in ((approved, 20, 17, NARRATIVE), (draft, 25, 23, DRAFT)):
        services.target_set(indicator=indicator, period=period, value=target)
        actual = services.actual_record(
            indicator=indicator,
            period=period,
            narratives={"en": en, "ru": ru},
            value=value,
            author=None,
            evidence_document=evidence,
        )
        services.actual_breakdown_set(
            actual=actual, rows=[(Administration.objects.get(code="AZ"), "", value - 10)]
        )
    Actual.objects.filter(indicator=indicator, period=approved).update(
        computed_at=datetime.datetime(2022, 1, 3, 4, 15, tzinfo=datetime.UTC)
    )
    words = activity.goal.activities.get(sequence=2).indicators.first()
    services.actual_record(
        indicator=words,
        period=approved,
        narratives={"en": "Held as planned."},
        value=None,
        author=None,
    )
    ReportingPeriod.objects.filter(pk=approved.pk).update(report_status="approved")
    return ReportingPeriod.objects.get(pk=approved.pk)


def text_of(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_the_report_shows_the_approved_period_in_both_languages(client, reported):
    response = client.get(reverse("workplan:report", kwargs={"period": "2021"}))
    assert response.status_code == 200
    html = response.content.decode()
    text = text_of(html)
    assert html.count("<h1") == 1
    for expected in (
        "ROCB Europe Work Plan",
        "Progress report 2021",
        "Goal 1: Promote the work on Customs Capacity Building",
        "Baseline: 8 (2019)",
        "Target: 20",
        "Actual value: 17",
        "Computed from the portal's records on",
        NARRATIVE[0],
        "Needs survey",
        "Azerbaijan",
        "Held as planned.",
    ):
        assert expected in text, expected
    assert '<strong class="result result-below">Below the target</strong>' in html  # 17 < 20
    assert '<strong class="result result-in_words">Reported in words</strong>' in html
    assert 'href="/en/workplan/reports/2021/report.pdf"' in html
    assert 'role="img"' in html and 'id="result-table-caption"' in html  # chart and its table
    for draft in (DRAFT[0], "Actual value: 23", "Target: 25"):
        assert draft not in text, draft  # the draft period stays out
    ru = text_of(client.get("/ru/workplan/reports/2021/").content.decode())
    assert "План работы РБНП Европа" in ru and "2021 год" in ru and NARRATIVE[1] in ru
    assert "Обзор нужд" in ru and DRAFT[1] not in ru and "Progress report" not in ru


def test_an_unknown_or_unapproved_period_has_no_report(client, reported):
    for language in ("en", "ru"):
        for period in ("2022", "1999", "2021-h1"):
            for name in ("workplan:report", "workplan:report_pdf"):
                path = reverse(name, kwargs={"period": period}).replace("/en/", f"/{language}/")
                assert client.get(path).status_code == 404, path
    sitemap = client.get("/sitemap-reports.xml").content.decode()
    assert "/en/workplan/reports/2021/" in sitemap and "/reports/2020/" in sitemap
    assert "/reports/2022/" not in sitemap


def test_the_pdf_is_a_real_pdf_with_russian_text_in_an_embedded_font(
    client, reviewer, django_capture_on_commit_callbacks
):
    # A small plan (WeasyPrint takes its time over each page): 2030 submitted, 2031 in draft.
    make_big_plan(goals=1, per_goal=2, periods=2, indicators=1)
    ReportingPeriod.objects.filter(name_en="Year 2031").update(report_status="draft")
    ReportingPeriod.objects.filter(name_en="Year 2030").update(report_status="submitted")
    period = ReportingPeriod.objects.get(name_en="Year 2030")
    # Approving draws the PDF in each language (the task runs at once in the tests).
    with django_capture_on_commit_callbacks(execute=True):
        services.period_report_approve(period=period, by=reviewer)
    response = client.get("/ru/workplan/reports/year-2030/report.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    disposition = response["Content-Disposition"]
    assert 'filename="rocb-europe-progress-report-year-2030-ru.pdf"' in disposition
    content = b"".join(response.streaming_content)  # the stored file, streamed
    folder = f"workplan-reports/{period.pk}"
    english_file, russian_file = sorted(private_storage().listdir(folder)[1])
    assert english_file.startswith("en-") and russian_file.startswith("ru-")
    with private_storage().open(f"{folder}/{russian_file}") as file:
        assert file.read() == content
    assert content.startswith(b"%PDF-")
    reader = PdfReader(io.BytesIO(content))
    text = re.sub(r"\s+", " ", " ".join(page.extract_text() for page in reader.pages))
    assert "Большой план" in text and "Отчёт о ходе выполнения за Год 2030" in text
    assert "Ход работы: Мероприятие 1.1, Год 2030" in text and "Исходное значение: 2" in text
    assert "Год 2031" not in text  # the draft period's figures and narratives stay out
    fonts = {
        str(font["/BaseFont"])
        for page in reader.pages
        for font in page["/Resources"]["/Font"].values()
    }
    assert fonts and all("DejaVu-Sans" in font for font in fonts), fonts  # no fallback font
    assert reader.metadata.title == "Отчёт о ходе выполнения за Год 2030 | Большой план"
    # The English PDF (the second and last PDF the tests draw).
    response = client.get("/en/workplan/reports/year-2030/report.pdf")
    english = PdfReader(io.BytesIO(b"".join(response.streaming_content)))
    text = re.sub(r"\s+", " ", " ".join(page.extract_text() for page in english.pages))
    assert "Progress report Year 2030" in text and "Progress of Activity 1.1 in Year 2030" in text
    assert "Year 2031" not in text


def test_the_report_is_cached_and_follows_its_period(
    client, reported, reviewer, activity, django_assert_num_queries
):
    path = "/en/workplan/reports/2021/"
    client.get(path)
    with django_assert_num_queries(0):  # the next visitor gets the cached page
        assert client.get(path).status_code == 200
    services.period_report_reopen(period=reported, by=reviewer, comment="A figure was wrong.")
    assert client.get(path).status_code == 404  # reopened: no longer public
    services.actual_record(
        indicator=activity.indicators.get(),
        period=reported,
        narratives={"en": "Nineteen requests, after a recount."},
        value=19,
        author=reviewer,
    )
    services.period_report_submit(period=reported, by=reviewer)
    services.period_report_approve(period=reported, by=reviewer)
    text = text_of(client.get(path).content.decode())
    assert "Actual value: 19" in text and "after a recount" in text


def test_the_reports_queries_do_not_grow_with_the_plan(
    client, reported, django_assert_max_num_queries
):
    with CaptureQueriesContext(connection) as small:
        assert client.get("/ru/workplan/reports/2021/").status_code == 200
    make_big_plan(goals=4, per_goal=25, periods=10, indicators=3)  # 300 indicators, 10 periods
    with django_assert_max_num_queries(8) as big:
        html = client.get("/ru/workplan/reports/year-2039/").content.decode()
    assert len(big) == len(small)
    assert html.count('class="report-indicator"') == 300


def test_the_work_plan_links_the_latest_report_and_the_strategic_framework(
    client, reported, plan, staff
):
    framework = make_document(
        visibility=Document.Visibility.PUBLIC,
        title_en="Strategic Framework 2020-2025",
        title_ru="Стратегическая программа 2020-2025",
    )
    services.plan_strategic_framework_set(plan=plan, document=framework, by=staff)
    html = client.get("/en/workplan/").content.decode()
    assert 'href="/en/workplan/reports/2021/">Progress report 2021</a>' in html
    assert 'href="/en/workplan/reports/2021/report.pdf"' in html
    assert f'href="/en/documents/{framework.pk}/">Strategic Framework Document</a>' in html
    ru = client.get("/ru/workplan/").content.decode()
    assert 'href="/ru/workplan/reports/2021/"' in ru and "Стратегическая программа" in ru
    # Only a public document can be the framework; one made private later is no longer linked.
    private = make_document(visibility=Document.Visibility.MEMBERS)
    with translation.override("en"), pytest.raises(ValidationError, match="Choose a public"):
        services.plan_strategic_framework_set(plan=plan, document=private, by=staff)
    Document.objects.filter(pk=framework.pk).update(visibility=Document.Visibility.MEMBERS)
    assert "Strategic Framework Document" not in client.get("/en/workplan/").content.decode()


def test_two_periods_cannot_share_a_report_address(reported):
    with pytest.raises(ValidationError, match="Another reporting period has this name"):
        services.reporting_period_create(
            name={"en": "2021"}, starts_on="2031-01-01", ends_on="2031-12-31"
        )
    assert reported.identifier == "2021"
    assert ReportingPeriod(name_en="2022, H1").identifier == "2022-h1"
