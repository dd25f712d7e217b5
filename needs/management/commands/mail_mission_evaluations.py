"""Mail the evaluation forms of the missions that have ended (the scheduler does it each day:
needs.tasks.mail_mission_evaluations)."""

from django.core.management.base import BaseCommand

from needs.services import mission_evaluations_request


class Command(BaseCommand):
    help = (
        "Mail the host administration's focal points and the expert of each mission that has "
        "ended their link to its evaluation form (once per mission)."
    )

    def handle(self, *args, **options):
        mailed = mission_evaluations_request()
        self.stdout.write(f"Evaluation forms mailed for {mailed} mission(s).")
