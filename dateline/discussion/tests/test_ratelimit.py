"""Rate limits: fixed windows in the cache, exact under concurrent requests."""

import threading
from concurrent.futures import ThreadPoolExecutor

from django.test import override_settings

from dateline.discussion import ratelimit

RATES = {"RATES": {"post_user": (10, 60), "post_ip": (25, 60)}}


@override_settings(DATELINE_DISCUSSION=RATES)
def test_limit_then_refuse_then_a_new_window():
    allowed = [ratelimit.hit("post_user", 7, now=1000.0) for _ in range(12)]
    assert allowed == [True] * 10 + [False] * 2
    assert ratelimit.hit("post_user", 8, now=1000.0)  # another reader
    assert ratelimit.hit("post_user", 7, now=1061.0)  # the next minute


@override_settings(DATELINE_DISCUSSION=RATES)
def test_concurrent_hits_never_exceed_the_limit():
    start = threading.Barrier(16)

    def attempt(_):
        start.wait()
        return [ratelimit.hit("post_ip", "203.0.113.9", now=5000.0) for _ in range(5)]

    with ThreadPoolExecutor(max_workers=16) as pool:
        results = [ok for batch in pool.map(attempt, range(16)) for ok in batch]
    assert len(results) == 80
    assert results.count(True) == 25


def test_a_broken_cache_lets_readers_through(monkeypatch):
    def broken(*args, **kwargs):
        raise ConnectionError("cache down")

    monkeypatch.setattr(ratelimit.cache, "add", broken)
    assert ratelimit.hit("post_user", 1)
