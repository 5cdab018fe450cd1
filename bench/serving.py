"""Serve the model article several ways and load each with wrk, side by side, in one run.

    DATABASE_URL=postgres://... DATELINE_VAR_DIR=... REDIS_URL=redis://127.0.0.1:6379/5 \
        python bench/serving.py [--seconds 10] [--connections 64] [--threads 2] [--workers 2]
                                [--rounds 3] [--only static,cached,warm,asgi,cold,peer]
                                [--skip-peer]

The model article is the newest published English article of the demo. Rows:

static  nginx serving the article's exact HTML bytes as a static file: the limit here.
cached  nginx with the shipped deploy/nginx/dateline.conf in front of Dateline, on cache hits
        (the cache warmed first): the article, the home page and a section page. The
        article's rate over the static file's is the headline figure: the two are measured
        in turn, --rounds times each, and the table shows each one's median run and the
        headline the median of the rounds' ratios (on a shared machine, rates taken a
        minute apart differ more than the two servers do).
warm    the origin with no cache in front: Dateline's WSGI application under granian (as it
        serves pages in production), every request rendered, with fragments kept (production
        settings, Redis), as on a miss in production.
asgi    the same through Django's ASGI handler under uvicorn (the live streams' server): what
        serving pages through WSGI earns.
cold    the origin rendering everything every time: fragments off and Django's caches a
        dummy backend (bench/cold_settings.py), so site root paths and renditions come from
        the database on every request too.
peer    a plain `wagtail start` project serving one page with the same text, under granian's
        WSGI interface too; the warm and cold rows are given as multiples of it.

Dateline runs under granian (WSGI) with production settings, `--workers`
processes, its caches in Redis under a key prefix of this run's own, and
DATELINE_SHARED_CACHES naming the nginx in front, as in production (so a render registers
its URL for purges).

Every row is checked, so that a misconfiguration cannot pass for a fast figure: a sample
request (the same bytes wrk sends) before and after the run must get a 200 whose body has the
expected size (the article's, as Dateline renders it; the peer's own), and the mean size of
the responses wrk read (bench/wrk_summary.lua) must match the sample's. The cached rows must
answer X-Cache: HIT, and nginx logs every response of theirs not served from its cache: there
must be none during the run. A row that fails is marked and the run exits with status 1.
Each run follows a short warm-up run of wrk (both workers loaded, connections opened).

Needs nginx with Debian's libnginx-mod-http-cache-purge, wrk, a Redis, and a loaded demo
database (manage.py migrate && manage.py load_demo), found through DATABASE_URL and
DATELINE_VAR_DIR as manage.py finds it. Traffic stays on loopback. Prints requests/s, p50 and
p99 latency, non-2xx responses and socket errors, the share of nginx's static rate, and the
resident memory of each application worker after its runs.
"""

import argparse
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
NGINX_CONF = ROOT / "deploy" / "nginx" / "dateline.conf"
PURGE_MODULE = Path("/usr/lib/nginx/modules/ngx_http_cache_purge_module.so")
WRK_SUMMARY = Path(__file__).resolve().parent / "wrk_summary.lua"
ROWS = ("static", "cached", "warm", "asgi", "cold", "peer")


class Invalid(Exception):
    """A row whose answers are not what it claims to measure."""


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(url, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return response.read()
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"{url} did not answer within {timeout} s")


@dataclass
class Answer:
    status: int
    headers: dict
    body: bytes
    size: int  # bytes on the wire: status line, headers and body


def fetch(port, path):
    """One GET with exactly the request wrk sends (no Accept-Encoding: never gzipped)."""
    with socket.create_connection(("127.0.0.1", port), timeout=30) as sock:
        sock.sendall(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n".encode())
        data = b""
        while b"\r\n\r\n" not in data:
            chunk = sock.recv(65536)
            if not chunk:
                raise Invalid(f"connection closed before the headers of {path}")
            data += chunk
        head, _, body = data.partition(b"\r\n\r\n")
        lines = head.decode("latin-1").split("\r\n")
        headers = {}
        for line in lines[1:]:
            name, _, value = line.partition(":")
            headers[name.strip().lower()] = value.strip()
        if "content-length" not in headers:
            raise Invalid(f"{path}: no Content-Length ({lines[0]})")
        length = int(headers["content-length"])
        while len(body) < length:
            chunk = sock.recv(65536)
            if not chunk:
                break
            body += chunk
    return Answer(int(lines[0].split()[1]), headers, body, len(head) + 4 + len(body))


def wrk(url, seconds, connections, threads=2):
    """Load url with wrk: requests/s, p50, p99, non-2xx and socket errors, exact totals."""
    out = subprocess.run(
        ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--timeout", "10s",
         "--latency", "-s", str(WRK_SUMMARY), url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout  # fmt: skip
    latency = dict(re.findall(r"^\s+(50|99)%\s+(\S+)\s*$", out, re.MULTILINE))
    totals = dict(re.findall(r"(\w+)=(\d+)", out.rpartition("bench-summary")[2]))
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
        "p50": latency.get("50", "?"),
        "p99": latency.get("99", "?"),
        "errors": int(totals["status"]),  # wrk counts statuses >= 400; the size check the rest
        "socket_errors": int(totals["socket"]),
        "requests": int(totals["requests"]),
        "bytes": int(totals["bytes"]),
    }


def rss_mb(parent_pid):
    """Resident memory of each worker process under parent_pid (or of the parent alone).

    multiprocessing's resource tracker (a child of uvicorn's supervisor) is not a worker.
    """
    children = subprocess.run(
        ["ps", "-o", "pid=,rss=,args=", "--ppid", str(parent_pid)], capture_output=True, text=True
    ).stdout.splitlines()
    pairs = [line.split(maxsplit=2)[:2] for line in children if "resource_tracker" not in line]
    if not pairs:
        rss = subprocess.run(
            ["ps", "-o", "rss=", "-p", str(parent_pid)], capture_output=True, text=True
        ).stdout.strip()
        return [int(rss) / 1024] if rss else []
    return [int(rss) / 1024 for _, rss in pairs]


class Server:
    """A process group started for the bench, its output in a log file (or discarded)."""

    def __init__(self, args, env=None, cwd=None, log=None):
        self.log = Path(log) if log else None
        output = open(self.log, "ab") if self.log else subprocess.DEVNULL
        self.process = subprocess.Popen(
            args,
            env={**os.environ, **(env or {})},
            cwd=cwd,
            stdout=output,
            stderr=subprocess.STDOUT if self.log else subprocess.DEVNULL,
            start_new_session=True,
        )
        if self.log:
            output.close()

    def tail(self, lines=15):
        if not self.log or not self.log.exists():
            return ""
        return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])

    def stop(self):
        try:
            os.killpg(self.process.pid, signal.SIGTERM)
            self.process.wait(timeout=10)
        except ProcessLookupError:
            pass
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()


def granian(app, port, workers, env, cwd=None, log=None):
    """A WSGI application under granian: how Dateline serves pages in production (README)."""
    return Server(
        [
            str(Path(PYTHON).parent / "granian"), "--interface", "wsgi", "--http", "1",
            "--no-ws", "--host", "127.0.0.1", "--port", str(port), "--workers", str(workers),
            "--log-level", "warning", app,
        ],
        env=env,
        cwd=cwd,
        log=log,
    )  # fmt: skip


def uvicorn(app, port, workers, env, cwd=None, interface="asgi3", log=None):
    return Server(
        [
            PYTHON, "-m", "uvicorn", app, "--host", "127.0.0.1", "--port", str(port),
            "--workers", str(workers), "--loop", "uvloop", "--http", "httptools",
            "--ws", "none", "--no-access-log", "--log-level", "warning",
            "--interface", interface,
        ],
        env=env,
        cwd=cwd,
        log=log,
    )  # fmt: skip


# The main context and http block around a server: the same for the static file and the
# cache, which adds the shipped configuration and a log of what it did not serve from cache.
# The shipped file asks for the purge module and pcre_jit in the main context.
NGINX_MAIN = """\
load_module {purge_module};
pcre_jit on;
worker_processes 2;
daemon off;
pid {dir}/nginx.pid;
error_log {dir}/error.log warn;
events {{ worker_connections 4096; }}
http {{
  sendfile on;
  keepalive_requests 100000;
  default_type text/html;
  client_body_temp_path {dir}/body;
  proxy_temp_path {dir}/proxy;
  fastcgi_temp_path {dir}/fastcgi;
  uwsgi_temp_path {dir}/uwsgi;
  scgi_temp_path {dir}/scgi;
{http}
}}
"""
NOT_HIT_LOG = """\
  map $upstream_cache_status $bench_not_hit {{ HIT ""; default 1; }}
  log_format bench_not_hit '$upstream_cache_status $status $request';
  access_log {log} bench_not_hit if=$bench_not_hit;
"""


def nginx(workdir, name, http):
    conf_dir = workdir / name
    conf_dir.mkdir()
    conf = conf_dir / "nginx.conf"
    conf.write_text(NGINX_MAIN.format(purge_module=PURGE_MODULE, dir=conf_dir, http=http))
    test = subprocess.run(["nginx", "-t", "-c", str(conf), "-p", str(conf_dir)],
                          capture_output=True, text=True)  # fmt: skip
    if test.returncode:
        raise RuntimeError(f"nginx -t failed for {conf}:\n{test.stderr}")
    return Server(["nginx", "-c", str(conf), "-p", str(conf_dir)], log=conf_dir / "stderr.log")


def nginx_static(workdir, html, port):
    (workdir / "www").mkdir()
    (workdir / "www" / "index.html").write_bytes(html)
    server = f"  access_log off;\n  server {{ listen 127.0.0.1:{port}; root {workdir}/www; }}"
    return nginx(workdir, "nginx-static", server)


def nginx_cache(workdir, port, upstream_port):
    """nginx with the shipped configuration, filled in, in front of 127.0.0.1:upstream_port."""
    conf = NGINX_CONF.read_text()
    for name, value in {
        "@LISTEN@": f"127.0.0.1:{port}",
        "@SERVER_NAME@": "127.0.0.1 localhost",
        "@UPSTREAM@": f"server 127.0.0.1:{upstream_port};",
        "@STREAMS@": f"server 127.0.0.1:{upstream_port};",
        "@CACHE_DIR@": str(workdir / "nginx-cache-store"),
        "@PURGERS@": "",
        "@PURGE_FROM@": "",
    }.items():
        conf = conf.replace(name, value)
    left = set(re.findall(r"@[A-Z_]+@", conf))
    if left:
        raise RuntimeError(f"{NGINX_CONF} has placeholders this bench does not fill: {left}")
    (workdir / "dateline.conf").write_text(conf)
    not_hit = workdir / "not-hit.log"
    http = NOT_HIT_LOG.format(log=not_hit) + f"  include {workdir}/dateline.conf;"
    return nginx(workdir, "nginx-cache", http), not_hit


def peer_site(workdir, html_text, port, workers, log=None, database=None):
    """A plain `wagtail start` project with one page holding the article's text (on SQLite,
    as `wagtail start` makes it, or on the database URL given)."""
    project = workdir / "peer"
    project.mkdir()
    subprocess.run(
        [str(Path(PYTHON).parent / "wagtail"), "start", "peer", str(project)],
        check=True,
        capture_output=True,
    )
    env = {"DJANGO_SETTINGS_MODULE": "peer.settings.production", "PYTHONPATH": str(project)}
    settings = project / "peer" / "settings" / "production.py"
    own_database = (
        f"import dj_database_url\nDATABASES = {{'default': dj_database_url.parse({database!r})}}\n"
    )
    settings.write_text(
        settings.read_text()
        + "\nALLOWED_HOSTS = ['*']\nSECRET_KEY = 'bench-only'\nDEBUG = False\n"
        + (own_database if database else "")
    )
    manage = [PYTHON, str(project / "manage.py")]
    subprocess.run([*manage, "migrate", "-v0"], check=True, env={**os.environ, **env})
    subprocess.run(
        [*manage, "collectstatic", "--noinput", "-v0"], check=True, env={**os.environ, **env}
    )
    script = (
        "from home.models import HomePage\n"
        "page = HomePage.objects.get(depth=2)\n"
        "page.title = 'Benchmark article'\n"
        "page.save_revision().publish()\n"
    )
    subprocess.run([*manage, "shell", "-v0", "-c", script], check=True, env={**os.environ, **env})
    # The same amount of text as Dateline's article, in the peer's own home template.
    template = project / "home" / "templates" / "home" / "home_page.html"
    template.write_text(
        '{% extends "base.html" %}{% block content %}<article>'
        + html_text.replace("{", "&#123;").replace("}", "&#125;")
        + "</article>{% endblock %}"
    )
    return granian("peer.wsgi:application", port, workers, env, cwd=project, log=log)


@dataclass
class Row:
    label: str
    result: dict = None
    rss: list = field(default_factory=list)
    size: int = 0
    problem: str = ""


class Bench:
    def __init__(self, args):
        self.args = args
        self.rows = []
        self.ratios = []

    def sample(self, port, path, size=None, cache=False):
        """A sample answer, checked: 200, the expected body size, from nginx's cache."""
        answer = fetch(port, path)
        if answer.status != 200:
            raise Invalid(f"{path} answered {answer.status}, not 200")
        if size is not None and len(answer.body) != size:
            kept = Path(tempfile.gettempdir()) / f"dateline-bench-unexpected-{port}.html"
            kept.write_bytes(answer.body)
            raise Invalid(f"{path}: {len(answer.body)} bytes of body, {size} expected ({kept})")
        if cache and answer.headers.get("x-cache") != "HIT":
            raise Invalid(f"{path}: X-Cache {answer.headers.get('x-cache')!r}, not HIT")
        return answer

    def run(self, label, port, path, size=None, server=None, not_hit=None):
        """Measure one row and add it to the table."""
        row = self.measure(label, port, path, size, server, not_hit)
        self.rows.append(row)
        return row

    def measure(self, label, port, path, size=None, server=None, not_hit=None):
        """Check a sample, warm up, measure, check again: one row."""
        row = Row(label)
        args = self.args
        url = f"http://127.0.0.1:{port}{path}"
        try:
            before = self.sample(port, path, size, cache=not_hit is not None)
            row.size = len(before.body)
            wrk(url, args.warmup, args.connections, args.threads)
            misses = _lines(not_hit)
            row.result = wrk(url, args.seconds, args.connections, args.threads)
            misses = _lines(not_hit) - misses
            self.sample(port, path, row.size, cache=not_hit is not None)
            if server is not None:
                row.rss = rss_mb(server.process.pid)
            result = row.result
            mean = result["bytes"] / max(result["requests"], 1)
            if abs(mean - before.size) > max(8, before.size * 0.005):
                raise Invalid(
                    f"{path}: wrk read {mean:.0f} bytes per response, the sample {before.size}"
                )
            if misses:
                raise Invalid(f"{path}: {misses} responses not from nginx's cache during the run")
        except (Invalid, OSError, subprocess.CalledProcessError) as problem:
            row.problem = f"{problem} ({type(problem).__name__})"
            if server is not None:
                if server.process.poll() is not None:
                    row.problem += f"; the server exited with {server.process.returncode}"
                if server.tail():
                    row.problem += "\n    " + server.tail().replace("\n", "\n    ")
        return row

    def alternate(self, first, second):
        """Measure two rows in turn, --rounds times each, and add each row's median run: a
        ratio of rates taken minutes apart on a shared machine says more about the machine.
        first and second are the arguments of measure(); the rounds' ratios are kept."""
        runs = [], []
        for _ in range(self.args.rounds):
            for kept, spec in zip(runs, (first, second), strict=True):
                kept.append(self.measure(**spec))
        self.ratios = [
            b.result["rps"] / a.result["rps"]
            for a, b in zip(*runs, strict=True)
            if a.result and b.result and not (a.problem or b.problem)
        ]
        for kept in runs:
            measured = sorted((r for r in kept if r.result), key=lambda r: r.result["rps"])
            row = measured[len(measured) // 2] if measured else kept[0]
            row.problem = "; ".join(r.problem for r in kept if r.problem)
            self.rows.append(row)

    def report(self, html, article_path, load_before):
        args = self.args
        print(
            f"\nThe article {article_path}: {len(html):,} bytes of HTML. wrk -t{args.threads} "
            f"-c{args.connections}, {args.seconds} s per row after {args.warmup} s of warm-up; "
            f"{args.workers} application workers (granian, WSGI, but for the ASGI row); "
            f"{os.cpu_count()} CPUs, load average "
            f"{load_before:.2f} before the run (other work on the machine skews every row)\n"
        )
        print(
            f"{'what':50} {'req/s':>8} {'p50':>8} {'p99':>8} {'non-2xx':>7} {'sock err':>8} "
            f"{'of static':>9} {'body':>7}  RSS per worker (MB)"
        )
        static = self._rps("static")
        for row in self.rows:
            result = row.result
            if result is None:
                print(f"{row.label:50} {'not measured':>8}")
                continue
            share = f"{result['rps'] / static:.1%}" if static else "-"
            memory = ", ".join(f"{mb:.0f}" for mb in row.rss) if row.rss else "-"
            mark = "  INVALID" if row.problem else ""
            print(
                f"{row.label:50} {result['rps']:>8.0f} {result['p50']:>8} {result['p99']:>8} "
                f"{result['errors']:>7} {result['socket_errors']:>8} {share:>9} "
                f"{row.size:>7}  {memory}{mark}"
            )
        print()
        cached, warm, cold, peer = (self._rps(k) for k in ("article, from", "warm", "cold", "peer"))
        if self.ratios:
            ratio = sorted(self.ratios)[len(self.ratios) // 2]
            print(
                f"Headline: cached article / nginx static = {ratio:.2f}, the median of "
                f"{len(self.ratios)} alternated rounds ("
                + ", ".join(f"{r:.2f}" for r in self.ratios)
                + f") (target >= 0.75: {'met' if ratio >= 0.75 else 'NOT met'})"
            )
        elif cached and static:
            print(f"Headline: cached article / nginx static = {cached / static:.2f}")
        if warm:
            print(f"Origin, warm: {warm:.0f} req/s" + (
                f" = {warm / peer:.2f}x the peer (target >= 2x: "
                f"{'met' if warm / peer >= 2 else 'NOT met'})" if peer else ""
            ))  # fmt: skip
        if cold:
            print(
                f"Origin, cold: {cold:.0f} req/s (target >= 100: "
                f"{'met' if cold >= 100 else 'NOT met'})"
                + (f" = {cold / peer:.2f}x the peer" if peer else "")
            )
        problems = [row for row in self.rows if row.problem]
        for row in problems:
            print(f"\nINVALID {row.label}: {row.problem}")
        if not problems:
            print(
                "Checks passed: every row answered 200 with the expected body size (samples "
                "before and after, mean size of what wrk read); cached rows X-Cache: HIT, none "
                "missed nginx's cache during the runs."
            )
        return not problems

    def _rps(self, key):
        row = next((r for r in self.rows if key in r.label and r.result and not r.problem), None)
        return row.result["rps"] if row else None


def _lines(path):
    if path is None or not path.exists():
        return 0
    with open(path, "rb") as log:
        return sum(1 for _ in log)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=10, help="each measured run")
    parser.add_argument("--warmup", type=int, default=2, help="wrk's run before each row")
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument("--threads", type=int, default=2, help="wrk's threads")
    parser.add_argument(
        "--rounds",
        type=int,
        default=3,
        help="static and cached article measured in turn this many times each (the headline)",
    )
    parser.add_argument("--workers", type=int, default=2, help="application server processes")
    parser.add_argument("--skip-peer", action="store_true", help="leave the peer row out")
    parser.add_argument(
        "--peer-database",
        help="an empty database URL for the peer (e.g. PostgreSQL, as Dateline's); SQLite, as "
        "`wagtail start` makes it, by default",
    )
    parser.add_argument(
        "--only",
        default=",".join(ROWS),
        help=f"comma-separated rows to run, among {', '.join(ROWS)} (e.g. --only warm,cold,peer "
        "while working on the render)",
    )
    parser.add_argument("--redis", default=os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0"))
    args = parser.parse_args()
    only = {row.strip() for row in args.only.split(",") if row.strip()}
    if only - set(ROWS):
        parser.error(f"unknown rows: {', '.join(sorted(only - set(ROWS)))}")
    if args.skip_peer:
        only.discard("peer")
    for tool in ("nginx", "wrk"):
        if not shutil.which(tool):
            sys.exit(f"{tool} is needed: apt-get install nginx wrk")
    if not PURGE_MODULE.exists():
        sys.exit(f"{PURGE_MODULE} is needed: apt-get install libnginx-mod-http-cache-purge")

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dateline.settings.development")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from dateline.news.models import ArticlePage, SectionPage

    article = ArticlePage.objects.published().filter(locale__language_code="en")
    article = article.filter(live_revision__isnull=False).newest_first().first()
    section = SectionPage.objects.filter(locale__language_code="en").first()
    if article is None:
        sys.exit("Load the demo first: manage.py load_demo")
    pages = {"article": article.url, "home": "/en/", "section": section.url}

    bench = Bench(args)
    servers = []
    load_before = os.getloadavg()[0]  # the machine may be busy with more than this bench
    with tempfile.TemporaryDirectory(prefix="dateline-bench-") as tmp:
        workdir = Path(tmp)
        workdir.chmod(0o755)  # nginx's workers run as an unprivileged user and must read it
        cache_port = free_port()
        # Production settings, as readers get them (DEBUG off, compressed static files).
        app_env = {
            "DJANGO_SETTINGS_MODULE": "dateline.settings.production",
            "SECRET_KEY": "bench-only-not-secret-0123456789abcdefghijklmnopqrstuvwxyz",
            "SECURE_SSL_REDIRECT": "false",
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
            # Django's caches in Redis, shared by the workers, under a prefix of this run's own.
            "REDIS_URL": args.redis,
            "CACHE_KEY_PREFIX": f"bench-{os.getpid()}",
            # As in production: renders register their URL for the nginx in front to be purged.
            "DATELINE_SHARED_CACHES": f"http://127.0.0.1:{cache_port}",
            # glibc's per-thread arenas otherwise keep freed memory of render threads.
            "MALLOC_ARENA_MAX": "2",
        }
        subprocess.run(
            [PYTHON, str(ROOT / "manage.py"), "collectstatic", "--noinput", "-v0"],
            check=True,
            env={**os.environ, **app_env},
        )

        def start(server):
            servers.append(server)
            return server

        def stop(server):
            server.stop()
            servers.remove(server)

        try:
            # The origin, warm: production settings, fragments kept in Redis. Its first answers
            # are the reference: the bytes nginx serves as a static file, the expected sizes.
            port = free_port()
            app = start(granian("dateline.wsgi:application", port, args.workers, app_env,
                                log=workdir / "origin.log"))  # fmt: skip
            wait_for(f"http://127.0.0.1:{port}{article.url}")
            reference = {}
            for name, path in pages.items():
                answer = fetch(port, path)
                if answer.status != 200:
                    sys.exit(f"{path} answered {answer.status}:\n{app.tail()}")
                reference[name] = answer.body
            # Pages hold their host name, port included: free ports are all 5 digits long.
            html = reference["article"]

            static_row = cached_rows = None
            if "static" in only:
                static_port = free_port()
                start(nginx_static(workdir, html, static_port))
                wait_for(f"http://127.0.0.1:{static_port}/index.html")
                static_row = {
                    "label": "nginx, the article's HTML as a static file",
                    "port": static_port,
                    "path": "/index.html",
                    "size": len(html),
                }
            if "cached" in only:
                cache, not_hit = nginx_cache(workdir, cache_port, port)
                start(cache)
                wait_for(f"http://127.0.0.1:{cache_port}{article.url}")
                for path in pages.values():
                    for _ in range(10):  # a miss stores the page, the next answer is a hit
                        if fetch(cache_port, path).headers.get("x-cache") == "HIT":
                            break
                        time.sleep(0.2)
                cached_rows = [
                    {
                        "label": f"{name}, from nginx's cache (shipped config)",
                        "port": cache_port,
                        "path": path,
                        "size": len(reference[name]),
                        "server": app,
                        "not_hit": not_hit,
                    }
                    for name, path in pages.items()
                ]
            if static_row and cached_rows:
                bench.alternate(static_row, cached_rows.pop(0))  # the headline's two rows
            elif static_row:
                bench.run(**static_row)
            for row in cached_rows or []:
                bench.run(**row)
            for server in [server for server in servers if server is not app]:
                stop(server)  # both nginx

            if "warm" in only:
                bench.run("article, origin warm (fragments in Redis)", port, article.url,
                          len(html), server=app)  # fmt: skip
            stop(app)

            if "asgi" in only:
                # The same under Django's ASGI handler and uvicorn (the live streams' server):
                # what serving pages through WSGI earns.
                port = free_port()
                asgi = start(uvicorn("dateline.asgi:application", port, args.workers, app_env,
                                     log=workdir / "asgi.log"))  # fmt: skip
                wait_for(f"http://127.0.0.1:{port}{article.url}")
                bench.run("article, origin warm, ASGI under uvicorn", port, article.url,
                          len(html), server=asgi)  # fmt: skip
                stop(asgi)

            if "cold" in only:
                port = free_port()
                cold_env = {**app_env, "DJANGO_SETTINGS_MODULE": "bench.cold_settings"}
                cold = start(granian("dateline.wsgi:application", port, args.workers, cold_env,
                                     log=workdir / "cold.log"))  # fmt: skip
                wait_for(f"http://127.0.0.1:{port}{article.url}")
                bench.run("article, origin cold (nothing kept)", port, article.url, len(html),
                          server=cold)  # fmt: skip
                stop(cold)

            if "peer" in only:
                port = free_port()
                text = re.sub(rb"<script.*?</script>", b"", html, flags=re.S)
                body = re.search(rb"<article.*?</article>", text, re.S)
                peer = start(peer_site(workdir, (body.group(0) if body else text).decode(),
                                       port, args.workers, log=workdir / "peer.log",
                                       database=args.peer_database))  # fmt: skip
                wait_for(f"http://127.0.0.1:{port}/")
                bench.run("plain Wagtail page, same text (the peer)", port, "/", server=peer)
                stop(peer)
        finally:
            for server in servers:
                server.stop()

    sys.exit(0 if bench.report(html, article.url, load_before) else 1)


if __name__ == "__main__":
    main()
