"""Database restart under load: `make restart-drill`.

gunicorn (2 sync workers, CONN_HEALTH_CHECKS on) serves the benchmark database while client
threads keep writing (each request creates a session row and answers its key) and reading
(/healthz). After a few seconds PostgreSQL is restarted. The script then reports:
- acknowledged writes that are missing from the database (must be 0);
- errors, and whether all of them fell inside the restart window;
- recovery: from the end of the restart to the first successful request.

Works with the embedded PostgreSQL (restarted with its pg_ctl), or with DATABASE_URL and a
command to restart that server in RESTART_COMMAND.
"""

import json
import os
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.drill import pg_binary  # noqa: E402
from bench.run import PORT, bench_database_url, environment, manage  # noqa: E402

CLIENTS = 8


@dataclass
class Log:
    acknowledged: list[str] = field(default_factory=list)
    errors: list[float] = field(default_factory=list)
    successes: list[float] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)


def client(log: Log, stop: threading.Event) -> None:
    while not stop.is_set():
        try:
            with urllib.request.urlopen(  # noqa: S310
                f"http://127.0.0.1:{PORT}/bench/write", timeout=10
            ) as response:
                key = json.load(response)["key"]
            with log.lock:
                log.acknowledged.append(key)
                log.successes.append(time.monotonic())
        except (urllib.error.URLError, OSError, ValueError, KeyError):
            with log.lock:
                log.errors.append(time.monotonic())
            time.sleep(0.05)


def wait_until_serving(timeout: float = 60) -> None:
    """Until gunicorn answers its health check (a fixed pause was too short on a loaded host)."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{PORT}/healthz", timeout=5):  # noqa: S310
                return
        except (urllib.error.URLError, OSError):
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


def restart_database() -> None:
    command = os.environ.get("RESTART_COMMAND")
    if command:
        subprocess.run(command, shell=True, check=True)  # noqa: S602
        return
    from pgserver._commands import pg_ctl

    from rocb.embedded_db import DATA_DIR

    user = "pgserver" if os.geteuid() == 0 else None
    pg_ctl(["-w", "-m", "fast", "restart"], pgdata=DATA_DIR, user=user)


def copy_template(database_url: str) -> None:
    """With BENCH_TEMPLATE_URL (the tests pass their migrated database, on their own server),
    the drill's database starts as a copy of it, pg_dump into psql: seconds, where migrating an
    empty one takes a minute. migrate then only checks it."""
    template = os.environ.get("BENCH_TEMPLATE_URL")
    if not template:
        return
    dump = subprocess.run(  # noqa: S603
        [pg_binary("pg_dump"), "--no-owner", "--no-privileges", template],
        capture_output=True,
        check=True,
    )
    subprocess.run(  # noqa: S603
        [pg_binary("psql"), "-q", "-v", "ON_ERROR_STOP=1", database_url],
        input=dump.stdout,
        capture_output=True,
        check=True,
    )


def main() -> None:
    env = environment(bench_database_url(fresh=False))
    env["CONN_MAX_AGE"] = "600"  # persistent connections: the restart breaks them all
    copy_template(env["DATABASE_URL"])
    manage(env, "migrate", "--no-input", "-v", "0")
    gunicorn = Path(sys.executable).with_name("gunicorn")
    server = subprocess.Popen(  # noqa: S603
        [str(gunicorn), "rocb.wsgi", "-w", "2", "-b", f"127.0.0.1:{PORT}", "--log-level", "error"],
        cwd=Path(__file__).resolve().parent.parent,
        env=env,
        stderr=subprocess.DEVNULL,  # the failed requests of the restart window log tracebacks
    )
    log, stop = Log(), threading.Event()
    try:
        wait_until_serving()
        threads = [threading.Thread(target=client, args=(log, stop)) for _ in range(CLIENTS)]
        for thread in threads:
            thread.start()
        time.sleep(3)
        restart_began = time.monotonic()
        restart_database()
        restart_ended = time.monotonic()
        time.sleep(5)
        stop.set()
        for thread in threads:
            thread.join()
    finally:
        server.terminate()
        server.wait(timeout=30)

    missing = missing_writes(env, log.acknowledged)
    outside = [t for t in log.errors if not restart_began - 0.5 <= t <= restart_ended + 5]
    after = [t for t in log.successes if t >= restart_ended]
    recovery = (after[0] - restart_ended) if after else float("inf")
    print(f"acknowledged writes:           {len(log.acknowledged)}")
    print(f"acknowledged writes missing:   {len(missing)}")
    print(f"restart took:                  {restart_ended - restart_began:.2f} s")
    print(f"errors:                        {len(log.errors)} ({len(outside)} outside the window)")
    print(f"recovery after the restart:    {recovery:.2f} s")
    failed = missing or outside or recovery > 5
    sys.exit(1 if failed else 0)


def missing_writes(env: dict, keys: list[str]) -> list[str]:
    script = (
        "import json, sys;"
        "from django.contrib.sessions.models import Session;"
        "keys = json.load(sys.stdin);"
        "found = set(Session.objects.filter(session_key__in=keys)"
        ".values_list('session_key', flat=True));"
        "print(json.dumps(sorted(set(keys) - found)))"
    )
    result = subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", "shell", "--no-imports", "-c", script],
        cwd=Path(__file__).resolve().parent.parent,
        env=env,
        input=json.dumps(keys),
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


if __name__ == "__main__":
    main()
