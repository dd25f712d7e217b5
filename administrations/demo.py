"""Demo account requests for development: two people waiting for Azerbaijan's focal point."""

from administrations.models import AccountRequest, Administration


def load(*, stdout) -> None:
    azerbaijan = Administration.objects.get(code="AZ")
    for full_name, email, position, language in [
        ("Aysel Quliyeva", "aysel.quliyeva@customs.test", "Senior customs inspector", "en"),
        ("Эльчин Гасанов", "elchin.hasanov@customs.test", "Старший инспектор", "ru"),
    ]:
        account_request = AccountRequest(
            administration=azerbaijan,
            full_name=full_name,
            email=email,
            position=position,
            language=language,
        )
        account_request.full_clean()
        account_request.save()
    stdout.write("Demo account requests: 2 pending for Azerbaijan's focal point.")
