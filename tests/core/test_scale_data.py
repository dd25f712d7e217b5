"""The benchmark's scale data, loaded at a hundredth of its size: every app's loader runs, its rows
are valid and in both languages, and every page the benchmark loads answers within the query
budget on it."""

import io
import itertools

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import models, transaction

from accounts.models import User
from accounts.scale import BENCH_MEMBER, BENCH_STAFF
from administrations.models import Administration
from bench.pages import placeholders
from bench.run import PAGES
from competencies.models import Competency, JobPosition, LevelDescriptor, ProficiencyLevel
from contacts.models import ContactPoint
from core.files import private_storage
from experts.filters import search_query
from experts.models import Expert
from library.models import Document, DocumentFile
from needs.models import Mission, NeedsRequest
from outreach.models import Event, NewsItem
from portal.management.commands.scale_data import load_all
from workplan import pdf
from workplan.models import Activity, Actual, Indicator, ReportingPeriod, Target
from workplan.tasks import report_pdf_draw

# One worker runs the module, so the scale data is loaded once (`--dist loadgroup`).
pytestmark = [pytest.mark.django_db, pytest.mark.xdist_group("scale_data")]

SCALE = 0.01


@pytest.fixture(scope="module")
def scaled_region(django_db_setup, django_db_blocker):
    """The scale data, loaded once for the module's tests (loading is most of their cost) in a
    transaction rolled back after them; each test's own transaction nests inside it."""
    with django_db_blocker.unblock(), transaction.atomic():
        load_all(stdout=io.StringIO(), scale=SCALE)
        yield
        transaction.set_rollback(True)


def _valid(rows) -> None:
    for row in rows:
        row.full_clean()


def test_every_app_loads_its_share_of_valid_bilingual_rows(scaled_region):
    assert Administration.objects.members().count() == 60
    assert ContactPoint.objects.count() == 30
    assert Expert.objects.count() == 100
    assert NewsItem.objects.count() == 20
    assert Event.objects.count() == 5
    assert Document.objects.count() == 50
    assert NeedsRequest.objects.count() == 30
    assert NeedsRequest.objects.values("administration").distinct().count() == 30
    assert Mission.objects.count() == 5
    assert not Mission.objects.filter(provider=models.F("administration")).exists()
    # The real plan's 27 activities and at least one generated, each reported in ten periods.
    activities = Activity.objects.filter(goal__plan__is_current=True).count()
    assert activities == 28
    assert ReportingPeriod.objects.count() == 10
    assert Indicator.objects.count() == activities * 3
    assert Target.objects.count() == Actual.objects.count() == activities * 3 * 10
    # The competency framework is reference data: whole at any scale.
    assert JobPosition.objects.count() == 23
    assert Competency.objects.count() == 80
    assert LevelDescriptor.objects.count() == 80 * ProficiencyLevel.objects.count()
    assert not JobPosition.objects.filter(requirements__isnull=True).exists()
    assert User.objects.get(email=BENCH_MEMBER).is_focal_point

    for model, field in [
        (ContactPoint, "name"),
        (Expert, "family_name"),
        (NewsItem, "title"),
        (Event, "title"),
        (Activity, "title"),
        (Indicator, "name"),
        (Actual, "narrative"),
        (Competency, "name"),
        (JobPosition, "title"),
        (NeedsRequest, "title"),
    ]:
        rows = list(model.objects.order_by("-pk")[:5])
        _valid(rows)
        assert all(getattr(row, f"{field}_ru") for row in rows), model
        assert all(getattr(row, f"{field}_en") for row in rows), model
    # Some documents have no Russian title: Russian pages show them in English.
    _valid(Document.objects.all()[:5])
    assert Document.objects.exclude(title_ru="").exists()
    assert Document.objects.filter(title_ru="").exists()

    figures = Actual.objects.filter(value__isnull=False)
    assert figures.exists()
    assert not figures.filter(indicator__measure="qualitative").exists()

    assert not Expert.objects.filter(search_vector__isnull=True).exists()
    expert = Expert.objects.first()
    assert expert in Expert.objects.filter(search_vector=search_query(expert.family_name_ru))

    files = DocumentFile.objects.all()
    assert files.count() >= Document.objects.count()
    assert {f.kind for f in files} == {"pdf", "docx"}
    for name in files.values_list("file", flat=True).distinct():
        assert private_storage().exists(name)


def test_the_command_refuses_a_database_that_is_not_the_benchmarks():
    with pytest.raises(CommandError, match="benchmark database"):
        call_command("scale_data", scale=SCALE)


def test_every_benchmark_page_answers_within_the_query_budget(
    scaled_region, client, django_assert_max_num_queries, monkeypatch
):
    values = placeholders()
    # The PDF's address serves the drawing the worker makes once a period is approved (drawn here
    # by a stand-in for WeasyPrint).
    monkeypatch.setattr(pdf, "html_to_pdf", lambda html: b"%PDF-stand-in")
    period = ReportingPeriod.objects.approved().order_by("-starts_on").first()  # the bench's
    for language in ("en", "ru"):
        report_pdf_draw.enqueue(period_id=period.pk, language=language)
    member = User.objects.get(email=BENCH_MEMBER)
    staff = User.objects.get(email=BENCH_STAFF)
    # The two floors are served only while the benchmark runs.
    for page, language in itertools.product(PAGES[2:], ["en", "ru"]):
        path = page.path.format(**values).replace("/en/", f"/{language}/", 1)
        if page.staff:
            client.force_login(staff)
        elif page.member:
            client.force_login(member)
        else:
            client.logout()
        with django_assert_max_num_queries(page.queries, info=path):
            response = client.get(path)
        assert response.status_code == 200, path
        if response.streaming:  # a file (the PDF), read to its end and closed
            b"".join(response.streaming_content)
