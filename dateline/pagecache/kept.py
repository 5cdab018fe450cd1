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
from .stores import Bounded, one_each

_MISSING = object()
# Entries per group, least recently used first out: few sites, locales and sections; the
# pages readers are reading now (an article in the news), each with its body.
LIMITS = {"config": 2000, "pages": 128}
# Recomputed at least this often (seconds) whatever the tags say: a change made without a
# signal (a bulk update) and a tag time the store has forgotten are not trusted for longer.
MAX_AGE = 300
# A change marked by another machine whose clock is behind this one's by up to this much
# (seconds) still counts: an object computed just after a change is computed again once.
CLOCK_MARGIN = 1.0

# key -> (value, tags, computed_at, max_age)
_entries = {group: Bounded(limit, weigh=one_each) for group, limit in LIMITS.items()}
# The tags of the config group's entries, which every request reads the times of (a few
# dozen); a kept page's tags are read by the requests of the URLs that used it last time
# (rendercache's manifests).
_config_tags = frozenset()
_lock = threading.Lock()
_now = time.time


def tags_to_check():
    return _config_tags


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
        if changed is not None and changed.at >= computed_at - CLOCK_MARGIN:
            return False
    return True


def get(key, default=None, group="config"):
    """The kept value if it is fresh for this request, else default."""
    reading = _reading()
    # Reading a page counts as a use (the least recently used go first); config objects,
    # far fewer than their bound, skip the lock.
    entry = _entries[group].get(key, touch=group != "config") if reading is not None else None
    if entry is None:
        return default
    reading.kept_tags.update(entry[1])
    if not _is_fresh(reading, *entry[1:]):
        return default
    return entry[0]


def put(key, entry_tags, value, computed_at, group="config", max_age=None):
    """Keep value, computed at computed_at (time.time() before it was looked up), for
    max_age seconds at most (MAX_AGE by default)."""
    global _config_tags
    reading = _reading()
    if reading is None:
        return
    entry_tags = frozenset(entry_tags)
    reading.kept_tags.update(entry_tags)
    entries = _entries[group]
    entries.put(key, (value, entry_tags, computed_at, max_age or MAX_AGE))
    if group == "config" and not entry_tags <= _config_tags:
        with _lock, entries.lock:
            _config_tags = frozenset().union(*(entry[1] for entry in entries.items.values()))


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
    global _config_tags
    with _lock:
        for entries in _entries.values():
            entries.clear()
        _config_tags = frozenset()
