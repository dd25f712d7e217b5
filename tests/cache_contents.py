"""What the tests' cache holds, whichever backend `--cache` chose (local memory, or Redis)."""

import pickle

from django.core.cache import cache


def cache_contents() -> dict[str, object]:
    """Every key of the shared cache with its value (unpickled where it was pickled)."""
    if hasattr(cache._cache, "get_client"):  # a Redis server
        client = cache._cache.get_client()
        stored = {key.decode(): client.get(key) for key in client.scan_iter("*")}
    else:
        stored = dict(cache._cache.items())
    contents = {}
    for key, value in stored.items():
        try:
            contents[key] = pickle.loads(value)  # noqa: S301 - the tests' own cache
        except (pickle.UnpicklingError, TypeError, ValueError, EOFError):
            contents[key] = value  # Redis keeps integers as they are
    return contents
