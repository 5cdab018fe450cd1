"""Fragments: parts of pages kept rendered between renders (an article's body, a card).

A fragment is kept in Django's "fragments" cache (Redis in production, local memory in the
embedded default) with its tags and the seq its render started at, and is used only while no
stamp of its tags is newer (models.Stamp, in the database). So whatever Redis forgets, keeps
or replays, a fragment is never older than the data: missing or unreadable means rendered.

- A page's fragment carries every tag its request had collected by its end (what it loaded,
  and what was loaded before it and shown in it): it is keyed by the page's URL.
- A shared fragment (a card, the same on every listing) carries the tags its caller names
  and what it loads itself; a listing reads all its cards in one round trip.
- Fragments rendered by a request are stored at its end, and only if none of its tags
  changed while it rendered (middleware.py), and never when it used a CSRF token.
"""

import logging

from django.conf import settings
from django.core.cache import caches
from django.db import DatabaseError
from django.utils.safestring import mark_safe

from . import changes, tags

logger = logging.getLogger(__name__)
TIMEOUT = 24 * 3600


def _cache():
    return caches["fragments"]


def enabled(request):
    collector = tags.current()
    return (
        settings.DATELINE_FRAGMENTS
        and collector is not None
        and not collector.paused
        and not getattr(request, "is_preview", False)
    )


def _valid(entries, since):
    """The entries (key -> (html, tags, since)) whose tags have not changed since they were
    rendered. One rendered after `since` (the request's start) is left out too: it may come
    from a database this one is not (restored from a backup), or raced this request."""
    entries = {key: entry for key, entry in entries.items() if entry[2] <= since}
    older = [entry for entry in entries.values() if entry[2] < since]
    if not older:
        return entries
    stamps = changes.stamps_after(set().union(*(e[1] for e in older)), min(e[2] for e in older))
    return {
        key: entry
        for key, entry in entries.items()
        if not any(stamps.get(tag, 0) > entry[2] for tag in entry[1])
    }


def _read(keys, collector):
    try:
        found = _cache().get_many(keys)
    except Exception:  # the resilient backend answers misses; anything else, the same
        logger.warning("fragments: cache unreadable", exc_info=True)
        return {}
    found = {k: v for k, v in found.items() if isinstance(v, tuple) and len(v) == 3}
    try:
        return _valid(found, collector.since)
    except DatabaseError:  # what cannot be checked is rendered (an error page, say)
        return {}


def render(request, key, render_html):
    """A page's fragment: kept HTML if still valid, else render_html() (kept at the end)."""
    if not enabled(request):
        return render_html()
    collector = tags.current()
    entry = _read([key], collector).get(key)
    if entry is not None:
        collector.tags.update(entry[1])
        return mark_safe(entry[0])  # noqa: S308 - stored from a rendered, escaped template
    html = render_html()
    collector.pending[key] = (str(html), frozenset(collector.tags), collector.since)
    return html


def render_shared(request, items):
    """The HTML of each (key, named tags, render) in items: shared fragments, read together."""
    if not enabled(request):
        return [render_html() for _, _, render_html in items]
    collector = tags.current()
    kept = _read([key for key, _, _ in items], collector)
    out = []
    for key, named, render_html in items:
        entry = kept.get(key)
        if entry is not None:
            collector.tags.update(entry[1])
            out.append(mark_safe(entry[0]))  # noqa: S308 - stored from a rendered template
            continue
        with tags.nested() as inner:
            html = render_html()
        found = frozenset(named) | frozenset(inner.tags)
        collector.tags.update(found)
        collector.pending[key] = (str(html), found, collector.since)
        out.append(html)
    return out


def store(pending):
    if not pending:
        return
    try:
        _cache().set_many(pending, TIMEOUT)
    except Exception:
        logger.warning("fragments: cache unwritable", exc_info=True)
