"""The purger: what it sends, in what order, and that nothing is lost when sending fails."""

from datetime import timedelta

import pytest
from django.utils import timezone

from dateline.caching import index, purging
from dateline.caching.changes import invalidate
from dateline.caching.models import Purge

pytestmark = pytest.mark.django_db


@pytest.fixture
def nginx(settings, monkeypatch):
    """A shared cache that answers or fails as the test says, recording what it was sent."""
    settings.DATELINE_SHARED_CACHES = ["http://shared-cache.test"]

    class Recorder:
        sent = []
        failing = False

        def receive(self, location, urls, retract):
            if self.failing:
                raise purging.PurgeFailed(f"{location}: connection refused")
            self.sent.append((tuple(urls), retract))

    recorder = Recorder()
    recorder.sent = []
    monkeypatch.setattr(purging, "_send_to_nginx", recorder.receive)
    return recorder


def make_due():
    Purge.objects.update(due=timezone.now() - timedelta(seconds=1), claimed_until=None)


def test_a_tag_shown_on_many_urls_is_sent_in_chunks_until_done(nginx):
    urls = [f"http://testserver/en/page-{n}/" for n in range(purging.CHUNK * 2 + 5)]
    for url in urls:
        index.register(url, {"list-edition-en", "site"})
    invalidate(["list-edition-en"])
    purging.run_pending()
    chunks = [batch for batch, _ in nginx.sent]
    assert [len(batch) for batch in chunks] == [purging.CHUNK, purging.CHUNK, 5]
    assert sorted(url for batch in chunks for url in batch) == sorted(urls)
    assert Purge.objects.get().passes_left == 1  # the second pass, a second later
    make_due()
    nginx.sent.clear()
    purging.run_pending()
    assert sum(len(batch) for batch, _ in nginx.sent) == len(urls)
    assert not Purge.objects.exists()


def test_retractions_go_before_refreshes(nginx):
    index.register("http://testserver/en/a/", {"page-1"})
    index.register("http://testserver/en/b/", {"page-2"})
    invalidate(["page-1"])
    invalidate(["page-2"], retract=True)
    purging.run_pending()
    assert nginx.sent[:2] == [
        (("http://testserver/en/b/",), True),
        (("http://testserver/en/a/",), False),
    ]


def test_a_failed_purge_is_retried_with_backoff_and_shown_until_it_succeeds(nginx):
    index.register("http://testserver/en/a/", {"page-1"})
    nginx.failing = True
    invalidate(["page-1"], retract=True)
    purging.run_pending()
    job = Purge.objects.get()
    assert job.attempts == 1 and "connection refused" in job.last_error
    assert job.due > timezone.now()  # backed off
    waiting, oldest, failing = purging.backlog()
    assert (waiting, failing) == (1, 1) and oldest is not None
    purging.run_pending()
    assert Purge.objects.get().attempts == 1  # not due yet: not tried again
    make_due()
    purging.run_pending()
    assert Purge.objects.get().attempts == 2
    nginx.failing = False
    make_due()
    purging.run_pending()
    assert nginx.sent == [(("http://testserver/en/a/",), True)]
    assert Purge.objects.get().attempts == 0  # the second pass is left, without errors
    make_due()
    purging.run_pending()
    assert purging.backlog()[0] == 0


def test_a_purge_claimed_by_a_purger_that_died_is_taken_over(nginx):
    index.register("http://testserver/en/a/", {"page-1"})
    invalidate(["page-1"], retract=True)
    job = purging.claim()  # this purger dies before sending
    assert job is not None
    purging.run_pending()
    assert nginx.sent == []  # claimed: nobody else sends it meanwhile
    Purge.objects.update(claimed_until=timezone.now() - timedelta(seconds=1))
    purging.run_pending()
    assert nginx.sent == [(("http://testserver/en/a/",), True)]


def test_nothing_is_written_when_there_is_nothing_to_purge(settings):
    settings.DATELINE_SHARED_CACHES = []
    invalidate(["page-1"], retract=True)
    assert not Purge.objects.exists()


def test_the_dashboard_shows_the_backlog_to_administrators(nginx, admin_client):
    index.register("http://testserver/en/a/", {"page-1"})
    nginx.failing = True
    invalidate(["page-1"], retract=True)
    purging.run_pending()
    page = admin_client.get("/admin/").content.decode()
    assert "1 change is waiting to reach the shared cache" in page
    assert "connection refused" in page


def test_urls_no_shared_cache_can_hold_are_forgotten(nginx):
    from dateline.caching import index
    from dateline.caching.models import CachedURL

    index.register("http://testserver/en/a/", {"page-1"})
    index.register("http://testserver/en/b/", {"page-1"})
    CachedURL.objects.filter(url__endswith="/a/").update(
        seen=timezone.now() - index.FORGET_AFTER - timedelta(minutes=1)
    )
    assert index.prune(dry_run=True) == 1
    assert index.prune() == 1
    invalidate(["page-1"], retract=True)
    purging.run_pending()
    assert nginx.sent == [(("http://testserver/en/b/",), True)]


def test_a_url_still_served_says_so_once_an_hour(nginx):
    from dateline.caching import index
    from dateline.caching.models import CachedURL

    index.register("http://testserver/en/a/", {"page-1"})
    long_ago = timezone.now() - timedelta(hours=2)
    CachedURL.objects.update(seen=long_ago)
    index.register("http://testserver/en/a/", {"page-1"})  # the same tags, still served
    assert CachedURL.objects.get().seen > long_ago
