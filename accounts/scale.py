"""Benchmark scale: a member user for the logged-in pages (bench@member.test), the focal point
of Azerbaijan's administration."""

from accounts.models import User
from administrations.models import Administration

BENCH_MEMBER = "bench@member.test"
BENCH_PASSWORD = "bench-member-password"  # noqa: S105 - benchmark database only


def load(*, stdout, scale: float = 1.0) -> None:
    User.objects.create_user(
        BENCH_MEMBER,
        BENCH_PASSWORD,
        administration=Administration.objects.get(code="AZ"),
        is_focal_point=True,
    )
