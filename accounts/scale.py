"""Benchmark scale: a member user for the logged-in pages (bench@member.test), the focal point
of Azerbaijan's administration; an office staff user for the staff's pages in the members area
(bench@staff.test)."""

from accounts.models import User
from administrations.models import Administration

BENCH_MEMBER = "bench@member.test"
BENCH_STAFF = "bench@staff.test"
BENCH_PASSWORD = "bench-member-password"  # noqa: S105 - benchmark database only


def load(*, stdout, scale: float = 1.0) -> None:
    User.objects.create_user(
        BENCH_MEMBER,
        BENCH_PASSWORD,
        administration=Administration.objects.get(code="AZ"),
        is_focal_point=True,
    )
    User.objects.create_user(BENCH_STAFF, BENCH_PASSWORD, is_staff=True, is_superuser=True)
