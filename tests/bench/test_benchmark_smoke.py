"""`make bench` sets up and measures, on a hundredth of the scale data in a database of its own,
so a change that breaks the benchmark is red at once (its figures mean nothing at this size)."""

import json
import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import psycopg2
import pytest

from rocb import embedded_db

ROOT = Path(__file__).resolve().parent.parent.parent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.mark.skipif(shutil.which("wrk") is None, reason="wrk is not installed (.ci/run does it)")
def test_the_benchmark_loads_its_data_serves_and_measures(tmp_path):
    # The tests' server (DATABASE_URL, or the embedded one), with a database of the smoke run's.
    url = os.environ.get("DATABASE_URL") or embedded_db.ensure_running()
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
    env.update(BENCH_DATABASE=f"smoke_{worker}_bench", BENCH_PORT=str(free_port()))
    results = tmp_path / "results.json"
    run = [sys.executable, "bench/run.py", "--fresh", "--scale", "0.01", "--only", "news"]
    run += ["--seconds", "1", "--warmup", "1", "--repeats", "1", "--connections", "2"]
    try:
        output = subprocess.run(  # noqa: S603
            [*run, "--results", str(results)],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=600,
            check=False,
        )
    finally:
        server = psycopg2.connect(url)
        server.autocommit = True  # DROP DATABASE cannot run in a transaction
        with server.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{env["BENCH_DATABASE"]}" WITH (FORCE)')
        server.close()
    assert output.returncode == 0, output.stdout + output.stderr
    figures = json.loads(results.read_text())
    measured = {row["page"]: row for row in figures["results"]}
    assert set(measured) == {"floor", "bare floor", "news list", "news item"}
    assert all(row["errors"] == 0 and row["rps"] > 0 for row in measured.values())
