"""The work plan's background job: the PDF of a period's progress report (workplan.report_files),
queued when a period is approved or reopened, and when the PDF's address finds no drawing of
what the report shows now."""

from django.tasks import task

from workplan.report_files import report_file_draw


@task
def report_pdf_draw(*, period_id: int, language: str) -> str:
    """Draw the approved period's PDF in the language and keep it in private storage (the
    earlier drawings deleted); a period no longer approved has its files deleted. Returns the
    stored file's name ("" for none)."""
    return report_file_draw(period_id=period_id, language=language)
