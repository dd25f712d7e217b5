"""Registrations' personal data is erased `REGISTRATION_RETENTION_DAYS` after their event ends
(run by the nightly purge, core.tasks): each event keeps only how many people of each
administration (and sex, where asked) ended in each status (RegistrationCount), attended and
absent among them. Its evaluations stay as they are: they never named anyone."""

import datetime

from django.conf import settings
from django.db import transaction
from django.db.models import Count
from django.utils import timezone
from reversion.models import Version

from outreach.models import Registration, RegistrationCount


@transaction.atomic
def purge_expired(*, now: datetime.datetime) -> dict[str, int]:
    """Count, then delete (with their edit history), the registrations of events over for the
    retention period."""
    # The office's date, as events' dates are (UTC's is a day behind after 20:00 UTC in Baku).
    cutoff = timezone.localdate(now) - datetime.timedelta(days=settings.REGISTRATION_RETENTION_DAYS)
    expired = Registration.objects.filter(event__ends_on__lt=cutoff)
    tallies = expired.values("event_id", "administration_id", "status", "sex").annotate(
        n=Count("pk")
    )
    for tally in tallies.order_by():
        count, created = RegistrationCount.objects.get_or_create(
            event_id=tally["event_id"],
            administration_id=tally["administration_id"],
            status=tally["status"],
            sex=tally["sex"],
            defaults={"count": tally["n"]},
        )
        if not created:
            count.count += tally["n"]
            count.save(update_fields=["count"])
    # Their edit history (if staff opened them in the admin) holds the same personal data.
    pks = [str(pk) for pk in expired.values_list("pk", flat=True)]
    Version.objects.get_for_model(Registration).filter(object_id__in=pks).delete()
    deleted, _by_model = expired.delete()
    return {"registrations": deleted}
