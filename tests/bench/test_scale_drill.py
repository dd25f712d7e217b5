"""`make scale-drill` runs on a hundredth of the scale data, so a change that breaks the two-host
set-up (sessions, files, cache invalidation across hosts, PgBouncer, HAProxy) is red at once."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import psycopg2
import pytest

from rocb import embedded_db

ROOT = Path(__file__).resolve().parent.parent.parent
NEEDED = ("wrk", "haproxy", "pgbouncer", "redis-server")


@pytest.mark.skipif(
    any(shutil.which(name) is None for name in NEEDED),
    reason=f"needs {', '.join(NEEDED)} (.ci/run installs them)",
)
def test_two_hosts_share_sessions_files_and_cache_and_survive_one_stopping():
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    env["BENCH_DATABASE"] = f"drill_{os.environ.get('PYTEST_XDIST_WORKER', 'main')}_bench"
    command = [
        sys.executable,
        "bench/scale_drill.py",
        "--fresh",
        "--scale",
        "0.01",
        "--seconds",
        "1",
    ]
    try:
        result = subprocess.run(  # noqa: S603
            command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=900, check=False
        )
    finally:
        server = psycopg2.connect(os.environ.get("DATABASE_URL") or embedded_db.ensure_running())
        server.autocommit = True  # DROP DATABASE cannot run in a transaction
        with server.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{env["BENCH_DATABASE"]}" WITH (FORCE)')
        server.close()
    output = result.stdout
    assert result.returncode == 0, output + result.stderr
    for line in (
        "ok     logged in through host 1, host 2 answers 200",
        "ok     a CV uploaded through host 1 downloads from host 2",
        "ok     no acknowledged write lost",
    ):
        assert line in output
    assert "two hosts / one: cached page" in output
