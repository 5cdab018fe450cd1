"""Redis may go down or hang: every use of it here fails fast and falls back, never blocks.

A Breaker remembers a failure and skips Redis for a few seconds, so a hanging server costs
one short timeout per interval, not one per request. ResilientRedisCache applies it to
Django's cache: a cache outage reads as misses and lost writes (sessions stay in the
database, pages render, rate limits open) instead of 500s and hung logins.
"""

import logging
import threading
import time

from django.core.cache.backends.redis import RedisCache, RedisCacheClient

logger = logging.getLogger(__name__)

try:
    from redis.exceptions import RedisError
except ImportError:  # pragma: no cover - redis is a dependency
    RedisError = OSError

FAILURES = (RedisError, OSError, TimeoutError)


class Breaker:
    def __init__(self, name, retry_after=5.0):
        self.name = name
        self.retry_after = retry_after
        self.down_until = 0.0
        self.failures = 0
        self._lock = threading.Lock()

    @property
    def is_open(self):
        return time.monotonic() < self.down_until

    def call(self, fn, default=None):
        if self.down_until and time.monotonic() < self.down_until:
            return default
        try:
            result = fn()
        except FAILURES as error:
            with self._lock:
                self.failures += 1
                self.down_until = time.monotonic() + self.retry_after
            logger.warning(
                "%s: Redis unavailable (%s); retrying in %ss", self.name, error, self.retry_after
            )
            return default
        if self.down_until:
            with self._lock:
                self.down_until = 0.0
            logger.warning("%s: Redis is back", self.name)
        return result

    def reset(self):
        self.down_until = 0.0


class ReusingRedisCacheClient(RedisCacheClient):
    """Django builds a new redis.Redis object for every cache call (about a millisecond of
    Python each, dozens per page): one per connection pool is enough, it is thread-safe."""

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        clients = self.__dict__.setdefault("_clients", {})
        client = clients.get(id(pool))
        if client is None:
            client = clients[id(pool)] = self._client(connection_pool=pool)
        return client


class ResilientRedisCache(RedisCache):
    """Django's Redis cache, failing soft: misses on reads, no-ops on writes while Redis is out."""

    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ReusingRedisCacheClient
        self.breaker = Breaker(f"cache {server}", float(params.get("RETRY_AFTER", 5.0)))

    def _soft(name, default=None):  # noqa: N805 - a decorator factory used in the class body
        def method(self, *args, **kwargs):
            parent = getattr(RedisCache, name)
            value = self.breaker.call(lambda: parent(self, *args, **kwargs), default=_MISSING)
            if value is _MISSING:
                return default(*args, **kwargs) if callable(default) else default
            return value

        method.__name__ = name
        return method

    get = _soft("get", default=lambda key, default=None, version=None: default)
    set = _soft("set")
    # "Added": locks and counters built on add() (allauth's rate limits) open instead of
    # waiting on a lock nobody can take.
    add = _soft("add", default=True)
    delete = _soft("delete", default=False)
    touch = _soft("touch", default=False)
    has_key = _soft("has_key", default=False)
    get_many = _soft("get_many", default=lambda *a, **k: {})
    set_many = _soft("set_many", default=lambda *a, **k: [])
    delete_many = _soft("delete_many")
    clear = _soft("clear")

    def incr(self, key, delta=1, version=None):
        value = self.breaker.call(
            lambda: RedisCache.incr(self, key, delta, version), default=_MISSING
        )
        if value is _MISSING:
            # Counters (rate limits) count nothing while Redis is out: they open, not fail.
            raise ValueError(f"Key '{key}' not found")
        return value

    del _soft


_MISSING = object()
