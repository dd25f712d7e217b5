"""Demo entries of the personal-data access log, made the way the pages make them, so that the
admin's log (*Member administrations › Personal-data access log*) shows each kind of access by
an English- and a Russian-speaking user. Loaded last: it reads the other apps' demo data."""

import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone

from administrations.models import AccessLogEntry
from administrations.services import record_access, record_export
from contacts.models import ContactPoint
from experts.models import Expert

Kind = AccessLogEntry.Kind


def load(*, stdout) -> None:
    users = get_user_model().objects.in_bulk(
        ["member@customs.test", "focal.ge@customs.test", "staff@rocb.test"], field_name="email"
    )
    experts = list(Expert.objects.order_by("pk")[:3])
    if not experts or len(users) < 3:
        return
    member, georgian, staff = (
        users["member@customs.test"],
        users["focal.ge@customs.test"],
        users["staff@rocb.test"],
    )
    for expert in experts:
        record_access(user=member, kind=Kind.EXPERT_RECORD, obj=expert)
    record_access(user=member, kind=Kind.EXPERT_CV, obj=experts[0])
    record_access(user=georgian, kind=Kind.EXPERT_RECORD, obj=experts[1])
    list(
        record_export(ContactPoint.objects.order_by("pk"), user=georgian, kind=Kind.CONTACT_EXPORT)
    )
    list(record_export(Expert.objects.order_by("pk"), user=staff, kind=Kind.EXPERT_EXPORT))
    # Spread over the last weeks, so that the date filters have something to tell apart.
    for days, entry in enumerate(AccessLogEntry.objects.order_by("pk")):
        entry.accessed_at = timezone.now() - datetime.timedelta(days=3 * days, hours=days)
        entry.save(update_fields=["accessed_at"])
    stdout.write(f"Demo personal-data access log: {AccessLogEntry.objects.count()} entries.")
