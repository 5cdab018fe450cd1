"""Two server processes fan out through Redis (see conftest.py for when Redis is required)."""

import os
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from dateline.live.backends import build_broker

from .conftest import redis_url
from .sse import SSEClient, dedicated_db, free_port

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture
def redis_world(tmp_path):
    url = dedicated_db(redis_url())
    prefix = f"dateline-test-live-{uuid.uuid4().hex[:12]}"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "dateline.settings.test",
        "REDIS_URL": url,
        "DATELINE_LIVE_KEY_PREFIX": prefix,
        "DATELINE_VAR_DIR": str(tmp_path),
        "DATABASE_URL": f"sqlite:///{tmp_path / 'unused.sqlite3'}",
    }
    servers = []
    try:
        for _ in range(2):
            port = free_port()
            process = subprocess.Popen(  # noqa: S603 - our own interpreter and module
                [sys.executable, "-m", "uvicorn", "dateline.asgi:application"]
                + ["--host", "127.0.0.1", "--port", str(port), "--log-level", "warning"],
                cwd=ROOT,
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
            )
            servers.append((port, process))
        for port, process in servers:
            wait_for_port(port, process)
        broker = build_broker(
            BACKEND="dateline.live.backends.redis.RedisBroker", URL=url, KEY_PREFIX=prefix
        )
        yield broker, [port for port, _ in servers]
    finally:
        for _, process in servers:
            process.terminate()
        for _, process in servers:
            try:
                process.wait(10)
            except subprocess.TimeoutExpired:
                process.kill()


def wait_for_port(port, process, timeout=20):
    import socket

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"uvicorn exited: {process.stderr.read().decode()[-2000:]}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            time.sleep(0.1)
    raise AssertionError(f"uvicorn did not listen on {port}")


def test_two_server_processes_fan_out_an_event_through_redis(redis_world):
    broker, ports = redis_world
    clients = [SSEClient(port, "/live/stream/blog-77/") for port in ports for _ in range(2)]
    try:
        for client in clients:
            assert client.status == 200
            client.read_until(lambda events, text: ": live" in text)
        event_id = broker.publish("blog-77", "entry", '{"id": "x", "html": "<p>both</p>"}')
        assert event_id
        for client in clients:
            [event] = client.wait_events(1)
            assert event["id"] == event_id and "both" in event["data"]
    finally:
        for client in clients:
            client.close()


def test_a_client_reconnecting_to_another_process_replays_what_it_missed(redis_world):
    broker, (first_port, second_port) = redis_world
    client = SSEClient(first_port, "/live/stream/edition-en/")
    client.read_until(lambda events, text: ": live" in text)
    seen = broker.publish("edition-en", "alert", '{"html": "one"}')
    client.wait_events(1)
    client.close()
    missed = [broker.publish("edition-en", "alert", f'{{"html": "{n}"}}') for n in ("two", "3")]
    again = SSEClient(second_port, "/live/stream/edition-en/", last_event_id=seen)
    try:
        events = again.wait_events(2)
        assert [e["id"] for e in events] == missed
    finally:
        again.close()
