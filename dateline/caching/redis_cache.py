"""Django's Redis cache, failing soft: Redis down or hanging reads as misses, never as a 500.

After a failure (timeouts are half a second) Redis is left alone for RETRY_AFTER seconds, so a
hanging server costs one timeout per interval, not one per request. Nothing here decides
freshness: fragments are checked against the database (fragments.py), sessions live in the
database, and rate limits built on add() and incr() open rather than block.
"""

import logging
import threading
import time

from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)
_MISSING = object()


class _Client(RedisCacheClient):
    """One redis.Redis per connection pool (Django makes one per call; it is thread-safe)."""

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        clients = self.__dict__.setdefault("_clients", {})
        if id(pool) not in clients:
            clients[id(pool)] = self._client(connection_pool=pool)
        return clients[id(pool)]


class ResilientRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = _Client  # private: see dateline/tests/test_private_apis.py
        self.retry_after = float(params.get("RETRY_AFTER", 5.0))
        self.down_until = 0.0
        self._lock = threading.Lock()

    def _call(self, name, *args, **kwargs):
        if self.down_until and time.monotonic() < self.down_until:
            return _MISSING
        try:
            value = getattr(RedisCache, name)(self, *args, **kwargs)
        except (RedisError, OSError) as error:
            with self._lock:
                self.down_until = time.monotonic() + self.retry_after
            logger.warning(
                "cache: Redis unavailable (%s); retrying in %ss", error, self.retry_after
            )
            return _MISSING
        self.down_until = 0.0
        return value

    def _soft(name, default=None):  # noqa: N805 - builds the methods below
        def method(self, *args, **kwargs):
            value = self._call(name, *args, **kwargs)
            if value is _MISSING:
                return default(*args, **kwargs) if callable(default) else default
            return value

        method.__name__ = name
        return method

    get = _soft("get", lambda key, default=None, version=None: default)
    get_many = _soft("get_many", lambda *a, **k: {})
    has_key = _soft("has_key", False)
    set = _soft("set")
    set_many = _soft("set_many", lambda *a, **k: [])
    touch = _soft("touch", False)
    delete = _soft("delete", False)
    delete_many = _soft("delete_many")
    clear = _soft("clear")
    # Locks and counters built on add() (allauth's rate limits) open, not wait for ever.
    add = _soft("add", True)
    del _soft

    def incr(self, key, delta=1, version=None):
        value = self._call("incr", key, delta, version)
        if value is _MISSING:
            raise ValueError(f"Key '{key}' not found")  # a counter of nothing: the limit opens
        return value
