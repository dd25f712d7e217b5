"""Login throttling (django-axes): who is counted, from which address.

Attempts are counted per account and client address. The address is the connecting one, unless
TRUSTED_PROXY_COUNT proxies stand in front of the portal: then it is the address the outermost
trusted proxy saw, taken from the right of X-Forwarded-For, so a client-written header cannot
change it.
"""

from django.conf import settings


def client_ip(request) -> str:
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies:
        forwarded = [
            part.strip()
            for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
            if part.strip()
        ]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")


def username(request, credentials) -> str:
    """Logins are case-insensitive, so their attempts are counted case-insensitively too.

    Django's login forms do not limit the length of what is typed, and axes keeps at most 255
    characters: a longer name is cut there (no address is that long, so no account's count is
    touched) instead of failing the request."""
    value = (credentials or {}).get("username") or request.POST.get("username", "")
    return value.strip().lower()[:255]
