"""The PDF of a period's report, drawn in the background and served from private storage:
approving draws it in each language, its address serves the stored file, a change of what it
shows draws it again (never serving the old one), reopening deletes it, and until a drawing is
ready the address says so. WeasyPrint is replaced by a stand-in that writes the report's text
(tests/workplan/test_report.py draws real PDFs)."""

import re

import pytest
from django.contrib.auth.models import Group

from accounts.models import User
from core.files import private_storage
from tests.workplan.builders import make_big_plan
from workplan import pdf, services
from workplan.models import Indicator, ReportingPeriod
from workplan.report_files import FOLDER

pytestmark = pytest.mark.django_db

PDF = "/{language}/workplan/reports/year-2030/report.pdf"


def text_of(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


@pytest.fixture
def drawings(monkeypatch) -> list[str]:
    """The HTML of each drawing made; the "PDF" is the report's text."""
    made = []

    def draw(html: str) -> bytes:
        made.append(html)
        return b"%PDF-stand-in " + text_of(html).encode()

    monkeypatch.setattr(pdf, "html_to_pdf", draw)
    return made


@pytest.fixture
def reviewer(db) -> User:
    user = User.objects.create_user("reviewer@rocb.test", "x", is_staff=True)
    user.groups.add(Group.objects.get(name="Reviewers"))
    return user


@pytest.fixture
def submitted(db) -> ReportingPeriod:
    """A plan of two activities with an indicator each; Year 2030 submitted for review."""
    make_big_plan(goals=1, per_goal=2, periods=1, indicators=1)
    ReportingPeriod.objects.filter(name_en="Year 2030").update(report_status="submitted")
    return ReportingPeriod.objects.get(name_en="Year 2030")


@pytest.fixture
def approved(submitted, reviewer, drawings, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return services.period_report_approve(period=submitted, by=reviewer)


def stored(period: ReportingPeriod) -> list[str]:
    try:
        return sorted(private_storage().listdir(f"{FOLDER}/{period.pk}")[1])
    except FileNotFoundError:
        return []


def served(response) -> bytes:
    assert response.status_code == 200, response.status_code
    assert response["Content-Type"] == "application/pdf"
    return b"".join(response.streaming_content)


def test_approving_draws_the_pdf_in_each_language_and_its_address_serves_it(
    client, approved, drawings
):
    assert len(drawings) == 2
    english, russian = stored(approved)
    assert english.startswith("en-") and russian.startswith("ru-")
    content = served(client.get(PDF.format(language="ru")))
    with private_storage().open(f"{FOLDER}/{approved.pk}/{russian}") as file:
        assert content == file.read()
    assert "Отчёт о ходе выполнения за Год 2030" in content.decode()
    assert "Progress report Year 2030" in served(client.get(PDF.format(language="en"))).decode()
    assert len(drawings) == 2  # served, not drawn again


def test_until_it_is_drawn_the_address_says_so_and_queues_the_drawing_once(
    client, submitted, reviewer, drawings, django_capture_on_commit_callbacks
):
    services.period_report_approve(period=submitted, by=reviewer)  # its tasks never run
    with django_capture_on_commit_callbacks(execute=True) as queued:
        response = client.get(PDF.format(language="ru"))
        assert client.get(PDF.format(language="ru")).status_code == 503
    assert response.status_code == 503 and response["Retry-After"] == "120"
    assert "no-store" in response["Cache-Control"]
    text = text_of(response.content.decode())
    assert "PDF-файл отчёта о ходе выполнения за Год 2030 готовится" in text
    assert 'href="/ru/workplan/reports/year-2030/"' in response.content.decode()
    assert len(queued) == 1 and len(drawings) == 1  # one drawing, in Russian
    assert "Отчёт о ходе выполнения" in served(client.get(PDF.format(language="ru"))).decode()
    english = client.get(PDF.format(language="en"))
    assert english.status_code == 503 and "The PDF is being prepared" in english.content.decode()


def test_a_changed_figure_is_drawn_again_and_the_old_pdf_is_not_served(
    client, approved, drawings, django_capture_on_commit_callbacks
):
    old = served(client.get(PDF.format(language="en")))
    assert "Baseline: 2 (2029)" in old.decode()
    Indicator.objects.update(baseline_value=5)  # as the admin's form saves it
    with django_capture_on_commit_callbacks(execute=True):
        assert client.get(PDF.format(language="en")).status_code == 503
    new = served(client.get(PDF.format(language="en")))
    assert "Baseline: 5 (2029)" in new.decode() and "Baseline: 2" not in new.decode()
    assert len(stored(approved)) == 2  # the old English drawing is deleted, the Russian kept


def test_reopening_deletes_the_pdf_and_approving_again_draws_the_new_figures(
    client, approved, reviewer, drawings, django_capture_on_commit_callbacks
):
    served(client.get(PDF.format(language="en")))
    with django_capture_on_commit_callbacks(execute=True):
        services.period_report_reopen(period=approved, by=reviewer, comment="A wrong figure.")
    assert stored(approved) == []
    for language in ("en", "ru"):
        assert client.get(PDF.format(language=language)).status_code == 404
    indicator = Indicator.objects.filter(unit_en="events").get()
    services.actual_record(
        indicator=indicator,
        period=approved,
        narratives={"en": "Seven events, after a recount."},
        value=7,
        author=reviewer,
    )
    services.period_report_submit(period=approved, by=reviewer)
    with django_capture_on_commit_callbacks(execute=True):
        services.period_report_approve(period=approved, by=reviewer)
    text = served(client.get(PDF.format(language="en"))).decode()
    assert "Actual value: 7" in text and "after a recount" in text
    assert len(drawings) == 4 and len(stored(approved)) == 2
