"""Exactly once, with real concurrency: two schedulers (or purgers) at the same moment on
PostgreSQL, each in its own thread and connection, never do the same thing twice."""

import collections
import threading
from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone
from wagtail.models import PageLogEntry
from wagtail.signals import page_published, page_unpublished

from dateline.caching import purging
from dateline.caching.models import Purge
from dateline.conftest import build_world, postgresql_only, restore_wagtail_roots
from dateline.news.factories import ArticlePageFactory
from dateline.newsroom.scheduler import run_due

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def postgresql():
    postgresql_only("SQLite runs one writer at a time: the PostgreSQL run tests concurrency")


def at_once(function, runners=2):
    """Run function in `runners` threads released together; their results."""
    barrier = threading.Barrier(runners)
    results, errors = [], []

    def run():
        try:
            barrier.wait(timeout=30)
            results.append(function())
        except Exception as error:  # noqa: BLE001 - reported by the test
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(runners)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not errors, errors
    return results


def test_two_schedulers_at_once_publish_and_expire_each_page_once():
    restore_wagtail_roots()
    world = build_world()
    due = timezone.now() - timedelta(seconds=1)
    scheduled = []
    for n in range(8):
        article = ArticlePageFactory(
            parent=world.politics,
            title=f"Scheduled harbour report {n}",
            live=False,
            first_published_at=None,
            last_published_at=None,
        )
        article.save_revision(approved_go_live_at=due)
        scheduled.append(article.pk)
    expiring = [world.article.pk, world.related.pk]
    for page in (world.article, world.related):
        page.expire_at = due
        page.save()
    events = collections.Counter()
    lock = threading.Lock()

    def count(kind):
        def receiver(sender, instance, **kwargs):
            with lock:
                events[kind, instance.pk] += 1

        return receiver

    published, unpublished = count("published"), count("unpublished")
    page_published.connect(published, weak=False)
    page_unpublished.connect(unpublished, weak=False)
    try:
        results = at_once(run_due)
    finally:
        page_published.disconnect(published)
        page_unpublished.disconnect(unpublished)

    done_published = [pk for result in results for pk in result[0]]
    done_expired = [pk for result in results for pk in result[1]]
    assert sorted(done_published) == sorted(scheduled)  # each once, between the two
    assert sorted(done_expired) == sorted(expiring)
    assert all(events["published", pk] == 1 for pk in scheduled)
    assert all(events["unpublished", pk] == 1 for pk in expiring)
    for pk in scheduled:
        entries = PageLogEntry.objects.filter(page_id=pk, action="wagtail.publish.scheduled")
        assert entries.count() == 1


def test_two_purgers_at_once_send_each_purge_once_per_pass(settings, monkeypatch):
    settings.DATELINE_SHARED_CACHES = ["http://shared-cache.test"]
    urls = [f"http://testserver/en/story-{n}/" for n in range(30)]
    for url in urls:
        Purge.objects.create(tags=[], urls=[url], retract=True, due=timezone.now())
    sent = collections.Counter()
    lock = threading.Lock()

    def receive(location, batch, retract):
        with lock:
            sent.update(batch)

    monkeypatch.setattr(purging, "_send_to_nginx", receive)
    at_once(purging.run_pending)
    assert sent == collections.Counter(urls)  # the first pass, each once
    assert Purge.objects.filter(passes_left=1).count() == len(urls)  # the second, a second on
