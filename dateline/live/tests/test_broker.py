"""The broker contract, for each backend: fan-out, replay after an id, slow subscribers."""

import asyncio
import threading

from dateline.live.backends.base import HEARTBEAT
from dateline.live.events import parse_id


def run(coroutine):
    return asyncio.run(asyncio.wait_for(coroutine, 10))


async def publish_from_thread(broker, channel, event, data):
    """Publish as Django code does: synchronously, from another thread."""
    result = {}
    thread = threading.Thread(
        target=lambda: result.setdefault("id", broker.publish(channel, event, data))
    )
    thread.start()
    await asyncio.get_running_loop().run_in_executor(None, thread.join)
    return result["id"]


async def drain(subscription, count, timeout=3):
    items = []
    while len(items) < count:
        item = await subscription.next(timeout)
        assert item is not None and item is not HEARTBEAT, f"got {items} then {item}"
        items.append(item)
    return items


def test_every_subscriber_of_a_channel_gets_the_event_and_no_other_channel(any_broker):
    async def scenario():
        first = await any_broker.subscribe("blog-1")
        second = await any_broker.subscribe("blog-1")
        other = await any_broker.subscribe("blog-2")
        event_id = await publish_from_thread(any_broker, "blog-1", "entry", "line one\nline two")
        for subscription in (first, second):
            [event] = await drain(subscription, 1)
            assert (event.id, event.event, event.data) == (event_id, "entry", "line one\nline two")
            assert event.encoded.endswith(b"data: line one\ndata: line two\n\n")
        assert await other.next(0.3) is HEARTBEAT
        for subscription in (first, second, other):
            any_broker.unsubscribe(subscription)
        assert any_broker.subscriber_count() == 0
        await any_broker.aclose()

    run(scenario())


def test_subscribing_after_an_id_replays_what_came_after_it_then_goes_live(any_broker):
    async def scenario():
        ids = [any_broker.publish("edition-en", "alert", f"n{i}") for i in range(5)]
        assert all(ids) and sorted(ids, key=parse_id) == ids
        subscription = await any_broker.subscribe("edition-en", last_id=ids[1])
        later = await publish_from_thread(any_broker, "edition-en", "alert", "n5")
        events = await drain(subscription, 4)
        assert [e.data for e in events] == ["n2", "n3", "n4", "n5"]
        assert events[-1].id == later
        assert await subscription.next(0.2) is HEARTBEAT  # no duplicate of the live one
        any_broker.unsubscribe(subscription)
        await any_broker.aclose()

    run(scenario())


def test_the_replay_log_is_bounded(any_broker):
    async def scenario():
        any_broker.replay_size = 10
        ids = [any_broker.publish("blog-9", "entry", str(i)) for i in range(200)]
        subscription = await any_broker.subscribe("blog-9", last_id=ids[0])
        replayed = list(subscription.pending)
        # Redis trims approximately (MAXLEN ~): bounded, and always the newest ones.
        assert 10 <= len(replayed) <= 120
        assert replayed[-1].id == ids[-1]
        any_broker.unsubscribe(subscription)
        await any_broker.aclose()

    run(scenario())


def test_a_subscriber_that_falls_behind_is_dropped_not_buffered(any_broker):
    async def scenario():
        any_broker.queue_size = 5
        slow = await any_broker.subscribe("blog-3")
        for i in range(20):
            await publish_from_thread(any_broker, "blog-3", "entry", str(i))
        await asyncio.sleep(0.2)
        assert slow.closed and slow.reason == "slow"
        assert len(slow.pending) <= 5
        assert await slow.next(1) is None
        any_broker.unsubscribe(slow)
        await any_broker.aclose()

    run(scenario())


def test_a_malformed_last_event_id_is_ignored(any_broker):
    async def scenario():
        any_broker.publish("blog-4", "entry", "old")
        subscription = await any_broker.subscribe("blog-4", last_id="not-an-id")
        assert not subscription.pending
        any_broker.unsubscribe(subscription)
        await any_broker.aclose()

    run(scenario())


def test_publishing_when_redis_is_down_returns_none_quickly():
    import time

    from dateline.live.backends.redis import RedisBroker

    broker = RedisBroker(url="redis://127.0.0.1:1/0", timeout=0.2, key_prefix="down")
    started = time.monotonic()
    assert broker.publish("edition-en", "alert", "{}") is None
    assert time.monotonic() - started < 5  # bounded by the 0.2 s timeouts, not hanging


def test_subscribing_when_redis_is_down_fails_fast_with_broker_unavailable():
    import time

    import pytest

    from dateline.live.backends.base import BrokerUnavailable
    from dateline.live.backends.redis import RedisBroker

    async def scenario():
        broker = RedisBroker(url="redis://127.0.0.1:1/0", timeout=0.2, key_prefix="down")
        started = time.monotonic()
        with pytest.raises(BrokerUnavailable):
            await broker.subscribe("edition-en")
        assert time.monotonic() - started < 5
        await broker.aclose()

    run(scenario())
