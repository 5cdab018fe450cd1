"""Real engines for tests: Debian's nginx with the shipped configuration, in front of the
live server, and the live server's application wrapped so a test can count, slow down or
break what reaches the origin.

nginx runs as a child of the test process on a free port of loopback, with its cache, logs,
pid file and temporary files in the test's own directory: tests under xdist never share one.
Without nginx (or its purge module) the tests are skipped, unless DATELINE_REQUIRE_SERVICES=1
(CI), where they fail.
"""

import grp
import os
import pwd
import re
import shutil
import socket
import subprocess
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.conf import settings

CONFIG = settings.BASE_DIR / "deploy" / "nginx" / "dateline.conf"
PURGE_MODULE = Path("/usr/lib/nginx/modules/ngx_http_cache_purge_module.so")
REQUIRED = os.environ.get("DATELINE_REQUIRE_SERVICES") == "1"
START_TIMEOUT = 10
STOP_TIMEOUT = 10

MAIN_CONFIG = """\
load_module {module};
pcre_jit on;
daemon off;
master_process on;
worker_processes 2;
{user}
pid {root}/nginx.pid;
error_log {root}/error.log warn;

events {{
    worker_connections 512;
}}

http {{
    # What reached the origin: a line per request, with the cache status and the upstream.
    log_format dateline_test '$request_method $request_uri $status '
                             'cache=$upstream_cache_status upstream=$upstream_addr';
    access_log {root}/access.log dateline_test;
    client_body_temp_path {root}/temp/body;
    proxy_temp_path {root}/temp/proxy;
    fastcgi_temp_path {root}/temp/fastcgi;
    uwsgi_temp_path {root}/temp/uwsgi;
    scgi_temp_path {root}/temp/scgi;

    include {site};
}}
"""


def nginx_binary():
    return shutil.which("nginx") or shutil.which("nginx", path="/usr/sbin:/usr/local/sbin")


def require_nginx():
    """Skip (or fail, when CI requires its services) unless nginx and its purge module are
    installed."""
    missing = []
    if nginx_binary() is None:
        missing.append("nginx (Debian's nginx-light)")
    if not PURGE_MODULE.exists():
        missing.append(f"{PURGE_MODULE} (Debian's libnginx-mod-http-cache-purge)")
    if missing:
        message = "not installed: " + ", ".join(missing)
        if REQUIRED:
            pytest.fail(f"DATELINE_REQUIRE_SERVICES=1 and {message}", pytrace=False)
        pytest.skip(message)


def site_host():
    """The host name of the Site (ensure_editions() takes it from WAGTAILADMIN_BASE_URL)."""
    return urlsplit(settings.WAGTAILADMIN_BASE_URL).hostname or "localhost"


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def render(template, **values):
    """The shipped configuration with its @PLACEHOLDERS@ replaced; every one must be."""
    text = template
    for name, value in values.items():
        text = text.replace(f"@{name}@", value)
    left = [word for word in text.split() if word.startswith("@") and word.endswith("@")]
    assert not left, f"placeholders of {CONFIG} not replaced: {left}"
    return text


class Nginx:
    """nginx with deploy/nginx/dateline.conf in front of `upstream` ("host:port").

    Stopping and starting again keeps the port and the cache directory (what nginx holds on
    disk survives, as it does when a server restarts).
    """

    def __init__(self, root, upstream):
        self.root = Path(root)
        self.upstream = upstream
        self.cache_dir = self.root / "cache"
        self.port = None
        self.process = None

    @property
    def url(self):
        return f"http://127.0.0.1:{self.port}"

    def _configure(self):
        for name in ("body", "proxy", "fastcgi", "uwsgi", "scgi"):
            (self.root / "temp" / name).mkdir(parents=True, exist_ok=True)
        self.cache_dir.mkdir(parents=True, exist_ok=True)
        site = render(
            CONFIG.read_text(),
            LISTEN=f"127.0.0.1:{self.port}",
            # Purges name pages by the Site's host (their canonical URLs) or by the host
            # the reader used (the URL index): both must reach this server.
            SERVER_NAME=f"127.0.0.1 localhost {site_host()}",
            UPSTREAM=f"server {self.upstream};",
            STREAMS=f"server {self.upstream};",
            CACHE_DIR=str(self.cache_dir),
            PURGERS="192.0.2.0/24 1;",  # loopback's 127.0.0.1 is one already
        )
        (self.root / "dateline.conf").write_text(site)
        # As root, nginx's workers would run as nobody, who cannot enter a private tmp dir.
        user = ""
        if os.geteuid() == 0:
            user = (
                f"user {pwd.getpwuid(os.geteuid()).pw_name} {grp.getgrgid(os.getegid()).gr_name};"
            )
        main = MAIN_CONFIG.format(
            module=PURGE_MODULE, user=user, root=self.root, site=self.root / "dateline.conf"
        )
        (self.root / "nginx.conf").write_text(main)

    def start(self):
        """Start nginx and wait until it accepts connections (a new free port the first
        time, retried if another process took it first)."""
        assert self.process is None, "nginx is running already"
        for _attempt in range(3):
            fresh = self.port is None
            if fresh:
                self.port = free_port()
            self._configure()
            if self._launch():
                return self
            if not fresh or "Address already in use" not in self.errors():
                break
            self.port = None
        raise RuntimeError(f"nginx did not start:\n{self.errors()}")

    def _launch(self):
        (self.root / "error.log").write_text("")
        self.process = subprocess.Popen(  # noqa: S603 - a fixed local binary and our own files
            [
                nginx_binary(),
                "-p",
                str(self.root),
                "-c",
                str(self.root / "nginx.conf"),
                "-e",
                str(self.root / "error.log"),
            ],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                self.process = None
                return False
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.5).close()
                return True
            except OSError:
                time.sleep(0.02)
        self.stop()
        return False

    def stop(self):
        """Fast shutdown (SIGTERM): the master waits for its workers, the port is free after."""
        if self.process is None:
            return
        self.process.terminate()
        try:
            self.process.wait(STOP_TIMEOUT)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.process = None

    def errors(self):
        path = self.root / "error.log"
        return path.read_text() if path.exists() else ""

    def access_log(self):
        path = self.root / "access.log"
        return path.read_text().splitlines() if path.exists() else []

    def cached_files(self):
        """The objects nginx keeps on disk, named by the MD5 of their key (temporary files
        being written have other names)."""
        return sorted(
            str(path.relative_to(self.cache_dir))
            for path in self.cache_dir.rglob("*")
            if path.is_file() and re.fullmatch(r"[0-9a-f]{32}", path.name)
        )

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc_info):
        self.stop()


class Origin:
    """The live server's WSGI application, wrapped while the test runs.

    Counts the requests that reach it (method, path and query, and whether it was the
    purger's refresh), and on demand makes them slower (`delay`, seconds) or answers them
    with an error status instead of the application (`failing`, e.g. 502).
    """

    def __init__(self, live_server):
        self.server = live_server.thread.httpd
        self.address = f"127.0.0.1:{live_server.thread.port}"
        self.url = f"http://{self.address}"
        self.application = None
        self.requests = []
        self.delay = 0.0
        self.failing = None
        self._lock = threading.Lock()

    def __call__(self, environ, start_response):
        target = environ.get("PATH_INFO", "")
        if environ.get("QUERY_STRING"):
            target += "?" + environ["QUERY_STRING"]
        refresh = environ.get("HTTP_X_DATELINE_REFRESH") == "1"
        with self._lock:
            self.requests.append((environ["REQUEST_METHOD"], target, refresh))
        if self.delay:
            time.sleep(self.delay)
        if self.failing:
            body = f"the origin failed ({self.failing})".encode()
            start_response(
                f"{self.failing} Failing",
                [("Content-Type", "text/plain"), ("Content-Length", str(len(body)))],
            )
            return [body]
        return self.application(environ, start_response)

    def count(self, target, refresh=None):
        """How many requests for this path (as decoded by the server) and query reached the
        origin."""
        with self._lock:
            return sum(
                1
                for _, seen, was_refresh in self.requests
                if seen == target and (refresh is None or was_refresh == refresh)
            )

    def __enter__(self):
        self.application = self.server.get_app()
        self.server.set_app(self)
        return self

    def __exit__(self, *exc_info):
        self.server.set_app(self.application)


@pytest.fixture(name="nginx_installed")
def nginx_installed_fixture():
    """Skip or fail first, before anything is built for nothing."""
    require_nginx()


@pytest.fixture(name="origin")
def origin_fixture(nginx_installed, live_server):
    """The live server's application, counted (and breakable) for this test."""
    with Origin(live_server) as origin:
        yield origin


@pytest.fixture(name="nginx")
def nginx_fixture(origin, tmp_path, settings):
    """nginx with the shipped configuration in front of the live server, with a cache of
    its own; the application purges it (settings.DATELINE_SHARED_CACHES)."""
    with Nginx(tmp_path / "nginx", origin.address) as nginx:
        settings.DATELINE_SHARED_CACHES = [nginx.url]
        yield nginx
