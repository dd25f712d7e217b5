"""The lock file is what `make install` installs: it must match pyproject.toml, and production
(an install without the dev extra) must not get the embedded PostgreSQL."""

import subprocess
import sys
import tomllib
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
UV = Path(sys.executable).with_name("uv")


def uv(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(  # noqa: S603
        [str(UV), *args, "--offline", "--quiet"],
        cwd=BASE_DIR,
        capture_output=True,
        text=True,
        check=False,
    )


def test_the_lock_matches_pyproject():
    result = uv("lock", "--check")
    assert result.returncode == 0, f"run `make lock`: {result.stderr}"


def test_every_locked_file_has_a_hash():
    lock = tomllib.loads((BASE_DIR / "uv.lock").read_text())
    files = [
        file
        for package in lock["package"]
        for file in [*package.get("wheels", []), package.get("sdist")]
        if file
    ]
    assert files
    assert all(file.get("hash", "").startswith("sha256:") for file in files)


def test_production_installs_without_the_embedded_database():
    result = uv("export", "--frozen", "--no-hashes", "--format", "requirements-txt")
    assert result.returncode == 0, result.stderr
    production = {line.split("==")[0] for line in result.stdout.splitlines() if "==" in line}
    assert "psycopg2-binary" in production
    assert "django" in production
    assert "pgserver" not in production
    assert "pytest" not in production
