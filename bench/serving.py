"""Serve the same article several ways and load each with wrk, side by side, in one run.

    python bench/serving.py [--seconds 10] [--connections 64] [--workers 2] [--skip-peer]
                            [--server uvicorn,granian,gunicorn] [--only cached,full,peer]
                            [--redis redis://127.0.0.1:6379/0]

1. nginx serving the article's HTML as a static file: the limit on this machine.
2. Dateline with its page cache (production settings, the page cache in Redis shared by the
   workers): the article, the home and a section page.
3. Dateline rendering the article on every request (page cache off): the full render, once
   with the parts of pages kept rendered (what a page-cache miss costs in production) and
   once without them (every part rendered: a cold start).
4. The peer: a plain `wagtail start` project serving one page with the same text.

Needs nginx and wrk (`apt-get install nginx wrk`), a Redis, and a loaded demo database: it
uses DATELINE_VAR_DIR / DATABASE_URL like manage.py. Prints requests/s, p50 and p99 latency
and the resident memory of each application worker after its runs. Traffic stays on loopback.
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
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(url, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                return response.read()
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"{url} did not answer within {timeout} s")


def wrk(url, seconds, connections):
    out = subprocess.run(
        ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    latency = dict(re.findall(r"^\s+(50|99)%\s+(\S+)$", out, re.MULTILINE))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return {
        "rps": rps,
        "p50": latency.get("50", "?"),
        "p99": latency.get("99", "?"),
        "errors": int(errors.group(1)) if errors else 0,
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
    def __init__(self, args, env=None, cwd=None):
        self.process = subprocess.Popen(
            args,
            env={**os.environ, **(env or {})},
            cwd=cwd,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )

    def stop(self):
        try:
            os.killpg(self.process.pid, signal.SIGTERM)
            self.process.wait(timeout=10)
        except (ProcessLookupError, subprocess.TimeoutExpired):
            os.killpg(self.process.pid, signal.SIGKILL)


def app_server(kind, app, port, workers, env):
    """Dateline's ASGI application under one of the servers compared."""
    if kind == "granian":
        return Server(
            [str(Path(PYTHON).parent / "granian"), "--interface", "asgi", "--http", "1",
             "--no-ws", "--host", "127.0.0.1", "--port", str(port), "--workers", str(workers),
             "--loop", "uvloop", "--log-level", "warning", app],
            env=env,
        )  # fmt: skip
    if kind == "gunicorn":
        return Server(
            [PYTHON, "-m", "gunicorn", "-k", "uvicorn.workers.UvicornWorker", "-w", str(workers),
             "-b", f"127.0.0.1:{port}", "--log-level", "warning", app],
            env=env,
        )  # fmt: skip
    return uvicorn(app, port, workers, env)


def uvicorn(app, port, workers, env, cwd=None, interface="asgi3"):
    return Server(
        [
            PYTHON, "-m", "uvicorn", app, "--host", "127.0.0.1", "--port", str(port),
            "--workers", str(workers), "--no-access-log", "--log-level", "warning",
            "--interface", interface,
        ],
        env=env,
        cwd=cwd,
    )  # fmt: skip


def nginx_serving(html, workdir):
    port = free_port()
    (workdir / "www").mkdir()
    (workdir / "www" / "index.html").write_bytes(html)
    conf = workdir / "nginx.conf"
    conf.write_text(
        f"""
worker_processes 2;
daemon off;
pid {workdir}/nginx.pid;
error_log {workdir}/error.log;
events {{ worker_connections 4096; }}
http {{
  access_log off;
  sendfile on;
  keepalive_requests 100000;
  default_type text/html;
  server {{
    listen 127.0.0.1:{port};
    root {workdir}/www;
  }}
}}
"""
    )
    return Server(["nginx", "-c", str(conf), "-p", str(workdir)]), port


def peer_site(workdir, html_text, port, workers):
    """A plain `wagtail start` project with one page holding the article's text."""
    project = workdir / "peer"
    project.mkdir()
    subprocess.run(
        [str(Path(PYTHON).parent / "wagtail"), "start", "peer", str(project)],
        check=True,
        capture_output=True,
    )
    env = {"DJANGO_SETTINGS_MODULE": "peer.settings.production", "PYTHONPATH": str(project)}
    settings = project / "peer" / "settings" / "production.py"
    settings.write_text(
        settings.read_text() + "\nALLOWED_HOSTS = ['*']\nSECRET_KEY = 'bench-only'\nDEBUG = False\n"
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
    return uvicorn("peer.wsgi:application", port, workers, env, cwd=project, interface="wsgi")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--skip-peer", action="store_true")
    parser.add_argument(
        "--server",
        default="uvicorn",
        help="comma-separated, among uvicorn, granian, gunicorn: each serves the cached pages "
        "in turn; the first also serves the full render",
    )
    parser.add_argument(
        "--only",
        default="cached,full,peer",
        help="comma-separated rows to run, among cached (with nginx), full and peer "
        "(e.g. --only full,peer while working on the render)",
    )
    parser.add_argument("--redis", default=os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0"))
    args = parser.parse_args()
    for tool in ("nginx", "wrk"):
        if not shutil.which(tool):
            sys.exit(f"{tool} is needed: apt-get install nginx wrk")

    env = {"DJANGO_SETTINGS_MODULE": os.environ.get("DJANGO_SETTINGS_MODULE",
                                                    "dateline.settings.development")}  # fmt: skip
    sys.path.insert(0, str(ROOT))
    os.environ.update(env)
    import django

    django.setup()
    from dateline.news.models import ArticlePage, SectionPage

    article = ArticlePage.objects.published().filter(locale__language_code="en")
    article = article.filter(live_revision__isnull=False).newest_first().first()
    section = SectionPage.objects.filter(locale__language_code="en").first()
    if article is None:
        sys.exit("Load the demo first: manage.py load_demo")

    rows, servers = [], []
    with tempfile.TemporaryDirectory(prefix="dateline-bench-") as tmp:
        workdir = Path(tmp)
        workdir.chmod(0o755)  # nginx workers run as an unprivileged user and must read it
        try:
            port = free_port()
            # Production settings, as readers get them (DEBUG off, compressed static files).
            app_env = {
                "DJANGO_SETTINGS_MODULE": "dateline.settings.production",
                "SECRET_KEY": "bench-only-not-secret-0123456789abcdefghijklmnopqrstuvwxyz",
                "SECURE_SSL_REDIRECT": "false",
                "ALLOWED_HOSTS": "127.0.0.1,localhost",
                "PYTHONPATH": str(ROOT),
                # The page cache and Django's cache in Redis, shared by the workers; a prefix
                # of this run's own.
                "REDIS_URL": args.redis,
                "CACHE_KEY_PREFIX": f"bench-{os.getpid()}",
                # glibc's per-thread arenas otherwise keep freed memory of render threads.
                "MALLOC_ARENA_MAX": "2",
            }
            subprocess.run(
                [PYTHON, str(ROOT / "manage.py"), "collectstatic", "--noinput", "-v0"],
                check=True,
                env={**os.environ, **app_env},
            )
            kinds = [k.strip() for k in args.server.split(",") if k.strip()]
            only = {row.strip() for row in args.only.split(",")}
            html = None
            for index, kind in enumerate(kinds if "cached" in only else []):
                port = free_port()
                app = app_server(kind, "dateline.asgi:application", port, args.workers, app_env)
                servers.append(app)
                base = f"http://127.0.0.1:{port}"
                html = wait_for(base + article.url)
                html = wait_for(base + article.url)  # the second answer comes from the cache
                if index == 0:
                    static, static_port = nginx_serving(html, workdir)
                    servers.append(static)
                    wait_for(f"http://127.0.0.1:{static_port}/index.html")
                    rows.append(("nginx, same HTML as a static file (the limit)",
                                 wrk(f"http://127.0.0.1:{static_port}/index.html", args.seconds,
                                     args.connections), None))  # fmt: skip
                pages = [("article", article.url)]
                if index == 0:
                    pages += [("home", "/en/"), ("section", section.url)]
                for label, path in pages:
                    wait_for(base + path)
                    rows.append((f"Dateline {label}, page cache ({kind})",
                                 wrk(base + path, args.seconds, args.connections),
                                 rss_mb(app.process.pid)))  # fmt: skip
                app.stop()
                servers.remove(app)

            # The full render: the same server with the page cache off; then with the parts
            # of pages kept rendered (rendercache) off too, every part rendered every time.
            for label, extra in (
                ("rendered every time", {"DATELINE_PAGE_CACHE": "0"}),
                ("rendered every time, no kept parts",
                 {"DATELINE_PAGE_CACHE": "0", "DATELINE_RENDER_CACHE": "0"}),
            ) if "full" in only or "peer" in only else ():  # fmt: skip
                port = free_port()
                uncached = app_server(kinds[0], "dateline.asgi:application", port, args.workers,
                                      {**app_env, **extra})  # fmt: skip
                servers.append(uncached)
                html = wait_for(f"http://127.0.0.1:{port}{article.url}")
                if "full" not in only:
                    uncached.stop()
                    servers.remove(uncached)
                    break
                rows.append((f"Dateline article, {label} ({kinds[0]})",
                             wrk(f"http://127.0.0.1:{port}{article.url}", args.seconds,
                                 args.connections), rss_mb(uncached.process.pid)))  # fmt: skip
                uncached.stop()
                servers.remove(uncached)

            if not args.skip_peer and "peer" in only:
                peer_port = free_port()
                text = re.sub(rb"<script.*?</script>", b"", html, flags=re.S)
                body = re.search(rb"<article.*?</article>", text, re.S)
                peer = peer_site(workdir, (body.group(0) if body else text).decode(), peer_port,
                                 args.workers)  # fmt: skip
                servers.append(peer)
                wait_for(f"http://127.0.0.1:{peer_port}/")
                rows.append(("plain Wagtail page, same text (the peer)",
                             wrk(f"http://127.0.0.1:{peer_port}/", args.seconds,
                                 args.connections), rss_mb(peer.process.pid)))  # fmt: skip
        finally:
            for server in servers:
                server.stop()

    print(f"\n{len(html)} bytes of HTML, {args.connections} connections, {args.seconds} s each, "
          f"{args.workers} application workers\n")  # fmt: skip
    print(f"{'what':58} {'req/s':>9} {'p50':>9} {'p99':>9} {'non-2xx':>8}  {'of nginx':>8}"
          "  RSS per worker (MB)")  # fmt: skip
    limit = rows[0][1]["rps"] if "nginx" in rows[0][0] else None
    for label, result, rss in rows:
        memory = ", ".join(f"{mb:.0f}" for mb in rss) if rss else "-"
        share = f"{result['rps'] / limit:.1%}" if limit else "-"
        print(
            f"{label:58} {result['rps']:>9.0f} {result['p50']:>9} {result['p99']:>9} "
            f"{result['errors']:>8}  {share:>8}  {memory}"
        )
    peer = next((r for label, r, _ in rows if "peer" in label), None)
    for label, result, _ in rows:
        if "rendered every time" in label and peer:
            print(f"{label} vs the plain Wagtail peer: {result['rps'] / peer['rps']:.2f}x")


if __name__ == "__main__":
    main()
