"""The archive at scale: uncached reader and newsroom pages on a large PostgreSQL database.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/dateline_1m python bench/archive.py \
        --small postgres://postgres@127.0.0.1:5432/dateline_small

Load the database first (`manage.py load_demo --articles 1000000`). Every page is rendered
through Django's test client in this process (there is no page cache in the application:
nginx's, in front of it, is not involved), after a warm-up, many times: p50 and p95 in
milliseconds and the number of SQL queries. With --small, the same pages are counted on a
second, small database too, so that flat query counts show.

By default the settings are production's (dateline.settings.production): fragments (parts of
pages kept rendered, checked against the database) and Django's cache are on, in Redis when
REDIS_URL is set (else in this process's memory), as on a miss of nginx's cache in production;
after the warm-up an unchanged article is all kept. --cold uses bench/cold_settings.py
instead: fragments off and both caches a dummy backend, so every page is rendered whole from
the database each time (site root paths and renditions included). Either way this script sets
DJANGO_SETTINGS_MODULE, a SECRET_KEY if none is set, and a cache key prefix of the run's own.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

import django

parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
parser.add_argument("--runs", type=int, default=40, help="timed requests per reader page")
parser.add_argument("--admin-runs", type=int, default=8, help="timed requests per admin page")
parser.add_argument("--small", help="DATABASE_URL of a small database to count queries on")
parser.add_argument(
    "--cold",
    action="store_true",
    help="render everything every time: fragments off, Django's caches a dummy backend "
    "(by default fragments are kept, as on a miss of nginx's cache in production)",
)
parser.add_argument("--counts-only", action="store_true", help=argparse.SUPPRESS)
args = parser.parse_args()

if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
    sys.exit("Set DATABASE_URL to the PostgreSQL database with the archive.")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # bench.cold_settings
os.environ["DJANGO_SETTINGS_MODULE"] = (
    "bench.cold_settings" if args.cold else "dateline.settings.production"
)
os.environ.setdefault("SECRET_KEY", "bench-only-not-secret-0123456789abcdefghijklmnopqrstuvwxyz")
os.environ.setdefault("SECURE_SSL_REDIRECT", "false")
# Fragments of another run, or of the other database with --small, are never read.
os.environ["CACHE_KEY_PREFIX"] = f"bench-archive-{os.getpid()}"
django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

settings.ALLOWED_HOSTS = ["*"]
# Production's static files storage needs its manifest (as bench/serving.py does).
call_command("collectstatic", interactive=False, verbosity=0)


def pages_to_measure():
    """(label, url, needs login) of every page, found in the current database."""
    from wagtail.models import Locale

    from dateline.news.models import ArticlePage, AuthorPage, SectionPage, TopicPage

    english = Locale.objects.get(language_code="en")
    section = max(SectionPage.objects.filter(locale=english), key=lambda s: s.numchild)
    listing = ArticlePage.objects.filter(section=section).published().newest_first()
    article = list(listing[:501])[-1]
    # Page 2,000 at 1M; the last page on a small database (same queries, fewer rows).
    last_page = max(1, (listing.count() - 1) // settings.DATELINE_ARTICLES_PER_PAGE + 1)
    deep = min(2000, last_page)
    topic = TopicPage.objects.filter(locale=english, slug="ministry-of-defence").first()
    topic = topic or TopicPage.objects.filter(locale=english).first()
    author = AuthorPage.objects.filter(locale=english).order_by("pk").first()
    newest = ArticlePage.objects.filter(section=section).published().newest_first()[0]
    month = f"{newest.published_at:%Y-%m}"
    return [
        ("article page", article.url, False),
        ("section page 1", section.url, False),
        ("section page 2,000", f"{section.url}?page={deep}", False),
        ("topic page", topic.url, False),
        ("author page", author.url, False),
        ("home page", "/en/", False),
        ("sitemap index", "/sitemap.xml", False),
        ("sitemap of a section-month", f"/sitemap-en.{section.slug}.{month}.xml", False),
        ("newsroom: Articles listing", "/admin/articles/", True),
        ("newsroom: Articles search", "/admin/articles/?q=harbour", True),
        # A word in about 1 title in 225 at 1M (the research ship): the newest-first walk
        # reads ~11,000 titles for a page of 50, four times what "harbour" needs.
        ("newsroom: search, rarer word", "/admin/articles/?q=skarra", True),
    ]


def client_for(login):
    client = Client(HTTP_HOST="127.0.0.1")
    if login:
        password = os.environ.get("DATELINE_DEMO_PASSWORD", "dateline-demo")
        assert client.login(username="editor", password=password), "log in as the demo editor"
    return client


def queries_of(client, url):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return len(ctx.captured_queries)


def measure(client, url, runs):
    for _ in range(3):  # warm-up: renditions, connections, caches of Wagtail and Django
        client.get(url)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    times.sort()
    return statistics.median(times), times[max(0, round(len(times) * 0.95) - 1)]


def counts():
    result = {}
    for label, url, login in pages_to_measure():
        client = client_for(login)
        client.get(url)  # steady state: renditions made
        result[label] = queries_of(client, url)
    return result


def small_counts():
    """Query counts of the same pages on the small database, from a process of its own."""
    env = {**os.environ, "DATABASE_URL": args.small}
    done = subprocess.run(
        [sys.executable, __file__, "--counts-only", *(["--cold"] if args.cold else [])],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def main():
    from dateline.news.models import ArticlePage

    if args.counts_only:
        print(json.dumps({"articles": ArticlePage.objects.count(), **counts()}))
        return
    print(f"Articles: {ArticlePage.objects.count():,} ({connection.settings_dict['NAME']})")
    print(
        f"Every request rendered ({settings.SETTINGS_MODULE}): "
        + (
            "nothing kept (--cold)"
            if args.cold
            else f"fragments kept ({settings.CACHES['fragments']['BACKEND'].rpartition('.')[2]})"
        )
    )
    print(f"{'page (rendered)':30} {'p50 ms':>7} {'p95 ms':>7} {'queries':>8}")
    rows = []
    for label, url, login in pages_to_measure():
        client = client_for(login)
        runs = args.admin_runs if login else args.runs
        p50, p95 = measure(client, url, runs)
        count = queries_of(client, url)
        rows.append((label, count))
        print(f"{label:30} {p50:7.1f} {p95:7.1f} {count:8d}   {url}", flush=True)
    if args.small:
        small = small_counts()
        print()
        print(f"Query counts, same pages on {small.pop('articles'):,} articles ({args.small}):")
        for label, count in rows:
            print(f"{label:30} {count:4d} here, {small[label]:4d} on the small one")


main()
