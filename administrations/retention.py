"""What this app deletes in the nightly purge (`core.tasks.purge_expired_records` calls every
app's `retention.purge_expired`)."""

import datetime

from administrations.services import access_log_purge


def purge_expired(*, now: datetime.datetime) -> dict[str, int]:
    return {"access_log": access_log_purge(now=now)}
