"""The read path: answer cached pages before Django, doing as little as possible per request.

A hit costs a header scan, a dictionary lookup and one send: no request object, no
middleware, no thread. Anything else (a miss, a reader with a session, a POST) goes to Django,
whose middleware stores what it renders. The shared store (Redis) is asked from a thread, at
most once per LOCAL_TTL per page and worker.

Django answers each request in a thread of its own (one database connection each): a flood of
misses would start a thread per connection. What goes to Django waits its turn instead, at
most DATELINE_DJANGO_CONCURRENCY at a time per worker; rendering is CPU-bound, so more at once
would only take memory and add latency.
"""

import asyncio

from django.conf import settings

from . import conf, keys
from .serving import get_cache


class PageCacheApp:
    def __init__(self, app):
        self.app = app
        self.enabled = conf.get("ENABLED")
        self.session_cookie = settings.SESSION_COOKIE_NAME.encode() + b"="
        proxy = getattr(settings, "SECURE_PROXY_SSL_HEADER", None)
        self.proxy_header = proxy[0][5:].lower().replace("_", "-").encode() if proxy else None
        self.proxy_value = proxy[1].encode() if proxy else None
        self.cache = None
        self.hot = {}
        self.concurrency = int(getattr(settings, "DATELINE_DJANGO_CONCURRENCY", 8))
        self.turns = None

    async def django(self, scope, receive, send):
        if self.turns is None:
            self.turns = asyncio.Semaphore(self.concurrency)
        async with self.turns:
            await self.app(scope, receive, send)

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        if not self.enabled or scope["method"] not in ("GET", "HEAD"):
            return await self.django(scope, receive, send)
        host = if_none_match = accept_encoding = None
        scheme = scope.get("scheme", "http")
        for name, value in scope["headers"]:
            if name == b"host":
                host = value
            elif name == b"cookie":
                if self._has_session(value):
                    return await self.django(scope, receive, send)
            elif name == b"authorization":
                return await self.django(scope, receive, send)
            elif name == b"if-none-match":
                if_none_match = value
            elif name == b"accept-encoding":
                accept_encoding = value
            elif name == self.proxy_header and value == self.proxy_value:
                scheme = "https"
        if host is None:
            return await self.django(scope, receive, send)
        query = scope.get("query_string", b"")
        raw = (scheme, host, scope["path"], query)
        # The hot path: the request as it came, in this worker's recently checked pages.
        ready = self.hot.get(raw)
        if ready is None:
            ready = await self._lookup(raw)
            if ready is None:
                return await self.django(scope, receive, send)
        await self._send(ready, scope, send, if_none_match, accept_encoding)

    async def _lookup(self, raw):
        cache = self.cache
        if cache is None:
            cache = self.cache = get_cache()
            self.hot = cache.hot
        scheme, host, path, query = raw
        key = keys.url(scheme, host.decode("latin-1"), path, query.decode("latin-1"), cache.ignored)
        if cache.store.shared:
            loop = asyncio.get_running_loop()
            cache.start_forgetting(loop)
            ready = await loop.run_in_executor(None, cache.lookup, key)
        else:
            ready = cache.lookup(key)
        if ready is not None and not ready.stale:
            cache.remember(raw, ready)
        return ready

    def _has_session(self, cookie):
        if self.session_cookie not in cookie:
            return False
        return any(part.strip().startswith(self.session_cookie) for part in cookie.split(b";"))

    async def _send(self, ready, scope, send, if_none_match, accept_encoding):
        if ready.matches(if_none_match):
            headers = [*ready.headers, (b"x-page-cache", b"stale" if ready.stale else b"hit")]
            await send({"type": "http.response.start", "status": 304, "headers": headers})
            await send({"type": "http.response.body", "body": b""})
            return
        if ready.compressible and accept_encoding and b"gzip" in accept_encoding:
            start, body = ready.gzip_start(), ready.gzipped()
        else:
            start, body = ready.plain_start(), ready.body
        await send(start)
        await send(
            {"type": "http.response.body", "body": b"" if scope["method"] == "HEAD" else body}
        )
