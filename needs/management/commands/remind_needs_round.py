"""Remind the administrations that have not answered an open needs round, some days before its
deadline (run daily; a later issue schedules it as a task)."""

from django.core.management.base import BaseCommand, CommandError

from needs.services import needs_round_reminders_send


class Command(BaseCommand):
    help = (
        "Mail the focal points of administrations that have not answered an open needs round "
        "whose deadline is at most --days days away (once a day at most)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days", type=int, default=14, help="Days before the deadline (default 14)."
        )

    def handle(self, *args, days: int = 14, **options):
        if days < 0:
            raise CommandError("--days cannot be negative.")
        sent = needs_round_reminders_send(days=days)
        for needs_round, administration, mails in sent:
            self.stdout.write(f"{needs_round}: {administration.code} ({mails} focal point(s))")
        self.stdout.write(f"Reminded {len(sent)} administration(s).")
