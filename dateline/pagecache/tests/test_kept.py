"""Objects kept in a worker between requests (kept.py): used while their tags are unchanged."""

import time

import pytest

from dateline.pagecache import kept, rendercache, tags
from dateline.pagecache.serving import get_cache


class Thing:
    def __init__(self, n):
        self.n = n


@pytest.fixture
def request_reading():
    """As the middleware does for an anonymous reader: collect tags, read their times."""

    def start():
        collector = tags.start()
        rendercache.begin(None, collector, "http://testserver/en/")
        return collector

    yield start
    tags.stop()


def test_kept_until_one_of_its_tags_changes(request_reading):
    computed = []

    def compute():
        computed.append(1)
        return Thing(len(computed))

    request_reading()
    assert kept.remember("thing", {"sites"}, compute).n == 1
    request_reading()
    assert kept.remember("thing", {"sites"}, compute).n == 1
    get_cache().invalidate({"locales"})  # another tag: still kept
    request_reading()
    assert kept.remember("thing", {"sites"}, compute).n == 1
    get_cache().invalidate({"sites"})
    request_reading()
    assert kept.remember("thing", {"sites"}, compute).n == 2
    assert len(computed) == 2


def test_a_request_without_tag_times_computes_afresh(request_reading):
    request_reading()
    kept.remember("thing", {"sites"}, lambda: Thing(1))
    tags.stop()  # a logged-in reader, a command: nothing collected, no times read
    assert kept.remember("thing", {"sites"}, lambda: Thing(2)).n == 2


def test_a_tag_whose_time_was_not_read_is_not_trusted(request_reading):
    request_reading()
    kept.put("thing", {"a-tag-first-seen-now"}, Thing(1), 0)
    # This request read the times before the tag was known: the entry waits for the next.
    assert kept.get("thing") is None


def test_each_caller_gets_its_own_copy_when_asked(request_reading):
    request_reading()
    first = kept.remember("thing", {"sites"}, lambda: Thing(1), copied=True)
    first.n = 99
    request_reading()
    second = kept.remember("thing", {"sites"}, lambda: Thing(2), copied=True)
    assert second.n == 1
    assert second is not first


def test_nothing_is_trusted_beyond_its_age(request_reading, monkeypatch):
    request_reading()
    kept.remember("thing", {"sites"}, lambda: Thing(1))
    kept.remember("alert", {"sites"}, lambda: Thing(1), max_age=60)
    now = time.time()
    monkeypatch.setattr(kept, "_now", lambda: now + 61)
    request_reading()
    assert kept.remember("thing", {"sites"}, lambda: Thing(2)).n == 1
    assert kept.remember("alert", {"sites"}, lambda: Thing(2)).n == 2
    monkeypatch.setattr(kept, "_now", lambda: now + kept.MAX_AGE + 1)
    assert kept.remember("thing", {"sites"}, lambda: Thing(3)).n == 3


def test_clearing_the_page_cache_forgets_what_workers_keep(request_reading):
    request_reading()
    kept.remember("thing", {"sites"}, lambda: Thing(1))
    get_cache().clear()  # the store forgot its tag times: kept objects cannot be checked
    request_reading()
    assert kept.remember("thing", {"sites"}, lambda: Thing(2)).n == 2


@pytest.mark.django_db
def test_a_kept_page_is_checked_by_the_requests_of_its_own_url_only(site, client):
    client.get(site.article.url)
    # Every request reads the times of the sites', locales' and sections' tags; a kept
    # article's own are read by the next request of its address, with its parts.
    assert f"page-{site.article.pk}" not in kept.tags_to_check()
    _, known = rendercache.manifests.get(f"http://testserver{site.article.url}")
    assert f"page-{site.article.pk}" in known
    assert f"page-{site.politics.pk}" in kept.tags_to_check()
