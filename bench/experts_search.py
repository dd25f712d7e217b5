"""Benchmark of the members' experts search over 10,000 experts.

    .venv/bin/python -m bench.experts_search [--experts 10000] [--runs 30]

Fills the development database with generated experts inside a transaction that is rolled back
at the end (the database is left as it was), then times the search page through Django's test
client (text plus filters, in English and Russian) and prints PostgreSQL's EXPLAIN ANALYZE of the
result query and of its count.
"""

import argparse
import os
import statistics
import time

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "rocb.settings.base")
os.environ.setdefault("ALLOWED_HOSTS", "testserver")
django.setup()

from django.db import connection, transaction  # noqa: E402
from django.http import QueryDict  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import translation  # noqa: E402

from accounts.models import User  # noqa: E402
from competencies.models import Competency  # noqa: E402
from contacts.models import Administration  # noqa: E402
from core.scaling import generator  # noqa: E402
from experts import selectors  # noqa: E402
from experts.models import Expert, ExpertiseArea  # noqa: E402
from experts.scale import make_experts  # noqa: E402


def fill(count: int) -> None:
    started = time.perf_counter()
    make_experts(count, rng=generator(7))
    print(f"Generated and indexed {count} experts in {time.perf_counter() - started:.2f} s")


def explain(language: str, params: dict) -> None:
    with translation.override(language):
        query = QueryDict(mutable=True)
        query.update(params)
        experts = selectors.expert_search(params=query).qs
        # The page as the view asks for it; the count as the paginator does (no ordering).
        for label, queryset in (("page", experts[:20]), ("count", experts.order_by())):
            sql, sql_params = queryset.values("pk").query.sql_with_params()
            if label == "count":
                sql = f"SELECT COUNT(*) FROM ({sql}) AS result"  # noqa: S608 - the ORM's own SQL
            else:
                sql, sql_params = queryset.query.sql_with_params()
            with connection.cursor() as cursor:
                cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS) {sql}", sql_params)
                plan = [row[0] for row in cursor.fetchall()]
            print(f"\n--- EXPLAIN ANALYZE ({label}, /{language}/, {params})")
            print("\n".join(plan))


def time_page(client: Client, language: str, params: dict, runs: int) -> None:
    url = f"/{language}/members/experts/"
    client.get(url, params)  # warm up
    timings, sql_timings = [], []
    for _ in range(runs):
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            response = client.get(url, params)
            timings.append((time.perf_counter() - started) * 1000)
        sql_timings.append(sum(float(q["time"]) for q in queries.captured_queries) * 1000)
        if response.status_code != 200:
            raise SystemExit(f"{url} answered {response.status_code}")
    query = QueryDict(mutable=True)
    query.update(params)
    found = selectors.expert_search(params=query).qs.count()
    timings.sort()
    print(
        f"{url} {params}: {found} found; {len(queries)} queries; "
        f"median {statistics.median(timings):.1f} ms, "
        f"p95 {timings[int(len(timings) * 0.95) - 1]:.1f} ms, max {timings[-1]:.1f} ms; "
        f"of which SQL: median {statistics.median(sql_timings):.1f} ms"
    )


class Rollback(Exception):
    pass


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--experts", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    az = Administration.objects.get(code="AZ")
    risk = ExpertiseArea.objects.get(slug="risk-management")
    cases = [
        ("en", {"q": "risk"}),
        ("en", {"q": "risk", "administration": az.pk, "language": "en", "level": "3"}),
        ("ru", {"q": "рисков", "area": risk.pk, "accreditation": "expert"}),
        ("ru", {"q": "Aliyev"}),
        ("ru", {"q": "Киотской конвенции", "language": "ru", "level": "3"}),
        ("en", {"sort": "administration", "page": "50"}),
    ]
    # Experts holding a competency of the (demo) framework at level 3 or above, where there is one.
    competency = Competency.objects.endorsed().order_by("code").first()
    if competency is not None:
        cases.append(("en", {"competency": competency.pk, "competency_level": "3"}))
    try:
        with transaction.atomic():
            fill(args.experts)
            member = User.objects.create_user("bench@customs.test", administration=az)
            client = Client()
            client.force_login(member)
            print(f"\nSearch page over {Expert.objects.count()} experts, {args.runs} runs each:")
            for language, params in cases:
                time_page(client, language, params, args.runs)
            for case in (cases[1], cases[2], cases[4], *cases[6:]):
                explain(*case)
            raise Rollback
    except Rollback:
        print("\n(generated data rolled back)")


if __name__ == "__main__":
    main()
