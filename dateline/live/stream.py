"""The Server-Sent Events endpoint, a raw ASGI app placed in front of Django (dateline/asgi.py).

``GET /live/stream/<channel>/`` never enters Django's middleware stack or its thread pool: an
open stream is one coroutine waiting on its subscription, so thousands of readers do not take
threads from page requests.
"""

import asyncio
import collections
import ipaddress
import logging
import re
from urllib.parse import parse_qs

from .backends import get_broker, live_settings
from .backends.base import HEARTBEAT, BrokerUnavailable

logger = logging.getLogger(__name__)

PREFIX = "/live/stream/"
CHANNEL = re.compile(r"^(?:edition-[a-z]{2,3}(?:-[a-z0-9]{2,8})?|blog-[0-9]{1,12})$")
HEADERS = [
    (b"content-type", b"text/event-stream; charset=utf-8"),
    (b"cache-control", b"no-cache, no-store, no-transform"),
    (b"x-accel-buffering", b"no"),  # nginx: do not buffer the stream
    (b"access-control-allow-origin", b"*"),  # public events; the stream may be on its own host
]


def edition_channel(language):
    return f"edition-{language.lower()}"


def blog_channel(page_id):
    return f"blog-{page_id}"


def stream_url(channel):
    """Where pages find a channel's stream (DATELINE_LIVE["STREAM_URL"] may name another host)."""
    return f"{live_settings().get('STREAM_URL', '')}{PREFIX}{channel}/"


def rendered_last_id(channel):
    """The id a page renders for its channel: the reader's stream starts after it.

    Read before the page's content is final, so whatever changes after the render reaches the
    reader on connecting, even from a copy served by the page cache much later ("" when the
    broker cannot tell: the stream then starts with live events only).
    """
    return get_broker().last_id(channel) or ""


def parse_networks(values):
    """Trusted proxy addresses or networks ("10.0.0.1", "10.0.0.0/8"), invalid ones skipped."""
    networks = []
    for value in values:
        try:
            networks.append(ipaddress.ip_network(value.strip(), strict=False))
        except ValueError:
            logger.warning("live: ignoring invalid TRUSTED_PROXIES entry %r", value)
    return networks


def _address(value):
    try:
        return ipaddress.ip_address(value.strip())
    except ValueError:
        return None


def client_ip(scope, trusted):
    """The reader's address: the connection's, or X-Forwarded-For's if a trusted proxy sent it.

    X-Forwarded-For is read from the right: each trusted proxy appends the address it received
    the request from, so the first address that is not a trusted proxy is the reader. Readers
    cannot forge it: what they send themselves is further left, and ignored.
    """
    peer = (scope.get("client") or ("?",))[0]
    peer_address = _address(peer)
    if not trusted or peer_address is None or not any(peer_address in n for n in trusted):
        return peer
    forwarded = [
        value.decode("latin-1")
        for name, value in scope.get("headers", ())
        if name == b"x-forwarded-for"
    ]
    hops = [hop.strip() for value in forwarded for hop in value.split(",") if hop.strip()]
    client = peer
    for hop in reversed(hops):
        address = _address(hop)
        if address is None:
            break  # garbage from further left: keep the last address we could trust
        client = str(address)
        if not any(address in n for n in trusted):
            break
    return client


class LiveStreamApp:
    """Serve the live streams; hand everything else to the wrapped ASGI application."""

    def __init__(self, app):
        self.app = app
        self.connections = collections.Counter()
        options = live_settings()
        self.heartbeat = options.get("HEARTBEAT", 15)
        self.max_per_ip = options.get("MAX_CONNECTIONS_PER_IP", 32)
        self.retry_ms = options.get("RETRY_MS", 3000)
        self.trusted_proxies = parse_networks(options.get("TRUSTED_PROXIES", ()))

    async def __call__(self, scope, receive, send):
        if scope["type"] == "http" and scope["path"].startswith(PREFIX):
            await self.stream(scope, receive, send)
        elif scope["type"] == "lifespan":
            await self.lifespan(scope, receive, send)
        else:
            await self.app(scope, receive, send)

    async def lifespan(self, scope, receive, send):
        while True:
            message = await receive()
            if message["type"] == "lifespan.startup":
                await send({"type": "lifespan.startup.complete"})
            elif message["type"] == "lifespan.shutdown":
                try:
                    await get_broker().aclose()
                finally:
                    await send({"type": "lifespan.shutdown.complete"})
                return

    async def stream(self, scope, receive, send):
        channel = scope["path"][len(PREFIX) :].strip("/")
        if scope["method"] not in ("GET", "HEAD"):
            return await respond(send, 405, b"Method not allowed", [(b"allow", b"GET")])
        if not CHANNEL.match(channel):
            return await respond(send, 404, b"No such live channel")
        ip = client_ip(scope, self.trusted_proxies)
        if self.connections[ip] >= self.max_per_ip:
            return await respond(send, 429, b"Too many live connections", [(b"retry-after", b"30")])
        self.connections[ip] += 1
        try:
            await self._serve(scope, receive, send, channel)
        finally:
            self.connections[ip] -= 1
            if not self.connections[ip]:
                del self.connections[ip]

    async def _serve(self, scope, receive, send, channel):
        last_id = dict(scope["headers"]).get(b"last-event-id", b"").decode("latin-1")
        if not last_id:
            query = parse_qs(scope.get("query_string", b"").decode("latin-1"))
            last_id = (query.get("last-event-id") or [""])[0]
        broker = get_broker()
        try:
            subscription = await broker.subscribe(channel, last_id[:64] or None)
        except BrokerUnavailable as error:
            # Degrade: no live updates for now; the browser tries again after a while.
            logger.warning("live: stream %s refused: %s", channel, error)
            await send({"type": "http.response.start", "status": 200, "headers": HEADERS})
            await send({"type": "http.response.body", "body": b"retry: 30000\n\n"})
            return
        watcher = asyncio.get_running_loop().create_task(watch_disconnect(receive, subscription))
        try:
            await send({"type": "http.response.start", "status": 200, "headers": HEADERS})
            if scope["method"] == "HEAD":
                subscription.close("head")
            await send(
                {
                    "type": "http.response.body",
                    "body": f"retry: {self.retry_ms}\n: live\n\n".encode(),
                    "more_body": True,
                }
            )
            while True:
                item = await subscription.next(self.heartbeat)
                if item is None:
                    break
                body = b": heartbeat\n\n" if item is HEARTBEAT else item.encoded
                await send({"type": "http.response.body", "body": body, "more_body": True})
            if subscription.reason != "disconnect":
                await send({"type": "http.response.body", "body": b""})
        finally:
            broker.unsubscribe(subscription)
            watcher.cancel()


async def watch_disconnect(receive, subscription):
    """Close the subscription when the client goes away (the stream then ends)."""
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            subscription.close("disconnect")
            return


async def respond(send, status, body, headers=()):
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [(b"content-type", b"text/plain; charset=utf-8"), *headers],
        }
    )
    await send({"type": "http.response.body", "body": body})
