"""A small blocking SSE client and an in-thread uvicorn server for the live tests."""

import socket
import threading
import time
import uuid
from urllib.parse import urlsplit, urlunsplit

import uvicorn

from dateline.live.backends import build_broker, set_broker
from dateline.live.stream import LiveStreamApp


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class SSEClient:
    """Opens a stream over a raw socket; ``events()`` parses what arrives."""

    def __init__(self, port, path, last_event_id=None, timeout=5, headers=()):
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=timeout)
        lines = [f"GET {path} HTTP/1.1", "Host: 127.0.0.1", "Accept: text/event-stream"]
        if last_event_id:
            lines.append(f"Last-Event-ID: {last_event_id}")
        headers = [*lines, *headers]
        self.sock.sendall(("\r\n".join(headers) + "\r\n\r\n").encode())
        self.buffer = b""
        self.status = None
        self.headers = {}
        self._read_head()

    def _read_head(self):
        while b"\r\n\r\n" not in self.buffer:
            chunk = self.sock.recv(65536)
            if not chunk:
                break
            self.buffer += chunk
        head, _, self.buffer = self.buffer.partition(b"\r\n\r\n")
        lines = head.decode("latin-1").split("\r\n")
        self.status = int(lines[0].split()[1])
        self.headers = {k.lower(): v.strip() for k, _, v in (ln.partition(":") for ln in lines[1:])}

    def _body(self):
        """De-chunk what has been received so far (uvicorn streams with chunked encoding)."""
        if self.headers.get("transfer-encoding") != "chunked":
            return self.buffer
        out, rest = b"", self.buffer
        while b"\r\n" in rest:
            size_line, _, after = rest.partition(b"\r\n")
            size = int(size_line, 16)
            if len(after) < size + 2:
                break
            out += after[:size]
            rest = after[size + 2 :]
        return out

    def read_until(self, predicate, timeout=5):
        """Read until predicate(events, raw text) holds; return the parsed events."""
        deadline = time.monotonic() + timeout
        while True:
            text = self._body().decode()
            events = parse(text)
            if predicate(events, text):
                return events
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise AssertionError(f"timed out; received so far: {text!r}")
            self.sock.settimeout(remaining)
            try:
                chunk = self.sock.recv(65536)
            except TimeoutError as error:
                raise AssertionError(f"timed out; received so far: {text!r}") from error
            if not chunk:
                text = self._body().decode()
                if predicate(parse(text), text):
                    return parse(text)
                raise AssertionError(f"stream closed; received: {text!r}")
            self.buffer += chunk

    def wait_events(self, count, timeout=5):
        return self.read_until(lambda events, text: len(events) >= count, timeout)

    def close(self):
        self.sock.close()


def parse(text):
    """Complete SSE events (with an event type) in a text, as dicts."""
    events = []
    for block in text.split("\n\n")[:-1]:
        event = {"data": []}
        for line in block.split("\n"):
            if line.startswith(":") or not line:
                continue
            name, _, value = line.partition(":")
            value = value[1:] if value.startswith(" ") else value
            if name == "data":
                event["data"].append(value)
            else:
                event[name] = value
        if "event" in event:
            event["data"] = "\n".join(event["data"])
            events.append(event)
    return events


class StreamServer:
    """uvicorn serving the live streams (or, with interface="wsgi", a WSGI application such
    as Django's) in a thread of the test process."""

    def __init__(self, app=None, interface="auto"):
        self.port = free_port()
        self.app = app or LiveStreamApp(not_found)
        config = uvicorn.Config(
            self.app,
            host="127.0.0.1",
            port=self.port,
            log_level="warning",
            interface=interface,
            lifespan="off" if interface == "wsgi" else "on",  # WSGI has no lifespan
            # uvicorn trusts X-Forwarded-For from 127.0.0.1 by default; the app decides here.
            proxy_headers=False,
        )
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self):
        self.thread.start()
        deadline = time.monotonic() + 10
        while not self.server.started:
            if time.monotonic() > deadline:
                raise RuntimeError("uvicorn did not start")
            time.sleep(0.02)
        return self

    def __exit__(self, *exc):
        self.server.should_exit = True
        self.thread.join(10)


async def not_found(scope, receive, send):
    await send({"type": "http.response.start", "status": 404, "headers": []})
    await send({"type": "http.response.body", "body": b""})


LIVE_TEST_DB = 13


def dedicated_db(url):
    """The same Redis, on a database of its own: other apps' tests may flush the cache's."""
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path=f"/{LIVE_TEST_DB}"))


class use_broker:
    """Give the process a fresh broker with its own key prefix for the duration of a test."""

    def __init__(self, **overrides):
        from django.conf import settings

        self.overrides = {"KEY_PREFIX": f"dateline-test-live-{uuid.uuid4().hex[:12]}", **overrides}
        url = self.overrides.get("URL") or settings.DATELINE_LIVE.get("URL")
        if url:
            self.overrides["URL"] = dedicated_db(url)

    def __enter__(self):
        self.broker = build_broker(**self.overrides)
        self.previous = set_broker(self.broker)
        return self.broker

    def __exit__(self, *exc):
        set_broker(self.previous)
