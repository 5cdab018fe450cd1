"""The broker contract, and the local fan-out every backend shares.

``publish()`` is synchronous: Django code (the admin, signal handlers, commands) calls it from
any thread. It never raises: a broker outage must not break publishing in the newsroom, it
only means open pages miss the push (they see the change on their next load).

``subscribe()`` is a coroutine run in the ASGI server's event loop. It returns a
``Subscription`` already registered for new events, and the events after ``last_id`` from
the bounded replay log, without a gap or a duplicate between the two.
"""

import asyncio
import collections
import logging
import threading

from ..events import Event, parse_id

logger = logging.getLogger(__name__)

HEARTBEAT = object()


class BrokerUnavailable(Exception):
    """The broker cannot serve streams right now (Redis down): streams degrade, pages don't."""


class Subscription:
    """One open stream: a bounded queue of events, read by the stream's coroutine.

    A subscriber that falls ``queue_size`` events behind is closed ("dropped"): its client
    reconnects with Last-Event-ID and catches up from the replay log instead of the server
    buffering without bound.
    """

    __slots__ = ("channel", "pending", "queue_size", "waiter", "closed", "reason", "last_key")

    def __init__(self, channel, queue_size):
        self.channel = channel
        self.pending = collections.deque()
        self.queue_size = queue_size
        self.waiter = None
        self.closed = False
        self.reason = ""
        self.last_key = None

    def push(self, event):
        """Queue an event (in the event loop's thread)."""
        if self.closed or (self.last_key is not None and event.key <= self.last_key):
            return
        if len(self.pending) >= self.queue_size:
            self.close("slow")
            return
        self.pending.append(event)
        self.last_key = event.key
        self._wake()

    def close(self, reason="closed"):
        if not self.closed:
            self.closed = True
            self.reason = reason
            self._wake()

    def _wake(self):
        if self.waiter is not None and not self.waiter.done():
            self.waiter.set_result(None)

    async def next(self, timeout):
        """The next event, HEARTBEAT after ``timeout`` seconds of silence, None once closed."""
        if not self.pending and not self.closed:
            self.waiter = asyncio.get_running_loop().create_future()
            try:
                await asyncio.wait_for(self.waiter, timeout)
            except TimeoutError:
                return HEARTBEAT
            finally:
                self.waiter = None
        if self.closed:
            return None
        return self.pending.popleft()


class Broker:
    """Base class: subclasses implement ``_publish`` and ``_replay`` (and may override more)."""

    def __init__(self, *, replay=500, queue_size=64, key_prefix="dateline:live", **options):
        self.replay_size = replay
        self.queue_size = queue_size
        self.key_prefix = key_prefix
        self.options = options
        # channel -> {loop: set of subscriptions}; touched from event loops, read by publish().
        self._subscribers = collections.defaultdict(dict)
        self._lock = threading.Lock()

    # Publishing (any thread)
    def publish(self, channel, event, data):
        """Send an event to every open stream of a channel; its id, or None if it failed."""
        try:
            return self._publish(channel, event, data)
        except Exception:
            logger.warning("live: could not publish %s on %s", event, channel, exc_info=True)
            return None

    def _publish(self, channel, event, data):
        raise NotImplementedError

    def last_id(self, channel):
        """The id of the channel's newest event ("0-0" when it has none), None if unknown.

        Pages render it, so a reader who connects later (the page came from the page cache)
        asks for everything after it. Never raises: a broker outage only loses the replay.
        """
        try:
            return self._last_id(channel)
        except Exception:
            logger.warning("live: could not read the last id of %s", channel, exc_info=True)
            return None

    def _last_id(self, channel):
        raise NotImplementedError

    # Subscribing (in an event loop)
    async def subscribe(self, channel, last_id=None):
        subscription = Subscription(channel, self.queue_size)
        self._register(subscription)
        try:
            missed = await self._replay(channel, parse_id(last_id)) if last_id else []
        except Exception as error:
            self.unsubscribe(subscription)
            raise BrokerUnavailable(str(error)) from error
        # Events that arrived live while the log was read come after the replayed ones.
        live = list(subscription.pending)
        subscription.pending.clear()
        subscription.last_key = None
        for event in sorted({e.id: e for e in [*missed, *live]}.values(), key=lambda e: e.key):
            if last_id is None or parse_id(last_id) is None or event.key > parse_id(last_id):
                subscription.pending.append(event)
                subscription.last_key = event.key
        return subscription

    async def _replay(self, channel, after):
        raise NotImplementedError

    def unsubscribe(self, subscription):
        loop = asyncio.get_running_loop()
        with self._lock:
            by_loop = self._subscribers.get(subscription.channel)
            if by_loop and loop in by_loop:
                by_loop[loop].discard(subscription)
                if not by_loop[loop]:
                    del by_loop[loop]
                if not by_loop:
                    del self._subscribers[subscription.channel]

    def _register(self, subscription):
        loop = asyncio.get_running_loop()
        with self._lock:
            self._subscribers[subscription.channel].setdefault(loop, set()).add(subscription)

    def subscriber_count(self, channel=None):
        with self._lock:
            channels = [channel] if channel else list(self._subscribers)
            return sum(
                len(subs) for c in channels for subs in self._subscribers.get(c, {}).values()
            )

    def _fan_out(self, channel, event):
        """Hand an event to this process's subscribers, each in its own loop's thread."""
        with self._lock:
            loops = list(self._subscribers.get(channel, {}))
        for loop in loops:
            try:
                loop.call_soon_threadsafe(self._deliver, loop, channel, event)
            except RuntimeError:  # a loop that closed meanwhile
                pass

    def _deliver(self, loop, channel, event):
        with self._lock:
            subscriptions = list(self._subscribers.get(channel, {}).get(loop, ()))
        for subscription in subscriptions:
            subscription.push(event)

    async def aclose(self):
        """Release connections (at server shutdown)."""


def make_event(event_id, event, data):
    return Event(id=event_id, event=event, data=data)
