"""Time reader and newsroom pages, uncached, on a loaded demo database.

    DATELINE_VAR_DIR=... (or DATABASE_URL=...) python bench/pages.py

Load the database first with `manage.py load_demo --articles N`. Prints first, median and
minimum times and the query count of each page, rendered through Django's test client.
"""

import os
import statistics
import time

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dateline.settings.development")
django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from dateline.news.models import ArticlePage, SectionPage  # noqa: E402

settings.ALLOWED_HOSTS = ["*"]
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
print("English articles:", english.count())
section = max(SectionPage.objects.filter(locale__language_code="en"), key=lambda s: s.numchild)
print(f"Section {section.slug}: {section.numchild} children")

# Uncached article pages: a different archive article each time (nothing rendered before).
archive = list(english.filter(live_revision__isnull=True).order_by("?")[:6])
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
report("Section page 500", *timed(section.url + "?page=500", n=3))
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
