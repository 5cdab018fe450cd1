"""Time reader and newsroom pages, rendered (not from nginx's cache), on a loaded demo database.

    DATELINE_VAR_DIR=... (or DATABASE_URL=...) [REDIS_URL=...] python bench/pages.py [--cold]

Load the database first with `manage.py load_demo --articles N`. Prints first, median and
minimum times and the query count of each page, rendered through Django's test client in
this process (there is no page cache in the application).

By default the settings are production's: fragments (parts of pages kept rendered, checked
against the database) and Django's cache are on, in Redis when REDIS_URL is set (else in this
process's memory), as on a miss of nginx's cache in production. --cold uses
bench/cold_settings.py: fragments off and both caches a dummy backend, nothing kept between
requests. This script sets DJANGO_SETTINGS_MODULE, a SECRET_KEY if none is set, and a cache
key prefix of the run's own.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

import django

parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
parser.add_argument(
    "--cold",
    action="store_true",
    help="fragments off and Django's caches a dummy backend: nothing kept between requests",
)
args = parser.parse_args()

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # bench.cold_settings
os.environ["DJANGO_SETTINGS_MODULE"] = (
    "bench.cold_settings" if args.cold else "dateline.settings.production"
)
os.environ.setdefault("SECRET_KEY", "bench-only-not-secret-0123456789abcdefghijklmnopqrstuvwxyz")
os.environ.setdefault("SECURE_SSL_REDIRECT", "false")
os.environ["CACHE_KEY_PREFIX"] = f"bench-pages-{os.getpid()}"
django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from dateline.news.models import ArticlePage, SectionPage  # noqa: E402

settings.ALLOWED_HOSTS = ["*"]
# Production's static files storage needs its manifest (as bench/serving.py does).
call_command("collectstatic", interactive=False, verbosity=0)
client = Client(HTTP_HOST="127.0.0.1")


def timed(url, n=5, login=False):
    times, queries = [], []
    for _ in range(n):
        with CaptureQueriesContext(connection) as ctx:
            start = time.perf_counter()
            response = client.get(url)
            times.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, (url, response.status_code)
        queries.append(len(ctx.captured_queries))
    return times, queries


def report(label, times, queries):
    print(
        f"{label}: first {times[0]:.0f} ms, median {statistics.median(times):.0f} ms, "
        f"min {min(times):.0f} ms over {len(times)}; queries {queries[0]}"
    )


english = ArticlePage.objects.filter(locale__language_code="en")
print(
    f"English articles: {english.count()}; "
    + ("nothing kept (--cold)" if args.cold else "fragments kept")
    + f" ({settings.SETTINGS_MODULE})"
)
section = max(SectionPage.objects.filter(locale__language_code="en"), key=lambda s: s.numchild)
print(f"Section {section.slug}: {section.numchild} children")

# Uncached article pages: a different archive article each time (nothing rendered before).
# Archive articles are bulk-loaded without revisions (load_demo --articles N); the demo alone
# has none, so its oldest articles stand in.
archive = list(english.filter(live_revision__isnull=True).order_by("?")[:6])
if not archive:
    print("No bulk-loaded archive articles: the 6 oldest articles stand in")
    archive = list(english.order_by("first_published_at")[:6])
times, queries = [], []
for article in archive:
    t, q = timed(article.url, n=1)
    times += t
    queries += q
report("Archive article, each uncached", times, queries)
curated = list(english.filter(live_revision__isnull=False).order_by("-first_published_at")[:6])
times, queries = [], []
for article in curated:
    t, q = timed(article.url, n=1)
    times += t
    queries += q
report("Curated article (cards, quotes), each uncached", times, queries)
report("Same article again", *timed(curated[0].url, n=5))
report("Section page 1", *timed(section.url, n=5))
# Page 500, or the last page of a smaller section.
listed = ArticlePage.objects.filter(section=section).published().count()
deep = min(500, max(1, (listed - 1) // settings.DATELINE_ARTICLES_PER_PAGE + 1))
report(f"Section page {deep}", *timed(f"{section.url}?page={deep}", n=3))
report("Home page", *timed("/en/", n=5))

client.login(username="editor", password=os.environ.get("DATELINE_DEMO_PASSWORD", "dateline-demo"))
report("Admin explorer, section", *timed(f"/admin/pages/{section.pk}/", n=5))
report("Admin explorer, section, page 100", *timed(f"/admin/pages/{section.pk}/?p=100", n=3))
report(
    "Admin explorer, ordered by title", *timed(f"/admin/pages/{section.pk}/?ordering=title", n=3)
)
report("Admin edit view, archive article", *timed(f"/admin/pages/{archive[0].pk}/edit/", n=3))
report("Admin page search 'harbour'", *timed("/admin/pages/search/?q=harbour", n=3))
report("Newsroom articles listing", *timed("/admin/articles/", n=5))
report("Newsroom articles listing, page 100", *timed("/admin/articles/?p=100", n=3))
report("Newsroom articles listing, search 'harbour'", *timed("/admin/articles/?q=harbour", n=3))
