"""What a page shows, as tags: collected while it renders, stored with it, invalidated on change.

Pages and photos loaded during a render are tagged automatically (see tracking.py); views that
list things say so with ``tags.add("list-section-12")``. Outside a cached render, every call
here does nothing.
"""

import contextvars
from contextlib import contextmanager

_collector = contextvars.ContextVar("dateline_page_cache_tags", default=None)

# Who may read a page is part of every page: a view restriction added or lifted anywhere
# changes what pages, cards and links anonymous readers may see (signal_handlers.py). So is
# the site a page is served for (its host name is in every link). Both are rare enough to
# refresh everything for, and then nothing is left out.
RESTRICTIONS = "restrictions"
SITES = "sites"
EVERY_PAGE = (RESTRICTIONS, SITES)
# Site settings (the newsroom's public history...): on the pages that show them.
SETTINGS = "settings"
# The site root paths (where each edition's home is): kept in workers, not on pages.
SITE_ROOTS = "site-roots"
# The editions' locales: kept in workers, not on pages.
LOCALES = "locales"
# Where pages sit in the tree (their paths): any move, reorder or new alias changes it. Kept
# in workers by what holds paths (the restricted pages, the children URLs lead to), not on
# pages: a page moved refreshes the pages that show it through its own tags.
TREE = "tree"


class Collector:
    __slots__ = ("tags", "paused", "reading")

    def __init__(self):
        self.tags = set()
        self.paused = 0
        self.reading = None  # the kept parts read ahead for this page (rendercache.begin)


def start():
    """Begin collecting for the current request; returns the collector."""
    collector = Collector()
    collector.tags.update(EVERY_PAGE)
    _collector.set(collector)
    return collector


def stop():
    _collector.set(None)


def current():
    return _collector.get()


def add(*names):
    collector = _collector.get()
    if collector is not None and not collector.paused:
        collector.tags.update(names)


def reset(*names):
    """Forget what was collected so far (e.g. pages loaded while routing a URL)."""
    collector = _collector.get()
    if collector is not None:
        collector.tags.clear()
        collector.tags.update((*EVERY_PAGE, *names))


@contextmanager
def nested():
    """Collect what is loaded inside the block on its own (a shared part: rendercache.py);
    the surrounding collector gets it too."""
    outer = _collector.get()
    inner = Collector()
    inner.reading = outer.reading if outer is not None else None
    token = _collector.set(inner)
    try:
        yield inner
    finally:
        _collector.reset(token)
        if outer is not None:
            outer.tags.update(inner.tags)


@contextmanager
def untracked():
    """Load things without tagging them: the caller tags what it shows more precisely."""
    collector = _collector.get()
    if collector is None:
        yield
        return
    collector.paused += 1
    try:
        yield
    finally:
        collector.paused -= 1


def page(pk):
    return f"page-{pk}"


def photo(pk):
    return f"photo-{pk}"
