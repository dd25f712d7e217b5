"""Benchmark of a period's progress report and its PDF at the benchmark's scale (issue 14: the
PDF of a period in under 5 s).

    .venv/bin/python -m bench.report_pdf [--runs 2] [--scale 1.0]

Fills the development database with the Work Plan's scale data (500 activities, 1,500
indicators, 10 approved periods) inside a transaction that is rolled back at the end (the
database is left as it was), then renders the newest period's report page afresh through
Django's test client, draws its PDF as the background task does (the time the worker takes), and
serves the stored PDF through its address, the page cache emptied before each run; prints the
times, the queries, the sizes and the PDF's pages. `make bench` loads the PDF's address too (the
file drawn before the run); the drawing, minutes long, is timed here only.
"""

import argparse
import io
import os
import statistics
import time

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "rocb.settings.base")
os.environ.setdefault("ALLOWED_HOSTS", "testserver")
django.setup()

from django.core.cache import cache  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from core.files import private_storage  # noqa: E402
from workplan import scale, selectors  # noqa: E402
from workplan.tasks import report_pdf_draw  # noqa: E402

PDF_MAX_MS = 5000


class Rollback(Exception):
    pass


def measure(client: Client, path: str, runs: int) -> None:
    times = []
    for _ in range(runs):
        cache.clear()
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            response = client.get(path)
            times.append((time.perf_counter() - started) * 1000)
        if response.status_code != 200:
            raise SystemExit(f"{path} answered {response.status_code}")
    extra = ""
    content = b"".join(response) if response.streaming else response.content
    if path.endswith(".pdf"):
        from pypdf import PdfReader

        extra = f", {len(PdfReader(io.BytesIO(content)).pages)} pages"
    print(
        f"{path}: median {statistics.median(times):.0f} ms, the page cache empty ({runs} runs), "
        f"{len(queries)} queries, {len(content) / 1024:.0f} KiB{extra}"
    )
    if path.endswith(".pdf"):
        median = statistics.median(times)
        verdict = "met" if median < PDF_MAX_MS else "MISSED"
        print(f"{verdict}: the PDF of a period in {median:.0f} ms (< {PDF_MAX_MS})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=2)
    parser.add_argument("--scale", type=float, default=1.0)
    args = parser.parse_args()
    import weasyprint  # noqa: F401 (loaded once, as in a server process, not timed)

    try:
        with transaction.atomic():
            started = time.perf_counter()
            scale.load(stdout=io.StringIO(), scale=args.scale)
            print(f"Scale data loaded in {time.perf_counter() - started:.0f} s")
            period = selectors.latest_report_period()
            client = Client()
            for language in ("en", "ru"):
                page = f"/{language}/workplan/reports/{period.identifier}/"
                measure(client, page, args.runs)
                started = time.perf_counter()
                name = report_pdf_draw.call(period_id=period.pk, language=language)
                print(f"{language}: drawn by the task in {time.perf_counter() - started:.0f} s")
                try:
                    measure(client, f"{page}report.pdf", args.runs)
                finally:
                    private_storage().delete(name)  # the database is rolled back, so is the file
            print(f"Load average: {', '.join(f'{load:.2f}' for load in os.getloadavg())}")
            raise Rollback
    except Rollback:
        pass


if __name__ == "__main__":
    main()
