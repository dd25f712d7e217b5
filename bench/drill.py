"""Backup and restore drill: `make drill`.

Dumps the database (pg_dump, custom format) and the uploaded files (public and private), restores
both into an empty database and an empty folder, then compares every table's row count and every
file's SHA-256. Prints the figures (dump and restore times, sizes) and exits non-zero on any
difference.
"""

import hashlib
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import psycopg2
from psycopg2 import sql
from psycopg2.extensions import make_dsn


@dataclass
class Report:
    tables: int = 0
    rows: int = 0
    files: int = 0
    file_bytes: int = 0
    dump_bytes: int = 0
    dump_seconds: float = 0.0
    restore_seconds: float = 0.0
    differences: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        return [
            f"tables compared:   {self.tables} ({self.rows} rows)",
            f"files compared:    {self.files} ({self.file_bytes / 1024:.0f} KiB)",
            f"dump:              {self.dump_bytes / 1024:.0f} KiB in {self.dump_seconds:.2f} s",
            f"restore:           {self.restore_seconds:.2f} s (database and files)",
            f"differences:       {len(self.differences)}",
            *(f"  - {difference}" for difference in self.differences),
        ]


def pg_binary(name: str) -> str:
    """pg_dump/pg_restore matching the server: PG_BIN, else the embedded server's, else PATH."""
    if os.environ.get("PG_BIN"):
        return str(Path(os.environ["PG_BIN"]) / name)
    try:
        import pgserver

        return str(Path(pgserver.__file__).parent / "pginstall" / "bin" / name)
    except ImportError:
        return shutil.which(name) or name


def connection_params(database: dict) -> dict:
    """libpq parameters from a Django DATABASES entry (host may sit in OPTIONS)."""
    params = {
        "dbname": database["NAME"],
        "user": database.get("USER") or None,
        "password": database.get("PASSWORD") or None,
        "host": database.get("HOST") or database.get("OPTIONS", {}).get("host") or None,
        "port": database.get("PORT") or None,
    }
    return {key: value for key, value in params.items() if value}


def row_counts(params: dict) -> dict[str, int]:
    connection = psycopg2.connect(make_dsn(**params))
    try:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename"
            )
            tables = [row[0] for row in cursor.fetchall()]
            counts = {}
            for table in tables:
                cursor.execute(sql.SQL("SELECT count(*) FROM {}").format(sql.Identifier(table)))
                counts[table] = cursor.fetchone()[0]
            return counts
    finally:
        connection.close()


def recreate_database(params: dict, name: str) -> None:
    connection = psycopg2.connect(make_dsn(**params))
    connection.autocommit = True  # CREATE/DROP DATABASE cannot run in a transaction
    try:
        with connection.cursor() as cursor:
            cursor.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(name)))
            cursor.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    finally:
        connection.close()


def drop_database(params: dict, name: str) -> None:
    connection = psycopg2.connect(make_dsn(**params))
    connection.autocommit = True
    try:
        with connection.cursor() as cursor:
            cursor.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(name)))
    finally:
        connection.close()


def file_hashes(root: Path) -> dict[str, str]:
    if not root.exists():
        return {}
    return {
        str(path.relative_to(root)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


def run(params: dict, folders: dict[str, Path]) -> Report:
    """Dump, restore into a scratch database and folder, compare; the scratch copies are removed."""
    report = Report()
    scratch_name = f"{params['dbname']}_drill"
    scratch = {**params, "dbname": scratch_name}
    work = Path(tempfile.mkdtemp(prefix="rocb-drill-"))
    try:
        dump, archive = work / "database.dump", work / "files.tar"
        started = time.monotonic()
        subprocess.run(  # noqa: S603
            [
                pg_binary("pg_dump"),
                "--format=custom",
                "--no-owner",
                "-f",
                str(dump),
                make_dsn(**params),
            ],
            check=True,
        )
        with tarfile.open(archive, "w") as tar:
            for label, folder in folders.items():
                if folder.exists():
                    tar.add(folder, arcname=label)
        report.dump_seconds = time.monotonic() - started
        report.dump_bytes = dump.stat().st_size + archive.stat().st_size

        restored = work / "restored"
        recreate_database(params, scratch_name)
        started = time.monotonic()
        subprocess.run(  # noqa: S603
            [
                pg_binary("pg_restore"),
                "--no-owner",
                "--exit-on-error",
                "-d",
                make_dsn(**scratch),
                str(dump),
            ],
            check=True,
        )
        with tarfile.open(archive) as tar:
            tar.extractall(restored, filter="data")
        report.restore_seconds = time.monotonic() - started

        source_counts, restored_counts = row_counts(params), row_counts(scratch)
        report.tables = len(source_counts)
        report.rows = sum(source_counts.values())
        for table in sorted(set(source_counts) | set(restored_counts)):
            if source_counts.get(table) != restored_counts.get(table):
                report.differences.append(
                    f"table {table}: {source_counts.get(table)} rows, restored "
                    f"{restored_counts.get(table)}"
                )
        for label, folder in folders.items():
            original, copy = file_hashes(folder), file_hashes(restored / label)
            report.files += len(original)
            report.file_bytes += sum((folder / name).stat().st_size for name in original)
            for name in sorted(set(original) | set(copy)):
                if original.get(name) != copy.get(name):
                    report.differences.append(f"file {label}/{name} differs or is missing")
        drop_database(params, scratch_name)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return report


def main() -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "rocb.settings.base")
    import django
    from django.conf import settings

    django.setup()
    params = connection_params(settings.DATABASES["default"])
    report = run(params, {"media": settings.MEDIA_ROOT, "private": settings.PRIVATE_MEDIA_ROOT})
    print("\n".join(report.lines()))
    sys.exit(1 if report.differences else 0)


if __name__ == "__main__":
    main()
