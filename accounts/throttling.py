"""Login throttling (django-axes) and password-reset throttling: who is counted, from which
address.

Attempts are counted per account and client address; the address is found by
`core.throttling.client_ip` (behind TRUSTED_PROXY_COUNT proxies, the one the outermost trusted
proxy saw), which the other throttled forms use too. Password resets are counted in the cache
(`core.throttling.attempt_allowed`), per address typed and per client.
"""

from django.conf import settings

from core.throttling import attempt_allowed, client_ip

__all__ = ["client_ip", "password_reset_allowed", "username"]


def username(request, credentials) -> str:
    """Logins are case-insensitive, so their attempts are counted case-insensitively too.

    Django's login forms do not limit the length of what is typed, and axes keeps at most 255
    characters: a longer name is cut there (no address is that long, so no account's count is
    touched) instead of failing the request."""
    value = (credentials or {}).get("username") or request.POST.get("username", "")
    return value.strip().lower()[:255]


def password_reset_allowed(request, email: str) -> bool:
    """Count a reset request against the address typed and against the client; False once either
    has asked more than its limit (PASSWORD_RESET_LIMIT_PER_ADDRESS, _PER_CLIENT) in the window
    that began with its first request. Every address is counted, with an account or not."""
    window = settings.PASSWORD_RESET_WINDOW_SECONDS
    by_address = attempt_allowed(
        scope="password-reset:address",
        key=email.strip().lower(),
        limit=settings.PASSWORD_RESET_LIMIT_PER_ADDRESS,
        seconds=window,
    )
    by_client = attempt_allowed(
        scope="password-reset:client",
        key=client_ip(request),
        limit=settings.PASSWORD_RESET_LIMIT_PER_CLIENT,
        seconds=window,
    )
    return by_address and by_client
