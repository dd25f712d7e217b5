"""Login throttling (django-axes): who is counted, from which address.

Attempts are counted per account and client address; the address is found by
`core.throttling.client_ip` (behind TRUSTED_PROXY_COUNT proxies, the one the outermost trusted
proxy saw), which the other throttled forms use too.
"""

from core.throttling import client_ip

__all__ = ["client_ip", "username"]


def username(request, credentials) -> str:
    """Logins are case-insensitive, so their attempts are counted case-insensitively too.

    Django's login forms do not limit the length of what is typed, and axes keeps at most 255
    characters: a longer name is cut there (no address is that long, so no account's count is
    touched) instead of failing the request."""
    value = (credentials or {}).get("username") or request.POST.get("username", "")
    return value.strip().lower()[:255]
