"""The embedded PostgreSQL (pgserver) used when DATABASE_URL is not set.

Its data lives in `.pgdata/` of the checkout (git-ignored). The server keeps running between
commands so that `make run`, `manage.py` and the test run share it; `make stop-db` stops it.
Production always sets DATABASE_URL (the settings refuse to start without it when DEBUG is
off), and installs without the dev extra, so without pgserver.
"""

import os
import tempfile
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

DATA_DIR = Path(os.environ.get("ROCB_PGDATA") or Path(__file__).resolve().parent.parent / ".pgdata")


def _quiet_platformdirs() -> None:
    # platformdirs (used by pgserver) warns when XDG_RUNTIME_DIR is unset or not private.
    if "XDG_RUNTIME_DIR" not in os.environ:
        runtime_dir = Path(tempfile.gettempdir()) / f"rocb-runtime-{os.getuid()}"
        runtime_dir.mkdir(mode=0o700, exist_ok=True)
        os.environ["XDG_RUNTIME_DIR"] = str(runtime_dir)


def ensure_running() -> str:
    """Start the embedded server unless it runs already, and return its connection URL."""
    _quiet_platformdirs()
    try:
        import pgserver
    except ModuleNotFoundError as error:
        # pgserver is a development dependency: an install without the dev extra lacks it.
        raise ImproperlyConfigured(
            "DATABASE_URL is not set and the embedded PostgreSQL (pgserver, a development "
            "dependency) is not installed: set DATABASE_URL, or run `make install`."
        ) from error

    return pgserver.get_server(DATA_DIR, cleanup_mode=None).get_uri()


def stop() -> None:
    """Stop the embedded server if it runs."""
    _quiet_platformdirs()
    from pgserver._commands import pg_ctl

    if (DATA_DIR / "postmaster.pid").exists():
        # pgserver runs PostgreSQL as the `pgserver` system user when started by root.
        user = "pgserver" if os.geteuid() == 0 else None
        pg_ctl(["-w", "-m", "fast", "stop"], pgdata=DATA_DIR, user=user)


if __name__ == "__main__":
    import sys

    if sys.argv[1:] == ["stop"]:
        stop()
    else:
        print(ensure_running())
