"""How soon readers see a change, at the origin and through nginx, under load.

    DATABASE_URL=postgres://... DATELINE_VAR_DIR=... REDIS_URL=redis://127.0.0.1:6379/5 \
        python bench/freshness.py [--changes 30] [--connections 16]

Starts Dateline (its WSGI application under granian, production settings) and nginx with the
shipped deploy/nginx/dateline.conf in front of it, and keeps readers busy on the model
article through nginx (wrk). Then, --changes times: publishes a new headline of the article
from this process (as the newsroom's server would, which sends the purge when the change
commits), and polls the article until the new headline is served, through nginx and from
the origin directly; then the same for retractions (unpublished: until nginx answers "not
found"; published again afterwards). Prints p50, p99 and the worst time from the commit to
what readers get, and whether any reader got an old headline after it had seen the new one.
"""

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.serving import (  # noqa: E402
    ROOT,
    fetch,
    free_port,
    granian,
    nginx_cache,
    wait_for,
)

PYTHON = sys.executable


def poll(port, path, done, timeout=10):
    """Seconds until done(answer) holds for a GET of path, or None after timeout."""
    start = time.monotonic()
    while time.monotonic() - start < timeout:
        if done(fetch(port, path)):
            return time.monotonic() - start
        time.sleep(0.01)
    return None


def summary(label, times):
    known = [t for t in times if t is not None]
    lost = len(times) - len(known)
    if not known:
        return f"{label:44} never"
    known.sort()
    p99 = known[min(len(known) - 1, round(0.99 * (len(known) - 1)))]
    return (
        f"{label:44} p50 {statistics.median(known) * 1000:7.0f} ms   p99 {p99 * 1000:7.0f} ms"
        f"   worst {known[-1] * 1000:7.0f} ms   ({len(known)} changes"
        + (f", {lost} NOT SEEN within 10 s)" if lost else ")")
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--changes", type=int, default=30)
    parser.add_argument("--connections", type=int, default=16, help="wrk's readers meanwhile")
    parser.add_argument("--redis", default=os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0"))
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="dateline-freshness-") as tmp:
        workdir = Path(tmp)
        workdir.chmod(0o755)
        app_port, cache_port = free_port(), free_port()
        env = {
            "DJANGO_SETTINGS_MODULE": "dateline.settings.production",
            "SECRET_KEY": "bench-only-not-secret-0123456789abcdefghijklmnopqrstuvwxyz",
            "SECURE_SSL_REDIRECT": "false",
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "PYTHONPATH": str(ROOT),
            "REDIS_URL": args.redis,
            "CACHE_KEY_PREFIX": f"fresh-{os.getpid()}",
            "DATELINE_SHARED_CACHES": f"http://127.0.0.1:{cache_port}",
            "DATELINE_BASE_URL": f"http://127.0.0.1:{cache_port}",
            "MALLOC_ARENA_MAX": "2",
        }
        os.environ.update(env)
        import django

        django.setup()
        from wagtail.models import Site

        from dateline.news.models import ArticlePage

        # The Site names the nginx: the purger names pages by the addresses readers use.
        site = Site.objects.get(is_default_site=True)
        old_site = (site.hostname, site.port)
        site.hostname, site.port = "127.0.0.1", cache_port
        site.save()

        articles = ArticlePage.objects.published().filter(locale__language_code="en")
        article = articles.filter(live_revision__isnull=False).newest_first().first()
        path, original = article.url, article.title
        servers = []
        try:
            subprocess.run([PYTHON, str(ROOT / "manage.py"), "collectstatic", "--noinput",
                            "-v0"], check=True, env={**os.environ, **env})  # fmt: skip
            servers.append(granian("dateline.wsgi:application", app_port, 2, env,
                                   log=workdir / "origin.log"))  # fmt: skip
            wait_for(f"http://127.0.0.1:{app_port}{path}")
            cache, _ = nginx_cache(workdir, cache_port, app_port)
            servers.append(cache)
            wait_for(f"http://127.0.0.1:{cache_port}{path}")
            readers = subprocess.Popen(  # noqa: S603 - wrk on loopback
                ["wrk", "-t1", f"-c{args.connections}", "-d600s",
                 f"http://127.0.0.1:{cache_port}{path}"],
                stdout=subprocess.DEVNULL,
            )  # fmt: skip
            edits, edits_origin, retractions, backwards = [], [], [], 0
            for n in range(args.changes):
                page = ArticlePage.objects.get(pk=article.pk)
                page.title = title = f"{original} (update {n})"
                page.save_revision().publish()
                edits.append(poll(cache_port, path, lambda a, t=title: t.encode() in a.body))
                edits_origin.append(poll(app_port, path, lambda a, t=title: t.encode() in a.body))
                # Once seen, never the old headline again.
                for _ in range(20):
                    if title.encode() not in fetch(cache_port, path).body:
                        backwards += 1
                ArticlePage.objects.get(pk=article.pk).unpublish()
                retractions.append(poll(cache_port, path, lambda a: a.status == 404))
                ArticlePage.objects.get(pk=article.pk).save_revision().publish()
                poll(cache_port, path, lambda a: a.status == 200)
            readers.terminate()
        finally:
            page = ArticlePage.objects.get(pk=article.pk)
            page.title = original
            page.save_revision().publish()
            site.hostname, site.port = old_site
            site.save()
            for server in servers:
                server.stop()
    print(f"\n{args.changes} changes of {path}, {args.connections} readers on it through nginx\n")
    print(summary("an edit, through nginx", edits))
    print(summary("an edit, at the origin", edits_origin))
    print(summary("a retraction (unpublished), through nginx", retractions))
    print(f"old headline served after the new one was seen: {backwards} times")


if __name__ == "__main__":
    main()
