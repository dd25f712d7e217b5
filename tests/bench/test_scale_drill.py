"""`make scale-drill` runs on a hundredth of the scale data, so a change that breaks the two-host
set-up (sessions, files, cache invalidation across hosts, PgBouncer, HAProxy) is red at once."""

import shutil
import subprocess
import sys

import pytest

from tests.bench.conftest import ROOT, SCALE

NEEDED = ("wrk", "haproxy", "pgbouncer", "redis-server")


@pytest.mark.skipif(
    any(shutil.which(name) is None for name in NEEDED),
    reason=f"needs {', '.join(NEEDED)} (.ci/run installs them)",
)
@pytest.mark.xdist_group("bench-database")
def test_two_hosts_share_sessions_files_and_cache_and_survive_one_stopping(bench_environment):
    command = [sys.executable, "bench/scale_drill.py", "--scale", SCALE, "--seconds", "1"]
    result = subprocess.run(  # noqa: S603
        command,
        cwd=ROOT,
        env=bench_environment,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    output = result.stdout
    assert result.returncode == 0, output + result.stderr
    for line in (
        "ok     logged in through host 1, host 2 answers 200",
        "ok     a CV uploaded through host 1 downloads from host 2",
        "ok     no acknowledged write lost",
    ):
        assert line in output
    assert "two hosts / one: cached page" in output
