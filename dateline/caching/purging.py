"""The purger: tells the shared cache (nginx) and the CDNs what changed, until they heard it.

Each change leaves a Purge row (changes.py). A purger thread in every server process (or
the process that made the change, outside servers) claims due rows, turns their tags into
URLs through the URL index and sends them:

- a retraction is removed from nginx at once (PURGE): readers get the origin's answer;
- any other change is refreshed in the background (a GET nginx fetches past its copy and
  keeps): readers get the old copy until the new one is stored, never a cold miss;
- then the CDNs in WAGTAILFRONTENDCACHE are purged by URL (Wagtail's backends).

A pass runs twice, the second a moment after the first: a fetch that was in flight during
the first may have stored the old copy. A failure is retried with backoff, forever; the
newsroom's dashboard shows the backlog (wagtail_hooks.py).
"""

import http.client
import logging
import threading
from datetime import timedelta
from urllib.parse import urlsplit

from django.conf import settings
from django.core.signals import request_started
from django.db import close_old_connections, connection, transaction
from django.db.models import DateTimeField, ExpressionWrapper, F, Q
from django.db.models.functions import Now

from . import index
from .models import Purge

logger = logging.getLogger(__name__)

CHUNK = 200
SECOND_PASS = timedelta(seconds=1)
CLAIM = timedelta(seconds=60)
POLL_SECONDS = 1.0
TIMEOUT = 10


class PurgeFailed(Exception):
    pass


def enabled():
    return bool(settings.DATELINE_SHARED_CACHES or settings.WAGTAILFRONTENDCACHE)


def backlog():
    """(rows waiting, the oldest one's creation time or None, rows that failed at least once)."""
    waiting = Purge.objects.all()
    oldest = waiting.order_by("created").values_list("created", flat=True).first()
    return waiting.count(), oldest, waiting.filter(attempts__gt=0).count()


def later(delta):
    """The database's time plus delta: every machine's purger agrees on what is due."""
    return ExpressionWrapper(Now() + delta, output_field=DateTimeField())


def claim():
    with transaction.atomic():
        due = Purge.objects.filter(due__lte=Now()).filter(
            Q(claimed_until__isnull=True) | Q(claimed_until__lt=Now())
        )
        if connection.features.has_select_for_update_skip_locked:
            due = due.select_for_update(skip_locked=True)
        job = due.order_by("-retract", "due", "pk").first()
        if job is not None:
            Purge.objects.filter(pk=job.pk).update(claimed_until=later(CLAIM))
    return job


def process(job):
    """One chunk of one pass of a job; the row says what is left."""
    urls = list(job.urls) if job.cursor == 0 else []
    found = index.urls_for(job.tags, after=job.cursor, limit=CHUNK)
    urls += [url for _, url in found if url not in urls]
    rows = Purge.objects.filter(pk=job.pk)
    try:
        send(urls, job.retract)
    except Exception as error:
        delay = timedelta(seconds=min(2 ** min(job.attempts, 6), 60))
        rows.update(
            attempts=F("attempts") + 1,
            due=later(delay),
            claimed_until=None,
            last_error=str(error)[:2000],
        )
        logger.warning("purge %s failed (attempt %s): %s", job.pk, job.attempts + 1, error)
        return False
    if len(found) == CHUNK:
        rows.update(cursor=found[-1][0], claimed_until=None, attempts=0, last_error="")
    elif job.passes_left > 1:
        rows.update(
            passes_left=job.passes_left - 1,
            cursor=0,
            due=later(SECOND_PASS),
            claimed_until=None,
            attempts=0,
            last_error="",
        )
    else:
        rows.delete()
    return True


def send(urls, retract):
    if not urls:
        return
    for location in settings.DATELINE_SHARED_CACHES:
        _send_to_nginx(location, urls, retract)
    if settings.WAGTAILFRONTENDCACHE:
        from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache

        purge_urls_from_cache(urls)


def _send_to_nginx(location, urls, retract):
    base = urlsplit(location)
    conn = http.client.HTTPConnection(base.hostname, base.port or 80, timeout=TIMEOUT)
    try:
        for url in urls:
            parts = urlsplit(url)
            target = parts.path + (f"?{parts.query}" if parts.query else "")
            headers = {"Host": parts.netloc}
            if retract:
                method = "PURGE"
            else:
                method, headers["X-Dateline-Refresh"] = "GET", "1"
            conn.request(method, target, headers=headers)
            response = conn.getresponse()
            response.read()
            # PURGE: 200 purged, 404 not held. Refresh: whatever the origin says now, unless
            # it failed (nginx then keeps the old copy: try again).
            if (retract and response.status not in (200, 404)) or response.status >= 500:
                raise PurgeFailed(f"{method} {url} at {location}: {response.status}")
    except OSError as error:
        raise PurgeFailed(f"{location}: {error}") from error
    finally:
        conn.close()


def run_pending():
    """Send what is due, until nothing is or sending fails (then the backoff decides)."""
    while (job := claim()) is not None and process(job):
        pass


# The purger thread: woken by a commit, and every POLL_SECONDS for what others left.

_wakeup = threading.Event()
_thread = None


def wake():
    if settings.DATELINE_PURGE_INLINE:
        run_pending()
    else:
        start()
        _wakeup.set()


def _loop():
    while True:
        _wakeup.wait(POLL_SECONDS)
        _wakeup.clear()
        close_old_connections()
        try:
            run_pending()
        except Exception:
            logger.exception("the purger failed; it tries again in %s s", POLL_SECONDS)
        finally:
            close_old_connections()


def start(**kwargs):
    global _thread
    if _thread is None or not _thread.is_alive():
        _thread = threading.Thread(target=_loop, name="dateline-purger", daemon=True)
        _thread.start()


def register_purger():
    """From ready(): a process that serves requests runs a purger from its first one (rows
    a stopped process left are due to everyone)."""
    if enabled() and not settings.DATELINE_PURGE_INLINE:
        request_started.connect(start, dispatch_uid="caching_purger")
