"""Let seat offers not answered in time lapse, and offer each seat to the next one waiting (the
scheduler runs the same as the task `outreach.tasks.expire_seat_offers`)."""

from django.core.management.base import BaseCommand

from outreach.services import offers_expire


class Command(BaseCommand):
    help = "Expire the seat offers past their time and offer the seats to the next ones waiting."

    def handle(self, *args, **options):
        self.stdout.write(f"Expired {offers_expire()} seat offer(s).")
