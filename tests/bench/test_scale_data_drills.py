"""`make bench` and `make scale-drill` run on a hundredth of the scale data, so a change that
breaks the benchmark or the two-host set-up (sessions, files, cache invalidation across hosts,
PgBouncer, HAProxy) is red at once; their figures mean nothing at this size, except the
registration rush's counts: the capacity held, every post answered (issue 17).

Both run in one test on one benchmark database, built once (copied from the migrated test
database, then filled): building it is most of their cost."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import psycopg2
import pytest

from bench.servers import free_port
from rocb import embedded_db

ROOT = Path(__file__).resolve().parent.parent.parent
SCALE = "0.01"
NEEDED = ("wrk", "haproxy", "pgbouncer", "redis-server")
# bench/run.py's own set-up (static files, migrations, scale data) in a fresh database.
PREPARE = (
    "from bench.run import bench_database_url, environment, prepare; "
    f"prepare(environment(bench_database_url(fresh=True)), {SCALE})"
)


@pytest.fixture
def bench_environment(migrated_copy):
    """A drill's environment, with a benchmark database of this test's (copied from the
    migrated test database), dropped at the end."""
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    env["BENCH_DATABASE"] = f"drill_{os.environ.get('PYTEST_XDIST_WORKER', 'main')}_bench"
    env["BENCH_TEMPLATE"] = migrated_copy
    try:
        run([sys.executable, "-c", PREPARE], env)
        yield env
    finally:
        server = psycopg2.connect(os.environ.get("DATABASE_URL") or embedded_db.ensure_running())
        server.autocommit = True  # DROP DATABASE cannot run in a transaction
        with server.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{env["BENCH_DATABASE"]}" WITH (FORCE)')
        server.close()


def run(command: list[str], env: dict) -> str:
    result = subprocess.run(  # noqa: S603
        command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=900, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


@pytest.mark.migrated_copy
@pytest.mark.skipif(
    any(shutil.which(name) is None for name in NEEDED),
    reason=f"needs {', '.join(NEEDED)} (.ci/run installs them)",
)
def test_the_benchmark_and_the_two_host_drill_run_on_the_scale_data(tmp_path, bench_environment):
    # The benchmark: loads, serves and measures (the database is reused: no --fresh), then the
    # registration rush, smaller: 40 people for 5 seats from 16 connections.
    results = tmp_path / "results.json"
    command = [sys.executable, "bench/run.py", "--scale", SCALE, "--only", "news,rush"]
    command += ["--seconds", "1", "--warmup", "1", "--repeats", "1", "--connections", "2"]
    command += ["--rush-registrations", "40", "--rush-capacity", "5", "--rush-connections", "16"]
    output = run(
        [*command, "--results", str(results)], {**bench_environment, "BENCH_PORT": str(free_port())}
    )
    figures = json.loads(results.read_text())
    measured = {row["page"]: row for row in figures["results"]}
    assert set(measured) == {"floor", "bare floor", "news list", "news item"}
    assert all(row["errors"] == 0 and row["rps"] > 0 for row in measured.values())
    rush = figures["registration_rush"]
    assert (rush["overbooked"], rush["errors"], rush["held"], rush["waiting"]) == (0, 0, 5, 35)
    assert rush["saved"] == rush["accepted"] == 40
    assert rush["out_of_order"] == 0
    assert "40 registrations from 16 connections" in output
    assert "5 seats of 5 held, 35 waiting, 0 overbooked, 0 errors" in output
    assert "met    registration rush: 0 overbooked and 0 errors" in output

    # Two hosts behind HAProxy share sessions, files and cache, and survive one stopping.
    output = run(
        [sys.executable, "bench/scale_drill.py", "--scale", SCALE, "--seconds", "1"],
        bench_environment,
    )
    for line in (
        "ok     logged in through host 1, host 2 answers 200",
        "ok     a CV uploaded through host 1 downloads from host 2",
        "ok     no acknowledged write lost",
    ):
        assert line in output
    assert "two hosts / one: cached page" in output
