"""Storing a rendered page and serving it again: the one object both fronts use.

The ASGI front (asgi.py) answers hits before Django; the middleware (middleware.py) stores
what Django rendered and answers hits too when the site runs under WSGI or the test client.
"""

import gzip
import hashlib
import logging
import threading
import time
from dataclasses import dataclass

from django.utils.module_loading import import_string

from . import conf
from .stores import Bounded, Entry, Fragment, MemoryStore, RedisStore

logger = logging.getLogger(__name__)

SLOT_OPEN = b"<!--pagecache:slot "
SLOT_CLOSE = b"<!--pagecache:/slot-->"
COMPRESSIBLE = (
    b"text/",
    b"application/json",
    b"application/xml",
    b"application/rss+xml",
    b"application/atom+xml",
    b"application/feed+json",
    b"application/javascript",
)


@dataclass
class Ready:
    """A page as it goes out: assembled from the entry and its fragments, validated recently."""

    status: int
    headers: list
    body: bytes
    etag: bytes
    checked_at: float
    stale: bool = False
    _gzipped: bytes = None
    compressible: bool = False
    _plain_start: dict = None
    _gzip_start: dict = None

    @property
    def size(self):
        return len(self.body) * 2 + 512

    def matches(self, if_none_match):
        """Whether an If-None-Match header (bytes) names this copy: the answer is a 304."""
        return bool(if_none_match) and (self.etag in if_none_match or if_none_match.strip() == b"*")

    def gzipped(self):
        if self._gzipped is None:
            self._gzipped = gzip.compress(self.body, compresslevel=6, mtime=0)
        return self._gzipped

    # The ASGI front sends these as they are: built once, not per request.
    def _start(self, body, extra):
        headers = [
            *self.headers,
            (b"x-page-cache", b"stale" if self.stale else b"hit"),
            *extra,
            (b"content-length", str(len(body)).encode()),
        ]
        return {"type": "http.response.start", "status": self.status, "headers": headers}

    def plain_start(self):
        if self._plain_start is None:
            self._plain_start = self._start(self.body, ())
        return self._plain_start

    def gzip_start(self):
        if self._gzip_start is None:
            self._gzip_start = self._start(self.gzipped(), ((b"content-encoding", b"gzip"),))
        return self._gzip_start


class PageCache:
    def __init__(self, options=None):
        self.options = options or conf.options()
        store = self.options["STORE"]
        if store == "redis":
            self.store = RedisStore(self.options)
        elif store == "memory":
            self.store = MemoryStore(self.options)
        else:
            self.store = import_string(store)(self.options)
        # Each worker's recently checked pages.
        self.local = Bounded(self.options["LOCAL_MAX_BYTES"])
        # Requests as they came (scheme, host, path, query) to the page they got, for the
        # ASGI front: emptied on every change seen here and, with a shared store, every
        # LOCAL_TTL, so nothing in it is older than a check of the store.
        self.hot = {}
        self._forgetting = None
        self.local_ttl = self.options["LOCAL_TTL"]
        self.ignored = tuple(self.options["IGNORED_PARAMS"])
        self.cache_control = (
            f"public, max-age={self.options['BROWSER_MAX_AGE']}, "
            f"s-maxage={self.options['SHARED_MAX_AGE']}, "
            f"stale-while-revalidate={self.options['STALE_WHILE_REVALIDATE']}, "
            f"stale-if-error={self.options['STALE_IF_ERROR']}"
        ).encode()

    # Reading -----------------------------------------------------------------------------

    def lookup_local(self, key):
        """A page this worker checked less than LOCAL_TTL ago, or None (no I/O: event-loop safe)."""
        ready = self.local.get(key)
        if ready is not None and time.monotonic() - ready.checked_at < self.local_ttl:
            return ready
        return None

    def lookup(self, key):
        """The page to serve for key, or None to render it. May call the shared store."""
        ready = self.lookup_local(key)
        if ready is not None:
            return ready
        entry, fragments, state = self._load(key)
        if state in ("absent", "miss"):
            return None
        if state == "stale":
            # Someone re-renders it; the others keep the previous copy for a few seconds.
            if self.store.try_lock(key, self.options["STALE_GRACE"]):
                return None
            return self._assemble(entry, fragments, stale=True)
        ready = self._assemble(entry, fragments)
        self.local.put(key, ready)
        return ready

    def state(self, key):
        """ "fresh", "stale", "miss" (stored but must re-render) or "absent": for tests and ops."""
        return self._load(key)[2]

    def _load(self, key):
        """The stored entry, its fragments and its state, from the store."""
        entry = self.store.get(key)
        if entry is None:
            return None, None, "absent"
        fragments = {}
        for name in entry.slots:
            fragment = self.store.get_fragment(name)
            if fragment is None:
                return entry, None, "miss"
            fragments[name] = fragment
        try:
            times = self.store.tag_times(entry.tags | set(entry.slots))
        except LookupError:
            return entry, None, "miss"
        return entry, fragments, self._freshness(entry, fragments, times)

    def _freshness(self, entry, fragments, times):
        stale = False
        now = time.time()
        for tag in entry.tags:
            changed = times.get(tag)
            if changed is not None and changed.at >= entry.rendered_at:
                if changed.hard or now - changed.at > self.options["STALE_GRACE"]:
                    return "miss"
                stale = True
        for name, fragment in fragments.items():
            changed = times.get(name)
            if changed is not None and changed.at >= fragment.rendered_at:
                # A stale banner is never served: the page renders with the new one.
                return "miss"
        return "stale" if stale else "fresh"

    def _assemble(self, entry, fragments, stale=False):
        body = join_slots(entry.parts, [fragments[name].html for name in entry.slots])
        etag = make_etag(body)
        headers = list(entry.headers)
        headers.append((b"etag", etag))
        if not any(k == b"cache-control" for k, _ in headers):
            headers.append((b"cache-control", self.cache_control))
        content_type = next((v for k, v in headers if k == b"content-type"), b"")
        compressible = len(body) > 1024 and content_type.startswith(COMPRESSIBLE)
        if compressible:
            headers = _with_vary(headers, b"Accept-Encoding")
        return Ready(entry.status, headers, body, etag, time.monotonic(), stale, None, compressible)

    # Writing -----------------------------------------------------------------------------

    def store_page(self, key, status, headers, body, tags, rendered_at, surrogate=True):
        """Keep a rendered page. Returns the body as readers get it (slots filled, markers
        gone) and the headers to add to the outgoing response."""
        parts, slots, fragments = split_slots(body)
        for name, html in fragments.items():
            self.store.set_fragment(name, Fragment(html, rendered_at))
        kept = [(k, v) for k, v in headers if k not in _NOT_STORED]
        # A view that chose its own public caching (e.g. five seconds for comments) keeps it.
        own = next((v for k, v in headers if k == b"cache-control" and b"public" in v), None)
        if own is not None:
            kept.append((b"cache-control", own))
        purge_tags = frozenset(tags) | frozenset(slots)
        entry = Entry(
            status, kept, tuple(parts), tuple(slots), frozenset(tags), rendered_at, purge_tags
        )
        self.store.set(key, entry)
        self.store.unlock(key)
        self.local.drop(key)
        body = join_slots(parts, [fragments[name] for name in slots])
        extra = [(b"cache-control", own or self.cache_control), (b"etag", make_etag(body))]
        if surrogate:
            names = " ".join(sorted(purge_tags))
            extra += [
                (b"surrogate-key", names.encode()),
                (b"cache-tag", ",".join(sorted(purge_tags)).encode()),
            ]
        return body, extra

    def remember(self, raw, ready):
        if len(self.hot) > 5_000:  # many spellings of the same URLs: start again
            self.hot.clear()
        self.hot[raw] = ready

    def start_forgetting(self, loop):
        """With a shared store, forget the hot requests every LOCAL_TTL (on the event loop)."""
        if self._forgetting is loop:
            return
        self._forgetting = loop

        def forget():
            self.hot.clear()
            loop.call_later(self.local_ttl, forget)

        loop.call_later(self.local_ttl, forget)

    def invalidate(self, tags, hard=False):
        self.store.invalidate(tags, hard=hard)
        # This worker sees the change at once; the others within LOCAL_TTL.
        self.local.clear()
        self.hot.clear()

    def clear(self):
        self.store.clear()
        self.local.clear()
        self.hot.clear()
        _forget_worker_state()


_NOT_STORED = {
    b"content-length",
    b"cache-control",
    b"etag",
    b"set-cookie",
    b"expires",
    b"last-modified",
    b"date",
    b"x-page-cache",
}


def _with_vary(headers, value):
    out = []
    found = False
    for k, v in headers:
        if k == b"vary":
            found = True
            if value.lower() not in v.lower():
                v = v + b", " + value
        out.append((k, v))
    if not found:
        out.append((b"vary", value))
    return out


def split_slots(body):
    """Cut the body at each slot: the parts around them, their names, and their current HTML."""
    parts, slots, fragments = [], [], {}
    if SLOT_OPEN not in body:
        return [body], [], {}
    rest = body
    while True:
        start = rest.find(SLOT_OPEN)
        if start < 0:
            parts.append(rest)
            break
        name_end = rest.find(b"-->", start)
        close = rest.find(SLOT_CLOSE, name_end)
        if name_end < 0 or close < 0:
            parts.append(rest)
            break
        name = rest[start + len(SLOT_OPEN) : name_end].decode().strip()
        parts.append(rest[:start])
        slots.append(name)
        fragments[name] = rest[name_end + 3 : close]
        rest = rest[close + len(SLOT_CLOSE) :]
    return parts, slots, fragments


def join_slots(parts, htmls):
    """The parts of a body with each slot's HTML between them."""
    if not htmls:
        return parts[0]
    pieces = [parts[0]]
    for html, part in zip(htmls, parts[1:], strict=True):
        pieces += [html, part]
    return b"".join(pieces)


def without_marks(body):
    """The body as readers get it: each slot's current HTML, without the markers."""
    parts, slots, fragments = split_slots(body)
    return join_slots(parts, [fragments[name] for name in slots])


def make_etag(body):
    return b'"' + hashlib.blake2b(body, digest_size=12).hexdigest().encode() + b'"'


_cache = None
_cache_lock = threading.Lock()


def get_cache():
    global _cache
    if _cache is None:
        with _cache_lock:
            if _cache is None:
                _cache = PageCache()
    return _cache


def reset_cache():
    """Forget the configured cache (tests change settings)."""
    global _cache
    _cache = None
    _forget_worker_state()


def _forget_worker_state():
    """What workers keep, checked against tag times the store no longer has."""
    from . import kept, rendercache

    kept.clear()
    rendercache.manifests.clear()
