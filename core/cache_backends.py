"""Django's Redis cache, made to ride out a Redis outage: a read that cannot reach Redis is a
miss and a write is dropped, so pages are rendered from the database instead of failing (and
sessions, written through to the database, stay valid). /healthz reports the outage."""

import functools
import logging
import time

from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)
UNREACHABLE = (RedisConnectionError, RedisTimeoutError, OSError)
# What each client method answers while Redis cannot be reached.
WHEN_DOWN = {
    "get": lambda key, default=None, *args, **kwargs: default,
    "get_many": lambda *args, **kwargs: {},
    "has_key": lambda *args, **kwargs: False,
    "add": lambda *args, **kwargs: False,
    "set": lambda *args, **kwargs: None,
    "set_many": lambda *args, **kwargs: None,
    "touch": lambda *args, **kwargs: False,
    "delete": lambda *args, **kwargs: False,
    "delete_many": lambda *args, **kwargs: None,
    "incr": lambda key, delta=1, *args, **kwargs: delta,
    "clear": lambda *args, **kwargs: False,
}
# After a failure Redis is left alone for a few seconds, so that a request does not wait out a
# connection timeout for each of its cache reads.
RETRY_AFTER_SECONDS = 5
_down_until = 0.0
_last_warning = 0.0


def _record_failure(error: Exception) -> None:
    global _down_until, _last_warning
    now = time.monotonic()
    _down_until = now + RETRY_AFTER_SECONDS
    if now - _last_warning > 60:  # one line a minute, not one per request
        _last_warning = now
        logger.warning("Redis unreachable, serving without the cache: %s", error)


def _tolerant(name: str, method):
    @functools.wraps(method)
    def wrapped(self, *args, **kwargs):
        if time.monotonic() < _down_until:
            return WHEN_DOWN[name](*args, **kwargs)
        try:
            return method(self, *args, **kwargs)
        except UNREACHABLE as error:
            _record_failure(error)
            return WHEN_DOWN[name](*args, **kwargs)

    return wrapped


TolerantRedisCacheClient = type(
    "TolerantRedisCacheClient",
    (RedisCacheClient,),
    {name: _tolerant(name, getattr(RedisCacheClient, name)) for name in WHEN_DOWN},
)


class TolerantRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = TolerantRedisCacheClient

    def ping(self) -> bool:
        """Whether Redis answers now (for /healthz; a success ends the pause after a failure)."""
        global _down_until
        try:
            answered = bool(self._cache.get_client().ping())
        except UNREACHABLE as error:
            _record_failure(error)
            return False
        _down_until = 0.0
        return answered
