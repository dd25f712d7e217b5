"""Fill a database with a large region for the benchmark: every app's `scale.load()`.

An app takes part with a `scale.py` module defining `load(*, stdout, scale: float = 1.0) -> None`
(see `core.scaling`); apps load in INSTALLED_APPS order, so an app can use the data of the apps
it depends on. Run it on a separate database (bench/run.py does), never on real data.
"""

import time
from importlib import import_module
from importlib.util import find_spec

from django.apps import apps
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction


def load_all(*, stdout, scale: float = 1.0) -> None:
    """Run every app's scale loader in one transaction (a load cut short leaves nothing behind,
    so the benchmark never measures half a region), then refresh the planner's statistics (the
    benchmark measures query plans on the loaded data, not on empty tables)."""
    with transaction.atomic():
        for app in apps.get_app_configs():
            module_name = f"{app.name}.scale"
            if find_spec(module_name) is None:
                continue
            started = time.monotonic()
            import_module(module_name).load(stdout=stdout, scale=scale)
            stdout.write(f"  {app.label}: done in {time.monotonic() - started:.1f} s")
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


class Command(BaseCommand):
    help = "Fill the database with benchmark-scale data (use a separate database)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--scale",
            type=float,
            default=1.0,
            help="Multiplies the benchmark's row counts (default 1: the region as specified).",
        )

    def handle(self, *args, scale=1.0, **options):
        if "bench" not in connection.settings_dict["NAME"]:
            raise CommandError("Scale data goes into a benchmark database (its name has 'bench').")
        if scale <= 0:
            raise CommandError("--scale must be positive.")
        load_all(stdout=self.stdout, scale=scale)
        self.stdout.write(self.style.SUCCESS("Scale data loaded."))
