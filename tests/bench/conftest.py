import os
import subprocess
import sys
from pathlib import Path

import psycopg2
import pytest

from rocb import embedded_db

ROOT = Path(__file__).resolve().parent.parent.parent
SCALE = "0.01"

# bench/run.py's own set-up (static files, migrations, scale data), run once for every drill.
PREPARE = (
    "from bench.run import bench_database_url, environment, prepare; "
    f"prepare(environment(bench_database_url(fresh=True)), {SCALE})"
)


@pytest.fixture(scope="session")
def bench_environment():
    """The environment of a drill: a benchmark database of this test run's (one per worker),
    migrated and filled with a hundredth of the scale data once for the benchmark smoke run and
    the scale drill (the drills are grouped on one worker, `--dist loadgroup`), dropped at the
    end. The drills run without `--fresh`, so they reuse it."""
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    env["BENCH_DATABASE"] = f"drill_{os.environ.get('PYTEST_XDIST_WORKER', 'main')}_bench"
    try:
        subprocess.run(  # noqa: S603
            [sys.executable, "-c", PREPARE], cwd=ROOT, env=env, check=True, timeout=600
        )
        yield env
    finally:
        server = psycopg2.connect(os.environ.get("DATABASE_URL") or embedded_db.ensure_running())
        server.autocommit = True  # DROP DATABASE cannot run in a transaction
        with server.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{env["BENCH_DATABASE"]}" WITH (FORCE)')
        server.close()
