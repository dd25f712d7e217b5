"""Benchmark of the expert ranking of one needs request over 10,000 experts and 500 missions.

    .venv/bin/python -m bench.expert_ranking [--runs 30]

Fills the development database with the benchmark's experts and needs (experts/scale.py,
needs/scale.py) inside a transaction that is rolled back at the end (the database is left as it
was), then times the ranking's page of rows as the request page reads it (`ranked_experts` through
Django's Paginator) and the whole request page as office staff see it, and
prints PostgreSQL's EXPLAIN ANALYZE of the ranking query.
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

from django.db import connection, transaction  # noqa: E402
from django.db.models import Count  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from accounts.models import User  # noqa: E402
from experts import scale as experts_scale  # noqa: E402
from needs import scale as needs_scale  # noqa: E402
from needs import selectors  # noqa: E402
from needs.models import NeedsRequest  # noqa: E402


def busiest_need() -> NeedsRequest:
    """The request with the most areas (the most experts to rank)."""
    return (
        NeedsRequest.objects.annotate(area_count=Count("areas"))
        .order_by("-area_count", "pk")
        .first()
    )


def p95(samples: list[float]) -> float:
    samples = sorted(samples)
    return samples[max(int(len(samples) * 0.95) - 1, 0)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    with transaction.atomic():
        started = time.perf_counter()
        experts_scale.load(stdout=io.StringIO())
        needs_scale.load(stdout=io.StringIO())
        print(f"Loaded the scale data in {time.perf_counter() - started:.1f} s")
        need = NeedsRequest.objects.select_related("submitted_by").get(pk=busiest_need().pk)
        staff = User.objects.create_user(
            "ranking-bench@rocb.test", "x", is_staff=True, is_superuser=True
        )
        times = []
        for _ in range(args.runs + 3):
            started = time.perf_counter()
            experts = selectors.ranked_experts(need=need)
            page = selectors.RankingPaginator(experts, 10).get_page(1)
            rows = list(page.object_list)
            times.append((time.perf_counter() - started) * 1000)
        times = times[3:]
        print(
            f"ranking of request {need.pk} ({need.areas.count()} areas, "
            f"{page.paginator.count} experts ranked): median {statistics.median(times):.1f} ms, "
            f"p95 {p95(times):.1f} ms; first: {rows[0]} score {rows[0].score}"
        )
        client = Client()
        client.force_login(staff)
        path = f"/en/members/needs/{need.pk}/"
        client.get(path)
        with CaptureQueriesContext(connection) as queries:
            client.get(path)
        page_times = []
        for _ in range(args.runs):
            started = time.perf_counter()
            if client.get(path).status_code != 200:
                raise SystemExit(f"{path} did not answer 200")
            page_times.append((time.perf_counter() - started) * 1000)
        print(
            f"request page as staff: median {statistics.median(page_times):.1f} ms, "
            f"p95 {p95(page_times):.1f} ms, {len(queries)} queries"
        )
        params = selectors.ranked_experts(need=need).params(0, 10)
        with connection.cursor() as cursor:
            cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS) {selectors.ranking_sql()}", params)
            print("\n".join(row[0] for row in cursor.fetchall()))
        transaction.set_rollback(True)


if __name__ == "__main__":
    main()
