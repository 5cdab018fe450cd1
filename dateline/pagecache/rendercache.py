"""Parts of pages kept rendered: what a page-cache miss does not have to render again.

A stored page is thrown away whenever anything it shows changes: an article page when a
comment is approved, a section page when a new story is published. Re-rendering it whole would
rebuild the article's body, its structured data and twenty cards that did not change. Those
parts are kept here, in the page cache's store, under the same tags and rules as pages:

- A part is stored with every tag the request had collected by the end of its rendering: what
  it loaded itself and what was loaded before it and used in it (the page being served, its
  lead photo). That can be more than it shows; it is never less.
- A part rendered at T is fresh while none of its tags was invalidated at or after T. There is
  no stale grace: a part is never served out of date.
- Its tags are added to the page around it, so the page is invalidated as if it had rendered
  the part itself.
- A shared part (render_shared: a card) is the same on every page that shows it. Its tags
  are the ones its caller names (the article, its photo) and whatever it loads itself; all
  the parts of a listing are looked up together.
- A part is not kept when the request has used a CSRF token (a form's token is the reader's).
- Only requests whose tags are being collected (anonymous readers: see middleware.py) read or
  fill it. Previews, logged-in readers and the newsroom always render everything.
- A page's parts are read together before it renders: each worker remembers which parts the
  last render of a URL used and their tags (begin/end, called by the middleware), and asks the
  store for all of them and all those tag times in one round trip, however many parts.
"""

import time
from dataclasses import dataclass

from django.utils.safestring import mark_safe

from . import conf, kept, stores, tags
from .serving import get_cache


@dataclass
class Part:
    html: str
    tags: frozenset
    rendered_at: float

    @property
    def size(self):
        return len(self.html) * 2 + 64 * len(self.tags) + 128


def _bypass(request, collector):
    return (
        collector is None
        or collector.paused
        or getattr(request, "is_preview", False)
        or not conf.get("RENDER_CACHE")
    )


class Reading:
    """What one page request read ahead: its kept parts, and the times of their tags and of
    the objects kept in this worker (kept.py)."""

    __slots__ = ("url", "found", "times", "checked", "used", "part_tags", "kept_tags")

    def __init__(self, url):
        self.url = url
        self.found = {}
        self.times = {}
        self.checked = frozenset()  # the tags whose times were read
        self.used = []
        self.part_tags = set()  # of the parts used, as read or rendered
        self.kept_tags = set()  # of the objects kept in the worker it used (kept.py)

    def take(self, name):
        """(True, the part if kept and fresh else None) when read ahead; (False, None) if not."""
        self.used.append(name)
        if name not in self.found:
            return False, None
        part = self.found[name]
        if part is not None and _fresh_at(part, self.times):
            self.part_tags.update(part.tags)
            return True, part
        return True, None


# For each URL, in this worker: the names of the parts its last render used, and the tags
# of what it used as they were read (at most 4,096 URLs, the least recently rendered out).
manifests = stores.Bounded(4096, weigh=stores.one_each)


def begin(request, collector, url):
    """Read the parts the last render of `url` used with the times of their tags, of the
    objects kept in the worker it used and of those every request uses: one round trip to
    the store (two when a part has tags the last render did not know)."""
    reading = Reading(url)
    store = get_cache().store
    names, known = manifests.get(url) or ((), frozenset())
    if not conf.get("RENDER_CACHE"):
        names = ()
    check = kept.tags_to_check() | known
    try:
        found, times = store.parts_and_times(names, check)
        unknown = set().union(*(part.tags for part in found if part)) - check
        if unknown:
            times = {**times, **store.tag_times(unknown)}
            check |= unknown
    except LookupError:
        return  # no reading: everything is looked up and rendered afresh
    reading.found = dict(zip(names, found, strict=True))
    reading.times, reading.checked = times, frozenset(check)
    collector.reading = reading


def end(collector):
    """Remember which parts this render used, and their tags, for the next of its URL."""
    reading = collector.reading
    if reading is None:
        return
    manifest = (
        tuple(dict.fromkeys(reading.used)),
        frozenset(reading.part_tags | reading.kept_tags) - kept.tags_to_check(),
    )
    if manifest != manifests.get(reading.url):
        manifests.put(reading.url, manifest)


def _used(collector, part):
    """The page around a part shows what the part shows; the next render of the URL reads
    its tags ahead."""
    collector.tags.update(part.tags)
    if collector.reading is not None:
        collector.reading.part_tags.update(part.tags)


def render_part(request, name, render):
    """The HTML of the part `name` (a key saying everything it depends on, e.g.
    "article-body:12:en:example.org"), from the store when fresh, else from render()."""
    collector = tags.current()
    if _bypass(request, collector):
        return render()
    store = get_cache().store
    read_ahead, part = _take(collector, name)
    if not read_ahead:
        part = store.get_part(name)
        if part is not None and not _is_fresh(store, part):
            part = None
    if part is not None:
        _used(collector, part)
        return mark_safe(part.html)  # noqa: S308 - stored from a rendered, escaped template
    rendered_at = time.time()
    html = render()
    if not _used_csrf(request):
        part = Part(str(html), frozenset(collector.tags), rendered_at)
        store.set_part(name, part)
        _used(collector, part)
    return html


def _used_csrf(request):
    # A form's token is the reader's own: a part that may hold one is never kept. (Said of
    # the whole request so far, which can only keep a part too few.)
    return bool(request.META.get("CSRF_COOKIE_NEEDS_UPDATE"))


def render_shared(request, items):
    """The HTML of each (name, tags, render) in items: parts that show only what their tags
    name and what they load themselves, kept once for every page. One read of the store
    for all of them, one for their tag times, one write for those rendered."""
    collector = tags.current()
    if _bypass(request, collector):
        return [render() for _, _, render in items]
    store = get_cache().store
    ahead = [_take(collector, name) for name, _, _ in items]
    unread = [name for (name, _, _), (read_ahead, _) in zip(items, ahead, strict=True)
              if not read_ahead]  # fmt: skip
    found = dict(zip(unread, store.get_parts(unread), strict=True))
    try:
        times = store.tag_times(set().union(*(part.tags for part in found.values() if part)))
    except LookupError:
        found, times = {}, {}
    out, rendered = [], []
    for (name, named_tags, render), (read_ahead, part) in zip(items, ahead, strict=True):
        if not read_ahead:
            part = found.get(name)
            if part is not None and not _fresh_at(part, times):
                part = None
        if part is not None:
            _used(collector, part)
            out.append(mark_safe(part.html))  # noqa: S308 - stored from a rendered template
            continue
        rendered_at = time.time()
        with tags.nested() as inner:
            html = render()
        part = Part(str(html), frozenset(named_tags) | frozenset(inner.tags), rendered_at)
        _used(collector, part)
        rendered.append((name, part))
        out.append(html)
    if rendered and not _used_csrf(request):
        store.set_parts(rendered)
    return out


def _take(collector, name):
    reading = collector.reading
    if reading is None:
        return False, None
    return reading.take(name)


def _fresh_at(part, times):
    for tag in part.tags:
        changed = times.get(tag)
        if changed is not None and changed.at >= part.rendered_at:
            return False
    return True


def _is_fresh(store, part):
    try:
        return _fresh_at(part, store.tag_times(part.tags))
    except LookupError:
        return False
