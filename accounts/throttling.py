"""Login throttling (django-axes) and password-reset throttling: who is counted, from which
address.

Attempts are counted per account and client address. The address is the connecting one, unless
TRUSTED_PROXY_COUNT proxies stand in front of the portal: then it is the address the outermost
trusted proxy saw, taken from the right of X-Forwarded-For, so a client-written header cannot
change it. Password resets are counted in the cache, per address typed and per client.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache


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


def password_reset_allowed(request, email: str) -> bool:
    """Count a reset request against the address typed and against the client; False once either
    has asked more than its limit (PASSWORD_RESET_LIMIT_PER_ADDRESS, _PER_CLIENT) in the window
    that began with its first request. Every address is counted, with an account or not."""
    window = settings.PASSWORD_RESET_WINDOW_SECONDS
    counted = [
        (_reset_key("address", email.strip().lower()), settings.PASSWORD_RESET_LIMIT_PER_ADDRESS),
        (_reset_key("client", client_ip(request)), settings.PASSWORD_RESET_LIMIT_PER_CLIENT),
    ]
    allowed = True
    for key, limit in counted:
        cache.add(key, 0, timeout=window)
        try:
            count = cache.incr(key)
        except ValueError:  # evicted in between
            cache.set(key, count := 1, timeout=window)
        allowed = allowed and count <= limit
    return allowed


def _reset_key(kind: str, value: str) -> str:
    # Hashed: the cache holds no address.
    return f"password-reset:{kind}:{hashlib.sha256(value.encode()).hexdigest()[:32]}"
