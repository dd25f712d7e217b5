"""Erase the personal data of expert records withdrawn past the retention period and of records
not confirmed for four years (the nightly task `experts.tasks.purge_expert_records` does the
same). The rows stay without the person, so the counts per administration, area and year stay:

    python manage.py purge_expert_records
"""

from django.core.management.base import BaseCommand

from experts.services import experts_purge


class Command(BaseCommand):
    help = (
        "Erase withdrawn expert records past their retention and records unconfirmed for 4 years."
    )

    def handle(self, *args, **options):
        counts = experts_purge()
        self.stdout.write(
            f"Withdrawn records erased: {counts['withdrawn_erased']}. "
            f"Records not confirmed for four years purged: {counts['unconfirmed_purged']}."
        )
