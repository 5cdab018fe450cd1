"""The Redis listener notices a pub/sub connection that went silent and reconnects.

A TCP proxy stands between the broker and a real Redis. Freezing the proxy's open
connections (bytes are no longer forwarded, nothing is closed) is what a dead network path or
a failed-over server looks like: no error ever arrives, only silence.
"""

import asyncio
import threading
from urllib.parse import urlsplit, urlunsplit

from dateline.live.backends.base import HEARTBEAT

from .conftest import redis_url
from .sse import free_port, use_broker
from .test_broker import drain, publish_from_thread, run


class FreezingProxy:
    """Forwards TCP to Redis in a thread of its own; freeze() silences the open connections."""

    def __init__(self, target_host, target_port):
        self.target = (target_host, target_port)
        self.port = free_port()
        self.frozen = set()  # connection numbers no longer forwarded
        self.pubsub = set()  # connections that subscribed
        self.opened = 0
        self.loop = asyncio.new_event_loop()
        self.started = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)

    def _run(self):
        asyncio.set_event_loop(self.loop)
        self.server = self.loop.run_until_complete(
            asyncio.start_server(self._handle, "127.0.0.1", self.port)
        )
        self.started.set()
        self.loop.run_forever()

    async def _handle(self, reader, writer):
        self.opened += 1
        number = self.opened
        upstream_reader, upstream_writer = await asyncio.open_connection(*self.target)

        async def pipe(source, sink):
            while data := await source.read(65536):
                if b"PSUBSCRIBE" in data.upper():
                    self.pubsub.add(number)
                if number in self.frozen:
                    continue  # swallowed: the other side hears nothing, and no error
                sink.write(data)
                await sink.drain()

        await asyncio.gather(
            pipe(reader, upstream_writer), pipe(upstream_reader, writer), return_exceptions=True
        )

    def freeze_pubsub_connections(self):
        self.frozen.update(self.pubsub)

    def __enter__(self):
        self.thread.start()
        self.started.wait(5)
        return self

    def __exit__(self, *exc):
        async def stop():
            self.server.close()
            for task in asyncio.all_tasks():
                if task is not asyncio.current_task():
                    task.cancel()

        asyncio.run_coroutine_threadsafe(stop(), self.loop).result(5)
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(5)


def test_a_silent_pubsub_connection_is_replaced_and_streams_resume():
    url = redis_url()
    parts = urlsplit(url)
    with FreezingProxy(parts.hostname, parts.port or 6379) as proxy:
        through_proxy = urlunsplit(parts._replace(netloc=f"127.0.0.1:{proxy.port}"))
        with use_broker(
            BACKEND="dateline.live.backends.redis.RedisBroker",
            URL=through_proxy,
            HEALTH_CHECK=0.3,
        ) as broker:

            async def scenario():
                before = await broker.subscribe("blog-77")
                await publish_from_thread(broker, "blog-77", "entry", "first")
                assert [e.data for e in await drain(before, 1)] == ["first"]

                proxy.freeze_pubsub_connections()
                # The listener pings, hears nothing, gives up: open streams end so their
                # readers reconnect (and replay what they missed).
                ended = None
                for _ in range(40):
                    ended = await before.next(0.25)
                    if ended is None:
                        break
                    assert ended is HEARTBEAT
                assert ended is None and before.reason == "broker"
                broker.unsubscribe(before)

                after = await broker.subscribe("blog-77")  # on a new connection
                await publish_from_thread(broker, "blog-77", "entry", "second")
                assert [e.data for e in await drain(after, 1)] == ["second"]
                broker.unsubscribe(after)
                await broker.aclose()

            run(scenario())
