"""Objects kept in this worker between requests, while none of their tags has changed.

The site for a host name, the editions' locales and home pages, the sections URLs lead
through, the restricted parts of the tree, the site settings: asked by every page request,
changed a few times a year, each one query or Redis read per request without this. Each is
kept with its tags and the time it was computed, and used while the page cache has no later
change for any of those tags (invalidate() announces changes, as for pages).

The tag times are read once per request, with the page's kept parts (rendercache.begin). A
request that did not read them (a logged-in reader, the newsroom, a command, a Redis outage)
looks everything up afresh, as if this module did not exist.

Kept objects are shared by the worker's threads: remember() hands each request a copy when
asked to (model instances a request may change), never the kept object itself.
"""

import copy
import threading
import time

from . import tags

_MISSING = object()
MAX_ENTRIES = 2000
# Recomputed at least this often (seconds) whatever the tags say: a change made without a
# signal (a bulk update) and a tag time the store has forgotten are not trusted for longer.
MAX_AGE = 300

_entries = {}  # key -> (value, tags, computed_at)
_tags = set()  # every tag of every entry: what each request reads the times of
_lock = threading.Lock()


def tags_to_check():
    return set(_tags)


def _reading():
    collector = tags.current()
    return collector.reading if collector is not None else None


def _is_fresh(reading, entry_tags, computed_at):
    if time.time() - computed_at > MAX_AGE:
        return False
    for tag in entry_tags:
        if tag not in reading.checked:
            return False
        changed = reading.times.get(tag)
        if changed is not None and changed.at >= computed_at:
            return False
    return True


def get(key, default=None):
    """The kept value if it is fresh for this request, else default."""
    reading = _reading()
    entry = _entries.get(key) if reading is not None else None
    if entry is None or not _is_fresh(reading, entry[1], entry[2]):
        return default
    return entry[0]


def put(key, entry_tags, value, computed_at):
    """Keep value, computed at computed_at (time.time() before it was looked up)."""
    if _reading() is None:
        return
    with _lock:
        if len(_entries) >= MAX_ENTRIES and key not in _entries:
            _entries.clear()
            _tags.clear()
        _entries[key] = (value, frozenset(entry_tags), computed_at)
        _tags.update(entry_tags)


def remember(key, entry_tags, compute, copied=False):
    """compute(), kept in this worker while entry_tags are unchanged (see above).

    entry_tags may be a function of the value. With copied=True each caller gets a shallow
    copy (a model instance of its own)."""
    value = get(key, _MISSING)
    if value is _MISSING:
        computed_at = time.time()
        value = compute()
        if value is not None:
            put(key, entry_tags(value) if callable(entry_tags) else entry_tags, value, computed_at)
    return copy.copy(value) if copied and value is not None else value


def clear():
    with _lock:
        _entries.clear()
        _tags.clear()
