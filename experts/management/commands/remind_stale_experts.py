"""Email each focal point the records of their administration not confirmed for 12 months, and
each of those experts the link to their own record.

Run it from cron, e.g. on the first day of each month:
    python manage.py remind_stale_experts
"""

from django.core.management.base import BaseCommand

from experts.services import record_links_remind, stale_reminders_send


class Command(BaseCommand):
    help = "Email each focal point the list of their administration's stale expert records."

    def handle(self, *args, **options):
        sent, untold = stale_reminders_send()
        self.stdout.write(f"Reminders sent: {sent}.")
        self.stdout.write(f"Record links sent to experts: {record_links_remind()}.")
        for administration in untold:
            self.stderr.write(
                f"{administration} has stale records but no active focal point to remind."
            )
