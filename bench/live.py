"""Live streams under load: N concurrent SSE clients, events published, pages served meanwhile.

    DATELINE_VAR_DIR=... python bench/live.py [--clients 10000] [--events 10] [--workers 2]
        [--redis redis://127.0.0.1:6379/9] [--seconds 10] [--connections 16]

Starts Dateline under uvicorn (production settings, uvloop, httptools) with the live broker on
Redis, measures article-page throughput with wrk, opens N SSE clients on loopback (asyncio
protocols in this process), publishes events through Redis as the newsroom does, then prints
delivery latency p50/p99 (publish to receipt), the server's resident memory per connection
(RSS delta of its workers / N) and the page throughput measured while the clients are open
and events flow. Needs wrk, Redis and a loaded demo database (manage.py load_demo).
"""

import argparse
import asyncio
import os
import re
import resource
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.serving import PYTHON, free_port, rss_mb, uvicorn, wait_for, wrk  # noqa: E402

STAMP = re.compile(rb'"t": ([0-9.]+)')


class Clients:
    """N SSE clients as bare asyncio protocols: a request, then timestamps parsed from events."""

    def __init__(self, port, channel):
        self.port = port
        self.request = (
            f"GET /live/stream/{channel}/ HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            "Accept: text/event-stream\r\n\r\n"
        ).encode()
        self.ready = 0
        self.closed = 0
        self.failed = 0
        self.latencies = []
        self.transports = []

    def protocol(self):
        clients = self

        class SSE(asyncio.Protocol):
            started = False

            def connection_made(self, transport):
                clients.transports.append(transport)
                transport.write(clients.request)

            def data_received(self, data):
                now = time.time()
                if not self.started and b": live" in data:
                    self.started = True
                    clients.ready += 1
                for match in STAMP.finditer(data):
                    clients.latencies.append(now - float(match.group(1)))

            def connection_lost(self, exc):
                clients.closed += 1

        return SSE()

    async def open(self, count, batch=250):
        loop = asyncio.get_running_loop()
        for start in range(0, count, batch):
            results = await asyncio.gather(
                *(
                    loop.create_connection(self.protocol, "127.0.0.1", self.port)
                    for _ in range(min(batch, count - start))
                ),
                return_exceptions=True,
            )
            self.failed += sum(isinstance(r, Exception) for r in results)
        deadline = time.monotonic() + 60
        while self.ready + self.failed < count and time.monotonic() < deadline:
            await asyncio.sleep(0.1)

    def close(self):
        for transport in self.transports:
            transport.close()


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * p))] if ordered else float("nan")


def worker_kb(pid):
    return sum(rss_mb(pid)) * 1024


async def run(args, port, server, broker, channel):
    clients = Clients(port, channel)
    await asyncio.sleep(2)
    before_kb = worker_kb(server.process.pid)
    started = time.monotonic()
    await clients.open(args.clients)
    open_s = time.monotonic() - started
    await asyncio.sleep(2)
    after_kb = worker_kb(server.process.pid)
    print(
        f"clients: {clients.ready} streaming, {clients.failed} failed to connect, "
        f"opened in {open_s:.1f} s"
    )

    loop = asyncio.get_running_loop()
    # Page throughput while the clients are open and events flow (wrk in a thread).
    loaded = {}
    wrk_thread = threading.Thread(
        target=lambda: loaded.update(wrk(args.page_url, args.seconds, args.connections))
    )
    wrk_thread.start()
    interval = max(args.seconds / max(args.events, 1), 0.2)
    for n in range(args.events):
        payload = f'{{"t": {time.time():.6f}, "n": {n}}}'
        await loop.run_in_executor(None, broker.publish, channel, "bench", payload)
        await asyncio.sleep(interval)
    await loop.run_in_executor(None, wrk_thread.join)
    await asyncio.sleep(2)
    expected = clients.ready * args.events
    lat = clients.latencies
    print(
        f"events: {args.events} published, {len(lat)}/{expected} deliveries received, "
        f"{clients.closed} streams closed by the server"
    )
    if lat:
        print(
            f"delivery latency: p50 {percentile(lat, 0.5) * 1000:.0f} ms, "
            f"p99 {percentile(lat, 0.99) * 1000:.0f} ms, max {max(lat) * 1000:.0f} ms"
        )
    per_conn = (after_kb - before_kb) / max(clients.ready, 1)
    print(
        f"server memory: {before_kb / 1024:.0f} MB before, {after_kb / 1024:.0f} MB with the "
        f"clients: {per_conn:.1f} KB per connection"
    )
    clients.close()
    await asyncio.sleep(2)
    return loaded, lat, per_conn


async def memory_per_connection(port, pid, count):
    """Server memory per stream, on a stream-only server process that renders no pages."""
    warm = Clients(port, "edition-en")
    await warm.open(10)
    await asyncio.sleep(1)
    before_kb = worker_kb(pid)
    clients = Clients(port, "edition-en")
    await clients.open(count)
    await asyncio.sleep(2)
    after_kb = worker_kb(pid)
    clients.close()
    warm.close()
    return clients.ready, (after_kb - before_kb) / max(clients.ready, 1), before_kb, after_kb


def wait_for_port(port, timeout=60):
    import socket

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"nothing listens on {port}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--clients", type=int, default=1000)
    parser.add_argument("--events", type=int, default=10)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--seconds", type=int, default=10, help="each wrk run")
    parser.add_argument("--connections", type=int, default=16, help="wrk connections")
    parser.add_argument("--redis", default=os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/9"))
    args = parser.parse_args()

    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    wanted = min(hard, args.clients + 2048)
    if soft < wanted:
        resource.setrlimit(resource.RLIMIT_NOFILE, (wanted, hard))
    if wanted < args.clients + 100:
        sys.exit(f"the open-file limit ({hard}) is too low for {args.clients} clients")

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dateline.settings.development")
    import django

    django.setup()
    from dateline.live.backends.redis import RedisBroker
    from dateline.news.models import ArticlePage

    article = ArticlePage.objects.published().filter(locale__language_code="en")
    article = article.filter(live_revision__isnull=False).newest_first().first()
    if article is None:
        sys.exit("Load the demo first: manage.py load_demo")

    prefix = f"dateline-bench-live-{uuid.uuid4().hex[:8]}"
    app_env = {
        "DJANGO_SETTINGS_MODULE": "dateline.settings.production",
        "SECRET_KEY": "bench-only-not-secret-0123456789abcdefghijklmnopqrstuvwxyz",
        "SECURE_SSL_REDIRECT": "false",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "PYTHONPATH": str(ROOT),
        "REDIS_URL": args.redis,
        "DATELINE_LIVE_KEY_PREFIX": prefix,
        "DATELINE_LIVE_MAX_PER_IP": str(args.clients + 100),
    }
    subprocess.run(
        [PYTHON, str(ROOT / "manage.py"), "collectstatic", "--noinput", "-v0"],
        check=True,
        env={**os.environ, **app_env},
    )
    port = free_port()
    server = uvicorn("dateline.asgi:application", port, args.workers, app_env)
    broker = RedisBroker(url=args.redis, key_prefix=prefix, replay=100)
    try:
        args.page_url = f"http://127.0.0.1:{port}{article.url}"
        wait_for(args.page_url)
        wrk(args.page_url, 3, args.connections)  # warm every worker up
        print(f"uvicorn --workers {args.workers}, {args.clients} SSE clients")
        loaded, _, _ = asyncio.run(run(args, port, server, broker, "edition-en"))
        # The same page load once the clients have gone: the reference.
        baseline = wrk(args.page_url, args.seconds, args.connections)
        print(
            f"article page without streams: {baseline['rps']:.0f} req/s "
            f"(p50 {baseline['p50']}, p99 {baseline['p99']})"
        )
        share = loaded["rps"] / baseline["rps"] * 100 if baseline["rps"] else 0
        print(
            f"article page with {args.clients} streams open: {loaded['rps']:.0f} req/s "
            f"(p50 {loaded['p50']}, p99 {loaded['p99']}, {loaded['errors']} errors): "
            f"{share:.0f} % of the throughput without them"
        )
    finally:
        server.stop()

    # Memory per connection, measured apart: one uvicorn process serving streams only.
    port = free_port()
    server = uvicorn("dateline.asgi:application", port, 1, app_env)
    try:
        wait_for_port(port)
        ready, per_conn, before_kb, after_kb = asyncio.run(
            memory_per_connection(port, server.process.pid, args.clients)
        )
        print(
            f"memory, one stream-only process: {before_kb / 1024:.0f} MB, then "
            f"{after_kb / 1024:.0f} MB with {ready} streams: {per_conn:.1f} KB per connection"
        )
    finally:
        server.stop()


if __name__ == "__main__":
    main()
