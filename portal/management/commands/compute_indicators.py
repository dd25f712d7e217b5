from django.core.management.base import BaseCommand

from portal.indicators import indicators_compute


class Command(BaseCommand):
    help = "Compute the Work Plan's indicators that come from the portal's records (nightly)."

    def handle(self, *args, **options):
        written = indicators_compute()
        self.stdout.write(f"{written} computed actuals written.")
