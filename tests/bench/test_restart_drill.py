"""`make restart-drill` runs, on a PostgreSQL server of its own (it restarts the server, which
the other tests share), so a change that breaks the drill is red at once."""

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from bench.servers import free_port
from rocb import embedded_db

ROOT = Path(__file__).resolve().parent.parent.parent


@pytest.mark.migrated_copy
def test_restart_drill_loses_no_acknowledged_write(migrated_copy):
    # pgserver runs the server as its own system user when started by root: it must reach the
    # folder, which pytest's private tmp_path does not allow.
    folder = Path(tempfile.mkdtemp(prefix="rocb-restart-drill-"))
    folder.chmod(0o755)
    env = {
        k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE")
    }
    env.update(ROCB_PGDATA=str(folder / "pgdata"), BENCH_PORT=str(free_port()))
    # The drill's database copied from the migrated test database, not migrated afresh.
    server = os.environ.get("DATABASE_URL") or embedded_db.ensure_running()
    base, _, query = server.partition("?")
    env["BENCH_TEMPLATE_URL"] = f"{base.rpartition('/')[0]}/{migrated_copy}?{query}"
    try:
        result = subprocess.run(  # noqa: S603
            [sys.executable, "bench/restart.py"],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
    finally:
        subprocess.run(  # noqa: S603
            [sys.executable, "-m", "rocb.embedded_db", "stop"], cwd=ROOT, env=env, check=False
        )
        shutil.rmtree(folder, ignore_errors=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "acknowledged writes missing:   0" in result.stdout
    written = int(result.stdout.split("acknowledged writes:")[1].split()[0])
    assert written > 10
