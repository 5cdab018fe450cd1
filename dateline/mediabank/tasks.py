"""Renditions readers asked for before they existed, made after their request.

A reader's request never decodes an original (a big one takes seconds): a rendition that does
not exist yet is answered with a placeholder (``PendingRendition``) and its photo is put on a
queue with the specs asked for. One thread per process takes photos from it one at a time,
makes those renditions (for an upload: every rendition the site publishes) from one decode,
and says the photo changed, so pages and fragments kept with placeholders are rendered again.

The queue is bounded (DATELINE_RENDITION_QUEUE_SIZE photos): past that a request is dropped,
and the next reader who sees the photo asks again. Django's task framework is not used for
this: its default backend runs a task at once, in the reader's request.

The newsroom's own requests (the admin, previews) make renditions as Wagtail does, at once,
in bounded memory (processing.py); an uploaded photo is queued at once, so readers rarely wait.

DATELINE_RENDITIONS_MAKER: "thread" (servers); "after-response" (tests: the queue is worked
through in the request's own thread once its response is done, as the thread would soon
after); "manual" (tests that look at the queue call ``make_queued()``).
"""

import logging
import queue
import threading

from django.conf import settings
from django.db import close_old_connections

logger = logging.getLogger(__name__)

_lock = threading.Lock()
_queue = None
_asked = {}  # photo id: specs asked for, while on the queue
_worker = None


def _the_queue():
    global _queue
    with _lock:
        if _queue is None:
            _queue = queue.Queue(maxsize=settings.DATELINE_RENDITION_QUEUE_SIZE)
        return _queue


def request(photo_id, specs=()):
    """Ask for a photo's renditions (published ones and `specs`). False: the queue is full."""
    waiting = _the_queue()
    with _lock:
        if photo_id in _asked:
            _asked[photo_id].update(specs)
            return True
        try:
            waiting.put_nowait(photo_id)
        except queue.Full:
            logger.warning("Rendition queue full: photo %s waits for its next reader", photo_id)
            return False
        _asked[photo_id] = set(specs)
    if settings.DATELINE_RENDITIONS_MAKER == "thread":
        _start_worker()
    return True


def queued():
    with _lock:
        return set(_asked)


def make(photo_id, specs=()):
    """Make these renditions of a photo (none named: every published one), then say the
    photo changed."""
    from dateline.caching import changes, tags

    from .models import Photo
    from .renditions import PUBLISHED_SPECS

    photo = Photo.objects.filter(pk=photo_id).first()
    if photo is None:
        return
    photo.get_renditions(*(sorted(specs) or PUBLISHED_SPECS))
    changes.invalidate([tags.photo(photo_id)])


def _take(block):
    photo_id = _the_queue().get(block=block)
    with _lock:
        specs = _asked.pop(photo_id, set())
    return photo_id, specs


def make_queued():
    """Make every queued photo's renditions in this thread (tests, commands)."""
    while True:
        try:
            photo_id, specs = _take(block=False)
        except queue.Empty:
            return
        make(photo_id, specs)


def after_response(sender, **kwargs):
    """request_finished: the "after-response" maker (see the module's docstring)."""
    if settings.DATELINE_RENDITIONS_MAKER != "after-response" or not queued():
        return
    try:
        make_queued()
    except Exception:
        logger.exception("Renditions could not be made")


def _loop():
    while True:
        photo_id, specs = _take(block=True)
        close_old_connections()
        try:
            make(photo_id, specs)
        except Exception:
            logger.exception("Renditions of photo %s could not be made", photo_id)
        finally:
            close_old_connections()


def _start_worker():
    global _worker
    with _lock:
        if _worker is None or not _worker.is_alive():
            _worker = threading.Thread(target=_loop, name="dateline-renditions", daemon=True)
            _worker.start()
