"""Fill a database with a large region for the benchmark: every app's `scale.load()`.

An app takes part with a `scale.py` module defining `load(*, stdout) -> None`; apps load in
INSTALLED_APPS order. Run it on a separate database (bench/run.py does), never on real data.
"""

from importlib import import_module
from importlib.util import find_spec

from django.apps import apps
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction

MARKER = "rocb-scale-data"


class Command(BaseCommand):
    help = "Fill the database with benchmark-scale data (use a separate database)."

    def handle(self, *args, **options):
        if "bench" not in connection.settings_dict["NAME"]:
            raise CommandError("Scale data goes into a benchmark database (its name has 'bench').")
        for app in apps.get_app_configs():
            module_name = f"{app.name}.scale"
            if find_spec(module_name) is None:
                continue
            with transaction.atomic():
                import_module(module_name).load(stdout=self.stdout)
            self.stdout.write(f"  {app.label}: done")
        self.stdout.write(self.style.SUCCESS("Scale data loaded."))
