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
from collections import OrderedDict

from . import tags

_MISSING = object()
# Entries per group, least recently used first out: few sites, locales and sections; the
# pages readers are reading now (an article in the news), each with its body.
LIMITS = {"config": 2000, "pages": 128}
# Recomputed at least this often (seconds) whatever the tags say: a change made without a
# signal (a bulk update) and a tag time the store has forgotten are not trusted for longer.
MAX_AGE = 300

# key -> (value, tags, computed_at, max_age)
_entries = {group: OrderedDict() for group in LIMITS}
_tags = set()  # every tag of every entry: what each request reads the times of
_lock = threading.Lock()
_now = time.time


def tags_to_check():
    return set(_tags)


def _reading():
    collector = tags.current()
    return collector.reading if collector is not None else None


def _is_fresh(reading, entry_tags, computed_at, max_age):
    if _now() - computed_at > max_age:
        return False
    for tag in entry_tags:
        if tag not in reading.checked:
            return False
        changed = reading.times.get(tag)
        if changed is not None and changed.at >= computed_at:
            return False
    return True


def get(key, default=None, group="config"):
    """The kept value if it is fresh for this request, else default."""
    reading = _reading()
    entries = _entries[group]
    entry = entries.get(key) if reading is not None else None
    if entry is None or not _is_fresh(reading, *entry[1:]):
        return default
    if group != "config":
        with _lock:
            if key in entries:
                entries.move_to_end(key)
    return entry[0]


def put(key, entry_tags, value, computed_at, group="config", max_age=None):
    """Keep value, computed at computed_at (time.time() before it was looked up), for
    max_age seconds at most (MAX_AGE by default)."""
    if _reading() is None:
        return
    entries = _entries[group]
    with _lock:
        entries[key] = (value, frozenset(entry_tags), computed_at, max_age or MAX_AGE)
        entries.move_to_end(key)
        while len(entries) > LIMITS[group]:
            entries.popitem(last=False)
        # Tags of entries gone stay checked until the next clear(): a few dozen keys at most
        # are read with each page's parts in the same round trip.
        if len(_tags) > 4 * sum(LIMITS.values()):
            _tags.clear()
            for kept in _entries.values():
                for _, entry_tags_, _, _ in kept.values():
                    _tags.update(entry_tags_)
        _tags.update(entry_tags)


def remember(key, entry_tags, compute, copied=False, group="config", max_age=None):
    """compute(), kept in this worker while entry_tags are unchanged (see above).

    entry_tags may be a function of the value. With copied=True each caller gets a shallow
    copy (a model instance of its own). group="pages" for pages readers read (bounded).
    None is not kept."""
    value = get(key, _MISSING, group)
    if value is _MISSING:
        computed_at = _now()
        value = compute()
        if value is not None:
            entry_tags = entry_tags(value) if callable(entry_tags) else entry_tags
            put(key, entry_tags, value, computed_at, group, max_age)
    return copy.copy(value) if copied and value is not None else value


def clear():
    with _lock:
        for entries in _entries.values():
            entries.clear()
        _tags.clear()
