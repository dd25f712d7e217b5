"""Fill an empty database with demo data for development: every app's `demo.load()`.

An app takes part by having a `demo.py` module with `load(*, stdout) -> None`; apps load in
INSTALLED_APPS order, so an app can use the data of the apps it depends on.
"""

from importlib import import_module
from importlib.util import find_spec

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction


class Command(BaseCommand):
    help = "Load demo data into an empty database (development only)."

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true", help="Load even when DEBUG is off.")

    def handle(self, *args, force=False, **options):
        if not settings.DEBUG and not force:
            raise CommandError("Demo data is for development: DEBUG is off (use --force).")
        if get_user_model().objects.exists():
            self.stdout.write("The database already holds users: demo data not loaded.")
            return
        with transaction.atomic():
            for app in apps.get_app_configs():
                module_name = f"{app.name}.demo"
                if find_spec(module_name) is None:
                    continue
                import_module(module_name).load(stdout=self.stdout)
        self.stdout.write(self.style.SUCCESS("Demo data loaded."))
