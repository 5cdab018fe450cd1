"""nginx with deploy/nginx/dateline.conf as the shared page cache, for real.

Each test starts Debian's nginx with the shipped configuration (engines.py) in front of the
live server, with a cache directory of its own, and reads pages through it as readers do:
a new connection per request, nginx's X-Cache header saying where the answer came from.
What reached the application is counted by wrapping the live server's application
(engines.Origin), which can also be slowed down or made to fail. Purges go out inline, in
the test's thread, when a change commits (settings.DATELINE_PURGE_INLINE).

The live server reads committed data: these are transactional tests, each building its
world before nginx is put in front of it.
"""

import http.client
import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import timedelta
from types import SimpleNamespace
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.test import Client
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction

from dateline.caching import purging
from dateline.caching.models import Purge
from dateline.conftest import build_world, publish, restore_wagtail_roots

from .engines import nginx_fixture, nginx_installed_fixture, origin_fixture  # noqa: F401

NEW_TITLE = "Council keeps the northern ferry route open until March"
BODY_TEXT = "The vote ended a debate that had lasted two winters."
# The headers that say whether nginx may keep a response (shown when a test fails).
KEEPING = ("Cache-Control", "Set-Cookie", "Vary", "ETag")
# Loopback, but not the purger's address: a reader as far as nginx can tell.
OUTSIDER = "127.0.0.2"


@dataclass
class Reply:
    status: int
    headers: http.client.HTTPMessage
    body: bytes

    @property
    def cache(self):
        """nginx's cache status: HIT, MISS, BYPASS, EXPIRED, STALE, UPDATING."""
        return self.headers.get("X-Cache")

    @property
    def soup(self):
        return BeautifulSoup(self.body, "html.parser")

    @property
    def headline(self):
        h1 = self.soup.find("h1")
        return h1.get_text(strip=True) if h1 else None

    def text(self):
        return self.soup.get_text(" ")

    def links(self):
        """The paths the main content links to."""
        main = self.soup.find("main")
        return {urlsplit(a["href"]).path for a in main.find_all("a", href=True)} if main else set()

    def __str__(self):
        kept = ", ".join(f"{name}: {self.headers.get(name)}" for name in KEEPING)
        return f"{self.status} X-Cache={self.cache} h1={self.headline!r} ({kept})"


def fetch(url, method="GET", headers=None, source=None):
    """One request on a connection of its own, as a new reader makes it."""
    parts = urlsplit(url)
    conn = http.client.HTTPConnection(
        parts.hostname, parts.port, timeout=20, source_address=(source, 0) if source else None
    )
    try:
        target = parts.path + (f"?{parts.query}" if parts.query else "")
        conn.request(method, target, headers=headers or {})
        response = conn.getresponse()
        return Reply(response.status, response.headers, response.read())
    finally:
        conn.close()


def wait_for(probe, done, timeout, interval=0.05):
    """Call probe() until done(its value), for at most `timeout` seconds; the value."""
    deadline = time.monotonic() + timeout
    while True:
        value = probe()
        if done(value):
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"still {value} after {timeout} s")
        time.sleep(interval)


@pytest.fixture
def world(nginx_installed, transactional_db):
    restore_wagtail_roots()
    return build_world()


@pytest.fixture
def served(world, nginx, origin):
    """The world, then nginx in front of it (so building it purged nothing)."""
    return SimpleNamespace(
        world=world,
        article=world.article,
        nginx=nginx,
        origin=origin,
        url=lambda path: nginx.url + path,
    )


def kept(served, path):
    """Read a page through nginx until it is kept there; the reply."""
    reply = fetch(served.url(path))
    assert reply.status == 200, f"{path}: {reply}"
    again = fetch(served.url(path))
    assert again.cache == "HIT", f"{path} is not kept: {again}\n{served.nginx.access_log()}"
    return again


def no_purge_failed():
    waiting, _, failing = purging.backlog()
    assert failing == 0, list(Purge.objects.values_list("last_error", flat=True))
    return waiting


def test_a_page_is_kept_and_browsers_revalidate(served):
    path = served.article.url
    first = fetch(served.url(path))
    assert (first.status, first.cache) == (200, "MISS")
    assert first.headline == served.article.title
    control = {part.strip() for part in first.headers["Cache-Control"].split(",")}
    assert {"max-age=0", "must-revalidate"} <= control
    assert "X-Accel-Expires" not in first.headers  # meant for nginx alone
    etag = first.headers["ETag"]
    assert etag

    second = fetch(served.url(path))
    assert (second.status, second.cache) == (200, "HIT")
    assert second.body == first.body
    assert second.headers["ETag"] == etag

    revalidated = fetch(served.url(path), headers={"If-None-Match": etag})
    assert (revalidated.status, revalidated.cache) == (304, "HIT")
    assert revalidated.body == b""

    # Compressed from the same copy for a reader who accepts it, and said so to any cache in
    # front; revalidated alike.
    gzipped = fetch(served.url(path), headers={"Accept-Encoding": "gzip"})
    assert (gzipped.status, gzipped.cache) == (200, "HIT")
    assert gzipped.headers["Content-Encoding"] == "gzip"
    assert "accept-encoding" in gzipped.headers.get("Vary", "").lower()
    weak = gzipped.headers["ETag"]
    again = fetch(served.url(path), headers={"Accept-Encoding": "gzip", "If-None-Match": weak})
    assert again.status == 304

    assert served.origin.count(path) == 1


def test_an_edit_is_refreshed_in_nginx_and_no_reader_misses(served):
    path = served.article.url
    kept(served, path)
    readers = []  # (status, X-Cache, headline) of a reader reading all along
    stop = threading.Event()

    def read():
        while not stop.is_set():
            reply = fetch(served.url(path))
            readers.append((reply.status, reply.cache, reply.headline))

    reader = threading.Thread(target=read)
    reader.start()
    try:
        wait_for(lambda: len(readers), lambda n: n >= 3, timeout=5)
        started = time.monotonic()  # before the commit: the time measured is an upper bound
        publish(served.article, title=NEW_TITLE)  # the refresh goes out inline after the commit
        reply = wait_for(
            lambda: fetch(served.url(path)), lambda r: r.headline == NEW_TITLE, timeout=2
        )
        assert time.monotonic() - started < 2
        wait_for(lambda: readers[-1][2], lambda headline: headline == NEW_TITLE, timeout=2)
    finally:
        stop.set()
        reader.join()

    # Kept by the refresh: the first reader of the new version got it from nginx.
    assert reply.cache == "HIT", reply
    assert Counter((status, cache) for status, cache, _ in readers).keys() == {(200, "HIT")}
    headlines = [headline for _, _, headline in readers]
    first_new = headlines.index(NEW_TITLE)
    assert set(headlines[first_new:]) == {NEW_TITLE}, "the old version came back"
    assert served.origin.count(path, refresh=False) == 1  # the first reader's, before the edit
    assert served.origin.count(path, refresh=True) >= 1
    no_purge_failed()


def test_a_page_published_where_not_found_was_kept_appears_at_once(served):
    draft = served.world.draft
    path = draft.url
    first, second = fetch(served.url(path)), fetch(served.url(path))
    assert (first.status, first.cache, second.status, second.cache) == (404, "MISS", 404, "HIT")

    publish(draft)
    # At once: the "not found" would be kept for seconds more.
    reply = wait_for(lambda: fetch(served.url(path)), lambda r: r.status == 200, timeout=1)
    assert (reply.cache, reply.headline) == ("HIT", draft.title)
    assert served.origin.count(path, refresh=False) == 1  # the first reader's "not found"
    no_purge_failed()


@pytest.mark.parametrize("retraction", ["unpublish", "restrict"])
def test_a_retraction_removes_the_page_at_once(served, retraction):
    article, world = served.article, served.world
    for path in (article.url, world.politics.url, world.home.url):
        kept_copy = kept(served, path)
        if path != article.url:
            assert article.url in kept_copy.links(), f"{path} does not list the article"

    if retraction == "unpublish":
        article.unpublish()
    else:
        PageViewRestriction.objects.create(
            page=article, restriction_type=PageViewRestriction.PASSWORD, password="harbour"
        )

    reply = fetch(served.url(article.url))
    assert reply.cache == "MISS", reply
    assert reply.headline != article.title
    assert article.title not in reply.text()
    assert BODY_TEXT not in reply.text()
    assert served.origin.count(article.url) == 2  # the first reader's, and this one's
    if retraction == "unpublish":
        assert reply.status == 404
    else:
        assert reply.status == 200
        assert reply.soup.find("input", attrs={"type": "password"}) is not None
        # Nobody keeps the password form (it holds a CSRF token).
        assert fetch(served.url(article.url)).cache != "HIT"

    for path in (world.politics.url, world.home.url):
        listing = fetch(served.url(path))
        assert (listing.status, listing.cache) == (200, "MISS"), f"{path}: {listing}"
        assert article.url not in listing.links(), f"{path} still lists the article"
        assert article.title not in listing.text()
    no_purge_failed()


def test_concurrent_misses_make_one_request_to_the_origin(served):
    path, readers = served.article.url, 20
    served.origin.delay = 0.5  # a slow render: every reader arrives while it runs
    start = threading.Barrier(readers)

    def read(_):
        start.wait()
        return fetch(served.url(path))

    with ThreadPoolExecutor(readers) as pool:
        replies = list(pool.map(read, range(readers)))

    assert {(r.status, r.headline) for r in replies} == {(200, served.article.title)}
    assert served.origin.count(path) == 1
    assert Counter(r.cache for r in replies) == {"MISS": 1, "HIT": readers - 1}


def test_not_found_is_kept_seconds_not_minutes(served, settings):
    missing = served.world.politics.url + "no-such-story/"
    direct = fetch(served.origin.url + missing)
    assert direct.status == 404
    assert direct.headers["X-Accel-Expires"] == "5"
    page = fetch(served.origin.url + served.article.url)
    assert page.headers["X-Accel-Expires"] == "600"

    # The same rule with 2 s, to keep the test short: kept while it holds, asked again after.
    settings.DATELINE_SHORT_MAX_AGE = 2
    first = fetch(served.url(missing))
    stored = time.monotonic()
    assert (first.status, first.cache) == (404, "MISS")
    second = fetch(served.url(missing))
    assert (second.status, second.cache) == (404, "HIT")
    assert served.origin.count(missing) == 2  # the direct one, and nginx's

    def read():
        reply = fetch(served.url(missing))
        assert reply.status == 404
        return served.origin.count(missing)

    wait_for(read, lambda asked: asked == 3, timeout=4)  # a reader after it expired
    assert time.monotonic() - stored > 0.9
    settled = wait_for(lambda: fetch(served.url(missing)), lambda r: r.cache == "HIT", timeout=2)
    assert settled.status == 404
    assert served.origin.count(missing) == 3


def test_junk_in_addresses_makes_no_new_objects(served):
    path = served.article.url
    plain = kept(served, path)
    objects = served.nginx.cached_files()
    assert len(objects) == 1

    campaign = fetch(served.url(path + "?utm_source=x&fbclid=y"))
    assert (campaign.status, campaign.cache) == (200, "HIT")
    assert campaign.body == plain.body

    for _ in range(2):
        unknown = fetch(served.url(path + "?foo=1"))
        assert unknown.status == 301
        assert unknown.headers["Location"] == path
        assert unknown.cache == "MISS"  # asked again: the redirect was not kept
    assert served.origin.count(path + "?foo=1") == 2

    # Other spellings of the same path are the same page: its copy, never another object
    # (the application is asked for the normalised path, the one the copy is kept under).
    odd = [
        path.replace("/politics/", "//politics/"),
        path.replace("/northern", "/%6eorthern"),
        path.replace("/politics/", "/politics/./"),
        path.replace("/politics/", "/politics/x/../"),
    ]
    for address in odd:
        reply = fetch(served.url(address))
        assert (reply.status, reply.cache) == (200, "HIT"), f"{address}: {reply}"
        assert reply.body == plain.body

    asked = served.origin.count(path)
    burst = [
        *(f"{path}?utm_source=n{i}&utm_medium=social" for i in range(10)),
        *(f"{path}?gclid={i}&mc_cid=x" for i in range(10)),
        *(f"{path}?foo={i}" for i in range(10)),
        *(f"{path}?utm_source=n{i}&sort=old" for i in range(10)),
        *(f"{path}?{i}" for i in range(5)),
        *(path.replace("/politics/", "/" * i + "/politics/") for i in range(1, 6)),
        *(path.replace("/politics/", "/%70olitics/" + "./" * i) for i in range(5)),
    ]
    for address in burst:
        fetch(served.url(address))
    assert served.nginx.cached_files() == objects
    # Campaign parameters alone never reached the origin: nginx answered from the page's copy.
    assert served.origin.count(path) == asked
    assert not [t for _, t, _ in served.origin.requests if "utm_" in t and "sort" not in t]


def test_the_kept_copy_is_served_when_the_origin_fails(served, settings):
    settings.DATELINE_SHARED_MAX_AGE = 2  # so that the copy expires while the origin fails
    path, title = served.article.url, served.article.title
    kept(served, path)
    asked = served.origin.count(path)
    served.origin.failing = 500

    fresh = fetch(served.url(path))
    assert (fresh.status, fresh.cache, fresh.headline) == (200, "HIT", title)

    # Expired: nginx asks the origin, which fails; readers get the kept copy all the same.
    stale = wait_for(
        lambda: fetch(served.url(path)), lambda r: r.cache != "HIT", timeout=4, interval=0.1
    )
    wait_for(lambda: served.origin.count(path), lambda n: n > asked, timeout=2)
    replies = [stale, *(fetch(served.url(path)) for _ in range(3))]
    assert {(r.status, r.headline) for r in replies} == {(200, title)}, [str(r) for r in replies]
    assert {r.cache for r in replies} <= {"STALE", "UPDATING"}, [str(r) for r in replies]

    served.origin.failing = None
    recovered = wait_for(lambda: fetch(served.url(path)), lambda r: r.cache == "HIT", timeout=3)
    assert recovered.headline == title


def test_a_retracted_page_is_never_served_stale(served):
    path, title = served.article.url, served.article.title
    kept(served, path)
    served.article.unpublish()
    served.origin.failing = 502

    reply = fetch(served.url(path))
    assert reply.status == 502
    assert reply.headline != title
    assert BODY_TEXT.encode() not in reply.body
    assert title.encode() not in reply.body
    assert served.origin.count(path) == 2


def test_signed_in_readers_pass_through(served):
    path, title = served.article.url, served.article.title
    user = get_user_model().objects.create_user(
        username="reader", email="reader@example.org", password="s3cret-pass-word"
    )
    client = Client()
    client.force_login(user)
    session = {"Cookie": f"csrftoken=abc; sessionid={client.cookies['sessionid'].value}"}

    for _ in range(2):
        reply = fetch(served.url(path), headers=session)
        assert (reply.status, reply.cache) == (200, "BYPASS")
        assert "private" in reply.headers["Cache-Control"]
    assert served.origin.count(path) == 2
    # Nothing of theirs was kept: the first anonymous reader is a miss.
    assert fetch(served.url(path)).cache == "MISS"
    assert fetch(served.url(path)).cache == "HIT"

    # With the anonymous copy kept, the signed-in reader still gets the origin's version (a
    # bulk update sends no signal: only the origin knows the new title).
    Page.objects.filter(pk=served.article.pk).update(title=NEW_TITLE)
    assert fetch(served.url(path)).headline == title
    reply = fetch(served.url(path), headers=session)
    assert (reply.cache, reply.headline) == ("BYPASS", NEW_TITLE)
    assert fetch(served.url(path)).headline == title


def test_readers_cannot_purge_or_force_a_refresh(served):
    path = served.article.url
    kept(served, path)

    purge = fetch(served.url(path), method="PURGE", source=OUTSIDER)
    assert purge.status == 403
    refresh = fetch(served.url(path), headers={"X-Dateline-Refresh": "1"}, source=OUTSIDER)
    assert refresh.cache == "HIT"
    assert fetch(served.url(path)).cache == "HIT"
    assert served.origin.count(path) == 1

    # From the purger's address both work.
    refresh = fetch(served.url(path), headers={"X-Dateline-Refresh": "1"})
    assert (refresh.status, refresh.cache) == (200, "BYPASS")
    assert served.origin.count(path, refresh=True) == 1
    # nginx stores the refreshed copy as its fetch ends, which may be just after the reply:
    # it is served before the purge is tried (the purger's second pass covers this race).
    wait_for(lambda: fetch(served.url(path)).cache, lambda cache: cache == "HIT", timeout=2)
    assert fetch(served.url(path), method="PURGE").status == 200
    assert fetch(served.url(path)).cache == "MISS"


def wait_for_backoff():
    """Until the failed purges are due again."""
    wait_for(
        lambda: Purge.objects.filter(due__gt=timezone.now()).count(), lambda n: n == 0, timeout=5
    )


@pytest.mark.parametrize("change", ["edit", "retract"])
def test_a_failed_purge_is_retried_until_it_succeeds(served, change):
    path, title = served.article.url, served.article.title
    kept(served, path)
    served.nginx.stop()

    if change == "edit":
        publish(served.article, title=NEW_TITLE)
    else:
        served.article.unpublish()
    waiting, oldest, failing = purging.backlog()
    assert waiting >= 1 and failing >= 1
    assert timezone.now() - oldest < timedelta(seconds=30)
    assert Purge.objects.exclude(last_error="").exists()
    purging.run_pending()  # before the backoff: nothing is sent
    assert purging.backlog()[2] == failing

    # nginx is back with what it kept on disk: the old copy, until the purge is retried.
    served.nginx.start()
    stale = fetch(served.url(path))
    assert (stale.status, stale.cache, stale.headline) == (200, "HIT", title)

    wait_for_backoff()
    purging.run_pending()
    if change == "edit":
        # (nginx renames the new copy into place a moment after it sent it to the purger)
        reply = wait_for(
            lambda: fetch(served.url(path)), lambda r: r.headline == NEW_TITLE, timeout=1
        )
        assert (reply.status, reply.cache) == (200, "HIT")
    else:
        reply = fetch(served.url(path))
        assert reply.status == 404
        assert reply.headline != title

    # The second pass follows a moment later; then nothing is waiting.
    def drained():
        purging.run_pending()
        return purging.backlog()

    assert wait_for(drained, lambda b: b[0] == 0, timeout=5, interval=0.2) == (0, None, 0)
