"""Publishing what is due: scheduled go-lives and expiries, exactly once.

Wagtail keeps a scheduled publication as a revision with `approved_go_live_at` and an expiry
as `expire_at` on a live page. `run_due()` does what Wagtail's `publish_scheduled` command
does, but each item in its own transaction after locking and re-reading it, so that several
processes running the scheduler at once (several ASGI workers, or a worker and the command)
never publish or unpublish the same thing twice. After downtime it simply finds everything
that fell due meanwhile and publishes it once.
"""

import logging
import os
import sys
import threading

from django.apps import apps
from django.conf import settings
from django.core.signals import request_started
from django.db import close_old_connections, connection, transaction
from django.utils import timezone
from wagtail.models import Page, Revision

logger = logging.getLogger(__name__)

INTERVAL_SECONDS = 20


def _locked(queryset):
    # PostgreSQL: skip a row another scheduler holds. SQLite takes the database write lock
    # at the start of the transaction (transaction_mode IMMEDIATE), which serialises us.
    if connection.features.has_select_for_update_skip_locked:
        return queryset.select_for_update(skip_locked=True)
    return queryset


def run_due(now=None):
    """Unpublish expired pages and publish due revisions. Returns (published, expired) ids."""
    now = now or timezone.now()
    expired = []
    for pk in list(Page.objects.filter(live=True, expire_at__lte=now).values_list("pk", flat=True)):
        with transaction.atomic():
            page = _locked(Page.objects.filter(pk=pk, live=True, expire_at__lte=now)).first()
            if page is not None:
                page.specific.unpublish(set_expired=True, log_action="wagtail.unpublish.scheduled")
                expired.append(pk)
    published = []
    due = Revision.objects.filter(approved_go_live_at__lte=now).order_by("approved_go_live_at")
    for pk in list(due.values_list("pk", flat=True)):
        with transaction.atomic():
            revision = _locked(Revision.objects.filter(pk=pk, approved_go_live_at__lte=now)).first()
            if revision is not None:
                revision.publish(log_action="wagtail.publish.scheduled")
                object_id = revision.object_id
                published.append(int(object_id) if object_id.isdigit() else object_id)
    released = release_photos(now)
    if published or expired or released:
        logger.info(
            "Scheduler published %s, unpublished %s, released photos %s",
            published,
            expired,
            released,
        )
    return published, expired


def release_photos(now=None):
    """Photos whose embargo passed: pages showing them must refresh, once. Returns their ids.

    Readers' pages left such a photo out while it was embargoed (it was loaded, so the page
    cache tagged them with it); announcing the photo refreshes exactly those pages.
    """
    from dateline.caching.changes import invalidate
    from dateline.mediabank.models import Photo

    now = now or timezone.now()
    released = []
    for pk in list(Photo.objects.embargo_due(now).values_list("pk", flat=True)):
        with transaction.atomic():
            if _locked(Photo.objects.embargo_due(now).filter(pk=pk)).exists():
                Photo.objects.filter(pk=pk).update(embargo_lifted=True)
                invalidate([f"photo-{pk}", "list-mediabank"])
                released.append(pk)
    return released


def run_forever(interval=INTERVAL_SECONDS, stop=None):
    """Run the scheduler every `interval` seconds until `stop` (a threading.Event) is set."""
    stop = stop or threading.Event()
    # Started from ready() in a server process: queries wait until every app is ready.
    while not apps.ready and not stop.wait(0.05):
        pass
    while not stop.is_set():
        close_old_connections()
        try:
            run_due()
        except Exception:
            logger.exception("The scheduler failed; it tries again in %s s", interval)
        finally:
            close_old_connections()
        stop.wait(interval)


_thread = None


def start_in_background(interval=INTERVAL_SECONDS):
    """Start the scheduler in a daemon thread of this process (once per process)."""
    global _thread
    if _thread is None or not _thread.is_alive():
        _thread = threading.Thread(
            target=run_forever,
            kwargs={"interval": interval},
            name="dateline-scheduler",
            daemon=True,
        )
        _thread.start()
    return _thread


SERVER_PROGRAMS = {"uvicorn", "gunicorn", "daphne", "hypercorn", "granian"}


def embedded_enabled():
    """The embedded scheduler runs in server processes unless turned off.

    DATELINE_EMBEDDED_SCHEDULER (setting or environment variable): on by default, off under
    pytest; turn it off where `manage.py run_scheduler` runs as its own process instead.
    """
    if hasattr(settings, "DATELINE_EMBEDDED_SCHEDULER"):
        return bool(settings.DATELINE_EMBEDDED_SCHEDULER)
    value = os.environ.get("DATELINE_EMBEDDED_SCHEDULER")
    if value is not None:
        return value.strip().lower() in {"1", "true", "yes", "on"}
    return "PYTEST_VERSION" not in os.environ


def _start_on_first_request(**kwargs):
    request_started.disconnect(dispatch_uid="newsroom_scheduler")
    start_in_background()


def register_embedded_scheduler():
    """Called from the app's ready(): start at once in a server process, else on a request.

    A management command that serves no request (migrate, load_demo) never starts it.
    """
    if not embedded_enabled():
        return
    program = os.path.basename(sys.argv[0]) if sys.argv else ""
    if program in SERVER_PROGRAMS:
        start_in_background()
    else:  # runserver, or a server started another way: on its first request
        request_started.connect(_start_on_first_request, dispatch_uid="newsroom_scheduler")
