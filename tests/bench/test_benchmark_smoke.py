"""`make bench` sets up and measures, on a hundredth of the scale data in a database of its own,
so a change that breaks the benchmark is red at once (its figures mean nothing at this size)."""

import json
import shutil
import subprocess
import sys

import pytest

from bench.servers import free_port
from tests.bench.conftest import ROOT, SCALE


@pytest.mark.xdist_group("bench-database")
@pytest.mark.skipif(shutil.which("wrk") is None, reason="wrk is not installed (.ci/run does it)")
def test_the_benchmark_loads_its_data_serves_and_measures(tmp_path, bench_environment):
    env = {**bench_environment, "BENCH_PORT": str(free_port())}
    results = tmp_path / "results.json"
    run = [sys.executable, "bench/run.py", "--scale", SCALE, "--only", "news"]
    run += ["--seconds", "1", "--warmup", "1", "--repeats", "1", "--connections", "2"]
    output = subprocess.run(  # noqa: S603
        [*run, "--results", str(results)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert output.returncode == 0, output.stdout + output.stderr
    figures = json.loads(results.read_text())
    measured = {row["page"]: row for row in figures["results"]}
    assert set(measured) == {"floor", "bare floor", "news list", "news item"}
    assert all(row["errors"] == 0 and row["rps"] > 0 for row in measured.values())
