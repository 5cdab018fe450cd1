"""Live test fixtures: a fresh broker per test, and a stream server in a thread.

Redis policy: with REDIS_URL set (CI's second run), the Redis tests use it and FAIL if it is
unreachable. Without REDIS_URL they use a Redis at 127.0.0.1:6379 (db 7) when one answers,
with their own key prefix, and are skipped otherwise: the in-process backend is tested in
every run, and CI's Redis run always covers the Redis backend.
"""

import os

import pytest
import redis

from .sse import StreamServer, use_broker

LOCAL_REDIS = "redis://127.0.0.1:6379/7"


def redis_url():
    """The Redis the tests use, or skip (only when REDIS_URL is not set)."""
    url = os.environ.get("REDIS_URL")
    if url:
        return url
    try:
        redis.Redis.from_url(LOCAL_REDIS, socket_connect_timeout=0.3, socket_timeout=0.3).ping()
    except redis.RedisError:
        pytest.skip("no REDIS_URL and no Redis on 127.0.0.1:6379")
    return LOCAL_REDIS


@pytest.fixture
def broker():
    """The configured backend (Redis when REDIS_URL is set), fresh for the test."""
    with use_broker() as broker:
        yield broker


@pytest.fixture(params=["memory", "redis"])
def any_broker(request):
    """Each backend in turn."""
    if request.param == "memory":
        overrides = {"BACKEND": "dateline.live.backends.memory.MemoryBroker"}
    else:
        overrides = {"BACKEND": "dateline.live.backends.redis.RedisBroker", "URL": redis_url()}
    with use_broker(**overrides) as broker:
        yield broker


@pytest.fixture
def stream_server(broker):
    with StreamServer() as server:
        yield server
