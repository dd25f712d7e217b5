"""Benchmark of the members' experts search over 10,000 experts.

    .venv/bin/python -m bench.experts_search [--experts 10000] [--runs 30]

Fills the development database with generated experts inside a transaction that is rolled back
at the end (the database is left as it was), then times the search page through Django's test
client (text plus filters, in English and Russian) and prints PostgreSQL's EXPLAIN ANALYZE of the
result query and of its count.
"""

import argparse
import os
import random
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
from django.utils import timezone, translation  # noqa: E402

from accounts.models import User  # noqa: E402
from contacts.models import Administration  # noqa: E402
from experts import selectors, services  # noqa: E402
from experts.models import LANGUAGES, Expert, ExpertiseArea, ExpertLanguage  # noqa: E402

GIVEN = ["Elvin", "Nigar", "Giorgi", "Tamar", "Aidos", "Saule", "Sergey", "Olga", "Oksana", "Ion"]
FAMILY = ["Aliyev", "Hasanova", "Kapanadze", "Lomidze", "Nurlanov", "Ivanov", "Smirnova", "Rusu"]
POSITIONS = [
    ("Head of Risk Management Division", "Начальник отдела управления рисками"),
    ("Senior Post-Clearance Audit Inspector", "Старший инспектор пост-таможенного аудита"),
    ("Tariff Classification Specialist", "Специалист по тарифной классификации"),
    ("Customs Valuation Expert", "Эксперт по таможенной стоимости"),
    ("Head of Training Centre", "Начальник учебного центра"),
    ("HR Development Officer", "Специалист по развитию персонала"),
    ("AEO Programme Manager", "Руководитель программы УЭО"),
    ("Integrity Adviser", "Советник по вопросам добросовестности"),
]


def fill(count: int) -> None:
    rng = random.Random(7)  # noqa: S311 - test data
    administrations = list(Administration.objects.members())
    areas = list(ExpertiseArea.objects.all())
    others = [code for code, _name in LANGUAGES if code not in ("en", "ru")]
    today = timezone.localdate()
    experts = Expert.objects.bulk_create(
        Expert(
            administration=rng.choice(administrations),
            given_names_en=rng.choice(GIVEN),
            family_name_en=f"{rng.choice(FAMILY)}{n}",
            position_en=(position := rng.choice(POSITIONS))[0],
            position_ru=position[1],
            email=f"bench{n}@customs.test",
            accreditation=rng.choice(["none", "none", "in_progress", "expert", "facilitator"]),
            consent_given_on=today,
            confirmed_on=today - timezone.timedelta(days=rng.randrange(800)),
        )
        for n in range(count)
    )
    Expert.areas.through.objects.bulk_create(
        Expert.areas.through(expert_id=expert.pk, expertisearea_id=area.pk)
        for expert in experts
        for area in rng.sample(areas, rng.randint(1, 4))
    )
    ExpertLanguage.objects.bulk_create(
        ExpertLanguage(expert=expert, language=code, level=rng.randint(1, 4))
        for expert in experts
        for code in rng.sample(["en", "ru", *rng.sample(others, 2)], rng.randint(1, 3))
    )
    started = time.perf_counter()
    services.expert_index(expert_ids=[expert.pk for expert in experts])
    print(f"Indexed {count} experts in {time.perf_counter() - started:.2f} s")
    with connection.cursor() as cursor:
        for table in ("experts_expert", "experts_expert_areas", "experts_expertlanguage"):
            cursor.execute(f"ANALYZE {table}")


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
    try:
        with transaction.atomic():
            fill(args.experts)
            member = User.objects.create_user("bench@customs.test", administration=az)
            client = Client()
            client.force_login(member)
            print(f"\nSearch page over {Expert.objects.count()} experts, {args.runs} runs each:")
            for language, params in cases:
                time_page(client, language, params, args.runs)
            for case in (cases[1], cases[2], cases[4]):
                explain(*case)
            raise Rollback
    except Rollback:
        print("\n(generated data rolled back)")


if __name__ == "__main__":
    main()
