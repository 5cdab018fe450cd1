"""Redis broker: fan-out across worker processes and machines (production, REDIS_URL).

- Publishing runs one Lua script: XADD to the channel's capped stream (the replay log, whose
  ids become the SSE event ids) and PUBLISH of the same event, atomically, so the order of
  ids and the order of delivery agree.
- Each process keeps ONE pub/sub connection per event loop, pattern-subscribed to all live
  channels, and fans events out to its local streams. Ten thousand readers cost Redis one
  subscriber per worker, not ten thousand.
- Every Redis call has a short timeout. If Redis is down, publishing logs and returns None,
  new streams are told to retry later, and pages are served as usual.
- The pub/sub connection is checked: after ``health_check`` seconds without a message the
  listener sends PING, and a connection that does not answer within the next interval is
  taken for dead (a silent network failure, a failover) and replaced.
"""

import asyncio
import logging
import time

import redis
import redis.asyncio as aioredis

from .base import Broker, BrokerUnavailable, make_event

logger = logging.getLogger(__name__)

PUBLISH_SCRIPT = """
local id = redis.call('XADD', KEYS[1], 'MAXLEN', '~', ARGV[1], '*', 'e', ARGV[2], 'd', ARGV[3])
redis.call('EXPIRE', KEYS[1], ARGV[4])
redis.call('PUBLISH', KEYS[2], id .. '\\n' .. ARGV[2] .. '\\n' .. ARGV[3])
return id
"""


class RedisBroker(Broker):
    def __init__(
        self, *, url, timeout=0.5, publish_timeout=2.0, log_ttl=86400, health_check=10, **options
    ):
        super().__init__(**options)
        self.url = url
        self.timeout = timeout
        self.log_ttl = log_ttl
        self.health_check = health_check
        # Pages read the last id while rendering: short timeouts, and after a failure no
        # attempt for a while (a dead Redis must not cost every page a timeout).
        self._reader = redis.Redis.from_url(
            url, socket_connect_timeout=timeout, socket_timeout=timeout
        )
        self._reader_down_until = 0.0
        # Publishing runs in newsroom actions, not in readers' requests: it may wait a little
        # longer for a busy Redis, but connecting to a dead one still fails in `timeout`.
        self._client = redis.Redis.from_url(
            url, socket_connect_timeout=timeout, socket_timeout=publish_timeout
        )
        self._script = self._client.register_script(PUBLISH_SCRIPT)
        self._listeners = {}  # event loop -> _Listener

    def stream_key(self, channel):
        return f"{self.key_prefix}:log:{channel}"

    def pubsub_channel(self, channel):
        return f"{self.key_prefix}:ch:{channel}"

    def _publish(self, channel, event, data):
        event_id = self._script(
            keys=[self.stream_key(channel), self.pubsub_channel(channel)],
            args=[self.replay_size, event, data, self.log_ttl],
        )
        return event_id.decode() if isinstance(event_id, bytes) else event_id

    def _last_id(self, channel):
        if time.monotonic() < self._reader_down_until:
            return None
        try:
            rows = self._reader.xrevrange(self.stream_key(channel), "+", "-", count=1)
        except redis.RedisError:
            self._reader_down_until = time.monotonic() + 10
            raise
        if not rows:
            return "0-0"
        row_id = rows[0][0]
        return row_id.decode() if isinstance(row_id, bytes) else row_id

    async def subscribe(self, channel, last_id=None):
        listener = self._listener()
        try:
            await asyncio.wait_for(listener.ready(), self.timeout * 2)
        except (TimeoutError, OSError, redis.RedisError) as error:
            raise BrokerUnavailable(f"Redis unreachable: {error}") from error
        return await super().subscribe(channel, last_id)

    async def _replay(self, channel, after):
        if after is None:
            return []
        client = self._listener().client
        # The newest events after the id, at most the log's size, oldest first.
        rows = await asyncio.wait_for(
            client.xrevrange(
                self.stream_key(channel),
                max="+",
                min=f"({after[0]}-{after[1]}",
                count=self.replay_size,
            ),
            self.timeout * 2,
        )
        return [
            make_event(row_id.decode(), fields[b"e"].decode(), fields[b"d"].decode())
            for row_id, fields in reversed(rows)
        ]

    def _listener(self):
        loop = asyncio.get_running_loop()
        listener = self._listeners.get(loop)
        if listener is None:
            listener = self._listeners[loop] = _Listener(self)
        return listener

    def _receive(self, message):
        """A pub/sub message from Redis, in the listener's loop: deliver it locally."""
        channel = message["channel"].decode()[len(self.pubsub_channel("")) :]
        event_id, event, data = message["data"].decode().split("\n", 2)
        item = make_event(event_id, event, data)
        loop = asyncio.get_running_loop()
        self._deliver(loop, channel, item)

    async def aclose(self):
        for listener in list(self._listeners.values()):
            await listener.close()
        self._listeners.clear()
        self._client.close()
        self._reader.close()


class _Listener:
    """The pub/sub connection of one event loop, reconnecting with backoff while Redis is down."""

    def __init__(self, broker):
        self.broker = broker
        self.client = aioredis.Redis.from_url(
            broker.url,
            socket_connect_timeout=broker.timeout,
            socket_timeout=None,  # the pub/sub read waits for events
        )
        self._ready = asyncio.Event()
        self._task = asyncio.get_running_loop().create_task(self._run())

    async def ready(self):
        if self._task.done():
            self._task = asyncio.get_running_loop().create_task(self._run())
        await self._ready.wait()

    async def _run(self):
        delay = 0.5
        pattern = self.broker.pubsub_channel("*")
        while True:
            pubsub = self.client.pubsub()
            try:
                await asyncio.wait_for(pubsub.psubscribe(pattern), self.broker.timeout * 2)
                self._ready.set()
                delay = 0.5
                await self._listen(pubsub)
            except asyncio.CancelledError:
                await pubsub.aclose()
                raise
            except Exception as error:
                self._ready.clear()
                logger.warning("live: Redis pub/sub lost (%s); retrying in %.1f s", error, delay)
                self._disconnect_streams()
                try:
                    await pubsub.aclose()
                except Exception:  # noqa: S110 - the connection is already broken
                    pass
                await asyncio.sleep(delay)
                delay = min(delay * 2, 10)

    async def _listen(self, pubsub):
        """Deliver messages; PING after a quiet interval, give up if that goes unanswered."""
        interval = self.broker.health_check
        pinged = False
        while True:
            message = await pubsub.get_message(timeout=interval)
            if message is None:
                if pinged:
                    raise ConnectionError(f"no answer to PING within {interval} s")
                await asyncio.wait_for(pubsub.ping(), self.broker.timeout * 2)
                pinged = True
                continue
            pinged = False
            if message["type"] == "pmessage":
                self.broker._receive(message)

    def _disconnect_streams(self):
        """End this loop's open streams: their clients reconnect and replay what they missed."""
        loop = asyncio.get_running_loop()
        with self.broker._lock:
            subscriptions = [
                s for by_loop in self.broker._subscribers.values() for s in by_loop.get(loop, ())
            ]
        for subscription in subscriptions:
            subscription.close("broker")

    async def close(self):
        self._task.cancel()
        try:
            await self._task
        except (asyncio.CancelledError, Exception):  # noqa: S110
            pass
        await self.client.aclose()
