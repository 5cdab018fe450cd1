"""A Redis of the test's own, to restart empty, flush, freeze and thaw under the caches."""

import os
import shutil
import signal
import socket
import subprocess
import time

import pytest

REQUIRED = os.environ.get("DATELINE_REQUIRE_SERVICES") == "1"


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class RedisServer:
    """redis-server on a free port, keeping nothing on disk."""

    def __init__(self, directory):
        self.directory = directory
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process = None

    def start(self):
        self.process = subprocess.Popen(  # noqa: S603 - Debian's redis-server, our arguments
            [shutil.which("redis-server"), "--port", str(self.port), "--bind", "127.0.0.1",
             "--save", "", "--appendonly", "no", "--dir", str(self.directory)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )  # fmt: skip
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.2) as sock:
                    sock.sendall(b"PING\r\n")
                    if sock.recv(16).startswith(b"+PONG"):
                        return self
            except OSError:
                time.sleep(0.05)
        raise RuntimeError("redis-server did not start")

    def stop(self):
        if self.process is not None:
            self.thaw()
            self.process.terminate()
            self.process.wait(timeout=10)
            self.process = None

    def restart_empty(self):
        self.stop()
        return self.start()

    def freeze(self):
        self.process.send_signal(signal.SIGSTOP)

    def thaw(self):
        self.process.send_signal(signal.SIGCONT)

    def client(self):
        import redis

        return redis.Redis.from_url(self.url)

    def keys(self):
        return self.client().keys("*")

    def raw_dump(self, key):
        return self.client().dump(key)

    def raw_restore(self, key, value):
        self.client().restore(key, 0, value, replace=True)

    def command(self, *args):
        return subprocess.run(  # noqa: S603 - Debian's redis-cli, our arguments
            [shutil.which("redis-cli"), "-p", str(self.port), *args],
            capture_output=True,
            text=True,
            check=True,
            timeout=10,
        ).stdout.strip()


@pytest.fixture
def redis_server(tmp_path):
    if not shutil.which("redis-server"):
        if REQUIRED:
            pytest.fail("DATELINE_REQUIRE_SERVICES=1 and redis-server is not installed")
        pytest.skip("redis-server is not installed")
    server = RedisServer(tmp_path).start()
    yield server
    server.stop()


@pytest.fixture
def fragments_in_redis(redis_server, settings):
    """The fragments kept in the test's own Redis, as in production (failing soft)."""
    settings.CACHES = {
        **settings.CACHES,
        "fragments": {
            "BACKEND": "dateline.caching.redis_cache.ResilientRedisCache",
            "LOCATION": redis_server.url,
            "KEY_PREFIX": "fragments-test",
            "OPTIONS": {"socket_connect_timeout": 0.3, "socket_timeout": 0.3},
            "RETRY_AFTER": 0.2,
        },
    }
    return redis_server
