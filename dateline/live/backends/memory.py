"""In-process broker: the embedded default (one server process, no Redis).

Fans out with the event loop(s) of this process; keeps the last ``replay`` events of each
channel in a deque for Last-Event-ID. Ids are "<milliseconds>-<sequence>", like Redis stream
ids, so they stay increasing across a restart.
"""

import collections
import itertools
import time

from .base import Broker, make_event


class MemoryBroker(Broker):
    def __init__(self, **options):
        super().__init__(**options)
        self._logs = collections.defaultdict(lambda: collections.deque(maxlen=self.replay_size))
        self._last = (0, 0)
        self._sequence = itertools.count()

    def _next_id(self):
        ms = int(time.time() * 1000)
        last_ms, last_seq = self._last
        self._last = (ms, 0) if ms > last_ms else (last_ms, last_seq + 1)
        return f"{self._last[0]}-{self._last[1]}"

    def _publish(self, channel, event, data):
        with self._lock:
            item = make_event(self._next_id(), event, data)
            self._logs[channel].append(item)
        self._fan_out(channel, item)
        return item.id

    def _last_id(self, channel):
        with self._lock:
            log = self._logs.get(channel)
            return log[-1].id if log else "0-0"

    async def _replay(self, channel, after):
        with self._lock:
            log = list(self._logs.get(channel, ()))
        if after is None:
            return []
        return [event for event in log if event.key > after]
