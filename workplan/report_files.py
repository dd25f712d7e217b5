"""The PDF of each approved period's progress report, in each language, drawn in the background
and kept in private storage, so that its address serves a stored file at once: WeasyPrint takes
minutes over the report of a whole plan (215 s for 193 pages at the benchmark's scale), far
longer than a request may.

A drawing is named by a digest of the HTML it is drawn from and of what lays it out (the
stylesheet, the fonts): `workplan-reports/<period id>/<language>-<digest>.pdf`. The address
serves the file whose digest is that of what the report shows now, so it never serves a PDF that
differs from the report's page. Which file that is, is remembered under the generations of the
tables the report reads, as the report's page is cached (core.generations): until one of them
is written to, a request renders nothing; after a write it renders the report's HTML once to
find the file, and when there is none (a title or a document changed) it queues the drawing and
answers that the PDF is being prepared. Approving a period queues its drawings; reopening it
queues the deletion of its files (the task `workplan.tasks.report_pdf_draw` does both).
"""

import hashlib
from dataclasses import dataclass
from functools import cache as memoized
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation

from core.files import private_storage
from core.generations import generations, tables_of
from workplan import charts, pdf, selectors
from workplan.models import Plan, ReportingPeriod

FOLDER = "workplan-reports"
TEMPLATE = "workplan/period_report_pdf.html"
# What the report shows, as its page declares it (workplan/urls.py): the plan, the library
# documents given as evidence, the administrations of the breakdowns.
READS = "workplan library.Document administrations.Administration"
# How long a queued drawing keeps the address from queueing it again (a worker may be busy).
QUEUED_SECONDS = 15 * 60
# What the page that says the PDF is being prepared asks a client to wait.
RETRY_AFTER_SECONDS = 120
LANGUAGES = [code for code, _name in settings.LANGUAGES]


def report_context(report: selectors.PeriodReport) -> dict:
    """What the report's page and its PDF show of a period's report."""
    return {
        "report": report,
        "result_chart": charts.result_chart([section.results for section in report.goals]),
        "results": selectors.RESULTS,
    }


def report_html(report: selectors.PeriodReport) -> str:
    """The HTML the PDF is drawn from, in the active language; the same in a request and in the
    task (no request, nothing that differs between two renders), so their digests meet."""
    context = {**report_context(report), "site_url": settings.SITE_URL, "svg_css": pdf.svg_css()}
    return render_to_string(TEMPLATE, context)


@memoized
def _layout_digest() -> str:
    """What lays the HTML out: the site's stylesheet and the fonts (a new one is a new drawing)."""
    digest = hashlib.sha256()
    with open(finders.find(pdf.STYLESHEET), "rb") as stylesheet:
        digest.update(stylesheet.read())
    for path in pdf.font_paths().values():
        digest.update(str(path).encode())
    return digest.hexdigest()


def file_name(*, period_id: int, language: str, html: str) -> str:
    digest = hashlib.sha256(f"{_layout_digest()}\n{html}".encode()).hexdigest()[:32]
    return f"{FOLDER}/{period_id}/{language}-{digest}.pdf"


def download_name(period: ReportingPeriod, language: str) -> str:
    return f"rocb-europe-progress-report-{period.identifier}-{language}.pdf"


@dataclass(frozen=True)
class StoredReport:
    """An approved period's report as a PDF: the file in private storage, None while it is
    being drawn."""

    period: ReportingPeriod
    name: str | None


def _current_key(*, plan: Plan, period: ReportingPeriod, language: str) -> str:
    # Read before the report is rendered: a write in between leaves the key behind at once.
    parts = repr([plan.pk, period.pk, language, *generations(tables_of(READS))])
    return f"workplan-report-pdf:{hashlib.sha256(parts.encode()).hexdigest()[:32]}"


def stored_report(*, plan: Plan, identifier: str) -> StoredReport | None:
    """The PDF of the approved period of that identifier in the active language, or None for a
    period that is unknown or not approved. Where no file holds what the report shows now, its
    drawing is queued (once) and the name is None."""
    language = translation.get_language()
    period, _others = selectors.approved_period(identifier=identifier)
    if period is None:
        return None
    key = _current_key(plan=plan, period=period, language=language)
    name = cache.get(key)
    storage = private_storage()
    if name is not None and storage.exists(name):
        return StoredReport(period, name)
    report = selectors.period_report(plan=plan, identifier=identifier)
    if report is None:  # reopened in between
        return None
    name = file_name(period_id=period.pk, language=language, html=report_html(report))
    if storage.exists(name):
        cache.set(key, name, settings.PUBLIC_PAGE_CACHE_SECONDS)
        return StoredReport(period, name)
    if cache.add(f"{name}:queued", True, QUEUED_SECONDS):
        transaction.on_commit(lambda: _queue(period_id=period.pk, languages=[language]))
    return StoredReport(period, None)


def report_files_refresh(*, period: ReportingPeriod) -> None:
    """Once the transaction commits: the period's PDF drawn again in each language if it is
    approved, its files deleted if not (the review's steps call this)."""
    transaction.on_commit(lambda: _queue(period_id=period.pk, languages=LANGUAGES))


def _queue(*, period_id: int, languages: list[str]) -> None:
    from workplan.tasks import report_pdf_draw

    for language in languages:
        report_pdf_draw.enqueue(period_id=period_id, language=language)


def report_file_draw(*, period_id: int, language: str) -> str:
    """Draw the PDF of the period's report in the language, unless its file exists already, and
    delete the files of earlier drawings; for a period not approved, delete its files. Returns
    the name of the stored file ("" for none)."""
    plan = selectors.current_plan()
    period = ReportingPeriod.objects.approved().filter(pk=period_id).first()
    html = None
    if plan is not None and period is not None:
        with translation.override(language):  # the report's labels are made in its language
            report = selectors.period_report(plan=plan, identifier=period.identifier)
            html = report_html(report) if report is not None else None
    if html is None:
        _files_delete(period_id=period_id, language=language, keep=None)
        return ""
    name = file_name(period_id=period_id, language=language, html=html)
    storage = private_storage()
    if not storage.exists(name):
        storage.save(name, ContentFile(pdf.html_to_pdf(html)))
    if not ReportingPeriod.objects.approved().filter(pk=period_id).exists():
        name = None  # reopened while it was drawn: this drawing is stale already
    _files_delete(period_id=period_id, language=language, keep=name)
    return name or ""


def _files_delete(*, period_id: int, language: str, keep: str | None) -> None:
    storage = private_storage()
    folder = f"{FOLDER}/{period_id}"
    try:
        # An object store has no folders to ask about: its listing of the prefix is the test.
        filenames = storage.listdir(folder)[1]
    except FileNotFoundError:  # a local folder not made yet: nothing was ever drawn
        return
    for filename in filenames:
        name = f"{folder}/{filename}"
        if Path(filename).name.startswith(f"{language}-") and name != keep:
            storage.delete(name)
