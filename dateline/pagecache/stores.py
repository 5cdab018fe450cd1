"""Where stored pages live: process memory (the embedded default) or Redis (shared by workers).

A store keeps five things:
- entries: the stored pages, by key (their URL);
- tag times: when each tag was last invalidated, and whether hard (a removal: never serve a
  stale copy) — an entry is fresh when none of its tags changed after it was rendered;
- an index from tag to keys, to purge CDNs by URL;
- short locks, so one request re-renders a changed page while the others get the old copy;
- parts of pages kept rendered (rendercache.py), checked against the same tag times.
"""

import logging
import pickle
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass, field

from .resilience import Breaker

logger = logging.getLogger(__name__)


@dataclass
class Entry:
    status: int
    headers: list  # [(bytes, bytes)] as the response had them, without length and caching
    parts: tuple  # the body, cut at each slot
    slots: tuple  # names of the fragments between the parts
    tags: frozenset
    rendered_at: float
    purge_tags: frozenset = field(default_factory=frozenset)

    @property
    def size(self):
        return sum(len(p) for p in self.parts) + 512


@dataclass
class Fragment:
    html: bytes
    rendered_at: float


@dataclass
class TagTime:
    at: float
    hard: bool


def _parse_tag_time(raw):
    if raw is None:
        return None
    text = raw.decode() if isinstance(raw, bytes) else raw
    at, _, kind = text.partition(":")
    return TagTime(float(at), kind == "h")


def _format_tag_time(at, hard):
    return f"{at:.6f}:{'h' if hard else 's'}"


def _size(value):
    return value.size


def one_each(value):
    return 1


class Bounded:
    """A dictionary bounded by the total weight of its values, least recently put (or read
    with touch=True) out first: their size in bytes by default, weigh=one_each to count them."""

    def __init__(self, limit, weigh=_size):
        self.limit = limit
        self.weigh = weigh
        self.items = OrderedDict()
        self.total = 0
        self.lock = threading.Lock()

    def get(self, key, touch=False):
        """The value, or None; touch=True counts the read as a use (else only puts do)."""
        if not touch:
            return self.items.get(key)
        with self.lock:
            value = self.items.get(key)
            if value is not None:
                self.items.move_to_end(key)
            return value

    def put(self, key, value):
        with self.lock:
            self._pop(key)
            self.items[key] = value
            self.total += self.weigh(value)
            while self.total > self.limit and self.items:
                _, dropped = self.items.popitem(last=False)
                self.total -= self.weigh(dropped)

    def drop(self, key):
        with self.lock:
            self._pop(key)

    def _pop(self, key):
        old = self.items.pop(key, None)
        if old is not None:
            self.total -= self.weigh(old)

    def clear(self):
        with self.lock:
            self.items.clear()
            self.total = 0


class _PartsByOne:
    """get_part / set_part for one part, through a store's get_parts / set_parts."""

    def get_part(self, name):
        return self.get_parts([name])[0]

    def set_part(self, name, part):
        self.set_parts([(name, part)])


class MemoryStore(_PartsByOne):
    """Everything in this process: right for one server process (the embedded default)."""

    shared = False

    def __init__(self, options):
        self.max_bytes = options["MEMORY_MAX_BYTES"]
        self.parts_max_bytes = options["RENDER_MAX_BYTES"]
        self.timeout = options["TIMEOUT"]
        self.lock = threading.Lock()
        self.clear()

    def clear(self):
        self.entries = OrderedDict()
        self.expires = {}
        self.bytes = 0
        self.times = {}
        self.index = {}
        self.fragments = {}
        self.locks = {}
        self.parts = Bounded(self.parts_max_bytes)

    def get(self, key):
        with self.lock:
            entry = self.entries.get(key)
            if entry is None:
                return None
            if self.expires[key] < time.time():
                self._drop(key)
                return None
            self.entries.move_to_end(key)
            return entry

    def set(self, key, entry):
        with self.lock:
            if key in self.entries:
                self._drop(key)
            self.entries[key] = entry
            self.expires[key] = time.time() + self.timeout
            self.bytes += entry.size
            for tag in entry.purge_tags:
                self.index.setdefault(tag, set()).add(key)
            while self.bytes > self.max_bytes and self.entries:
                self._drop(next(iter(self.entries)))

    def _drop(self, key):
        entry = self.entries.pop(key)
        self.expires.pop(key, None)
        self.bytes -= entry.size
        for tag in entry.purge_tags:
            keys = self.index.get(tag)
            if keys is not None:
                keys.discard(key)
                if not keys:
                    del self.index[tag]

    def tag_times(self, tags):
        times = self.times
        return {tag: times[tag] for tag in tags if tag in times}

    def invalidate(self, tags, hard=False, at=None):
        at = time.time() if at is None else at
        with self.lock:
            for tag in tags:
                self.times[tag] = TagTime(at, hard)

    def keys_for(self, tags):
        with self.lock:
            found = set()
            for tag in tags:
                found |= self.index.get(tag, set())
            return found

    def get_fragment(self, name):
        return self.fragments.get(name)

    def set_fragment(self, name, fragment):
        self.fragments[name] = fragment

    def get_parts(self, names):
        return [self.parts.get(name, touch=True) for name in names]

    def parts_and_times(self, names, tags):
        return self.get_parts(names), self.tag_times(tags)

    def set_parts(self, items):
        for name, part in items:
            self.parts.put(name, part)

    def try_lock(self, key, seconds):
        now = time.time()
        with self.lock:
            if self.locks.get(key, 0) > now:
                return False
            self.locks[key] = now + seconds
            return True

    def unlock(self, key):
        self.locks.pop(key, None)

    def stats(self):
        return {"entries": len(self.entries), "bytes": self.bytes}


def _loads(raw, what, name):
    """A stored object, or None when absent or unreadable (written by an older release)."""
    if raw is None:
        return None
    try:
        return pickle.loads(raw)  # noqa: S301 - written by this store only
    except Exception:
        logger.warning("page cache: unreadable %s %s", what, name, exc_info=True)
        return None


class RedisStore(_PartsByOne):
    """Shared by every worker and machine; a Redis outage turns every call into a miss."""

    shared = True

    def __init__(self, options):
        import redis

        self.prefix = f"{options['KEY_PREFIX']}:pc:"
        self.timeout = int(options["TIMEOUT"])
        self.client = redis.Redis.from_url(
            options["REDIS_URL"],
            socket_timeout=options["SOCKET_TIMEOUT"],
            socket_connect_timeout=options["SOCKET_TIMEOUT"],
            health_check_interval=30,
        )
        self.breaker = Breaker("page cache", options["RETRY_AFTER"])

    def _k(self, kind, name):
        return f"{self.prefix}{kind}:{name}"

    def get(self, key):
        return _loads(self.breaker.call(lambda: self.client.get(self._k("e", key))), "entry", key)

    def set(self, key, entry):
        data = pickle.dumps(entry, protocol=pickle.HIGHEST_PROTOCOL)
        index_ttl = self.timeout + 3600

        def write():
            pipe = self.client.pipeline(transaction=False)
            pipe.set(self._k("e", key), data, ex=self.timeout)
            for tag in entry.purge_tags:
                pipe.sadd(self._k("i", tag), key)
                pipe.expire(self._k("i", tag), index_ttl)
            pipe.execute()

        self.breaker.call(write)

    def tag_times(self, tags):
        tags = list(tags)
        if not tags:
            return {}
        raw = self.breaker.call(lambda: self.client.mget([self._k("t", t) for t in tags]))
        if raw is None:
            raise LookupError("tag times unavailable")
        return {tag: _parse_tag_time(value) for tag, value in zip(tags, raw, strict=True) if value}

    def invalidate(self, tags, hard=False, at=None):
        at = time.time() if at is None else at
        value = _format_tag_time(at, hard)
        ttl = self.timeout + 3600

        def write():
            pipe = self.client.pipeline(transaction=False)
            for tag in tags:
                pipe.set(self._k("t", tag), value, ex=ttl)
            pipe.execute()

        self.breaker.call(write)

    def keys_for(self, tags):
        tags = list(tags)
        if not tags:
            return set()

        def read():
            pipe = self.client.pipeline(transaction=False)
            for tag in tags:
                pipe.smembers(self._k("i", tag))
            return pipe.execute()

        found = set()
        for members in self.breaker.call(read) or []:
            found |= {m.decode() for m in members}
        return found

    def get_fragment(self, name):
        raw = self.breaker.call(lambda: self.client.get(self._k("f", name)))
        return pickle.loads(raw) if raw else None  # noqa: S301

    def set_fragment(self, name, fragment):
        data = pickle.dumps(fragment, protocol=pickle.HIGHEST_PROTOCOL)
        self.breaker.call(lambda: self.client.set(self._k("f", name), data, ex=self.timeout))

    def get_parts(self, names):
        if not names:
            return []
        raw = self.breaker.call(lambda: self.client.mget([self._k("p", n) for n in names]))
        if raw is None:
            return [None] * len(names)
        return [_loads(value, "part", name) for name, value in zip(names, raw, strict=True)]

    def parts_and_times(self, names, tags):
        """get_parts(names) and tag_times(tags) in one round trip."""
        names, tags = list(names), list(tags)

        def read():
            pipe = self.client.pipeline(transaction=False)
            pipe.mget([self._k("p", n) for n in names] or [self._k("p", "-")])
            pipe.mget([self._k("t", t) for t in tags] or [self._k("t", "-")])
            return pipe.execute()

        raw = self.breaker.call(read)
        if raw is None:
            raise LookupError("parts and tag times unavailable")
        parts = [_loads(value, "part", name) for name, value in zip(names, raw[0], strict=False)]
        times = {t: _parse_tag_time(v) for t, v in zip(tags, raw[1], strict=False) if v}
        return parts, times

    def set_parts(self, items):
        def write():
            pipe = self.client.pipeline(transaction=False)
            for name, part in items:
                data = pickle.dumps(part, protocol=pickle.HIGHEST_PROTOCOL)
                pipe.set(self._k("p", name), data, ex=self.timeout)
            pipe.execute()

        self.breaker.call(write)

    def try_lock(self, key, seconds):
        got = self.breaker.call(
            lambda: self.client.set(self._k("l", key), b"1", nx=True, px=int(seconds * 1000))
        )
        return bool(got)

    def unlock(self, key):
        self.breaker.call(lambda: self.client.delete(self._k("l", key)))

    def clear(self):
        """Delete this store's keys (tests; never FLUSHDB on a shared server)."""

        def delete():
            keys = list(self.client.scan_iter(match=f"{self.prefix}*", count=1000))
            for start in range(0, len(keys), 500):
                self.client.delete(*keys[start : start + 500])

        self.breaker.call(delete)

    def stats(self):
        return {}
