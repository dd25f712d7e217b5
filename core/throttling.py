"""Who is asking, and how often: the client address behind trusted proxies, and counters of
attempts per window kept in the cache.

The address is the connecting one, unless TRUSTED_PROXY_COUNT proxies stand in front of the
portal: then it is the address the outermost trusted proxy saw, taken from the right of
X-Forwarded-For, so a client-written header cannot change it. Login throttling (django-axes)
and the public forms that send mail count by it.

Counters are keyed by a keyed hash of what they count, so no e-mail or IP address is written to
the shared cache (personal data is never cached).
"""

from django.conf import settings
from django.core.cache import cache
from django.utils.crypto import salted_hmac


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


def attempt_allowed(*, scope: str, key: str, limit: int, seconds: int) -> bool:
    """Count one attempt for `key` in `scope`; False once more than `limit` were made within
    `seconds` of the first (a fixed window that starts with the first attempt)."""
    digest = salted_hmac("core.throttling", f"{scope}\0{key}", algorithm="sha256").hexdigest()
    cache_key = f"throttle:{scope}:{digest}"
    cache.add(cache_key, 0, timeout=seconds)
    try:
        count = cache.incr(cache_key)
    except ValueError:  # expired between add() and incr()
        cache.set(cache_key, 1, timeout=seconds)
        count = 1
    return count <= limit
