"""Test data for membership: account requests with sensible defaults, overridable by keyword."""

from itertools import count

from administrations.models import AccountRequest, Administration

_serial = count(1)


def make_account_request(*, administration: Administration | None = None, **fields):
    n = next(_serial)
    fields.setdefault("full_name", f"Aysel Quliyeva {n}")
    fields.setdefault("email", f"applicant{n}@customs.az")
    fields.setdefault("position", "Customs inspector")
    fields.setdefault("language", "en")
    account_request = AccountRequest(
        administration=administration or Administration.objects.get(code="AZ"), **fields
    )
    account_request.full_clean()
    account_request.save()
    return account_request
