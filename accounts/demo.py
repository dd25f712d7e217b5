"""Demo users for development: one of each role, with their logins printed."""

from accounts.models import User
from administrations.models import Administration

DEMO_PASSWORD = "rocb-demo-2026"  # noqa: S105 - development-only accounts, printed on the console


def load(*, stdout) -> None:
    azerbaijan = Administration.objects.get(code="AZ")
    georgia = Administration.objects.get(code="GE")
    users = [
        User.objects.create_superuser("staff@rocb.test", DEMO_PASSWORD, full_name="Office Staff"),
        User.objects.create_user(
            "member@customs.test",
            DEMO_PASSWORD,
            full_name="Leyla Mammadova",
            administration=azerbaijan,
        ),
        User.objects.create_user(
            "focal@customs.test",
            DEMO_PASSWORD,
            full_name="Rashad Aliyev",
            administration=azerbaijan,
            is_focal_point=True,
        ),
        User.objects.create_user(
            "focal.ge@customs.test",
            DEMO_PASSWORD,
            full_name="Nino Beridze",
            administration=georgia,
            is_focal_point=True,
            language="ru",
        ),
    ]
    stdout.write("Demo logins (development only), password for all: " + DEMO_PASSWORD)
    for user in users:
        role = (
            "office staff (admin)"
            if user.is_staff
            else ("focal point" if user.is_focal_point else "member")
        )
        where = f", {user.administration.name}" if user.administration else ""
        stdout.write(f"  {user.email:<24} {role}{where}")
