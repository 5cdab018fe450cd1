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
- Only requests whose tags are being collected (anonymous readers: see middleware.py) read or
  fill it. Previews, logged-in readers and the newsroom always render everything.
"""

import time
from dataclasses import dataclass

from django.utils.safestring import mark_safe

from . import conf, tags
from .serving import get_cache


@dataclass
class Part:
    html: str
    tags: frozenset
    rendered_at: float

    @property
    def size(self):
        return len(self.html) * 2 + 64 * len(self.tags) + 128


def render_part(request, name, render):
    """The HTML of the part `name` (a key saying everything it depends on, e.g.
    "article-body:12:en:example.org"), from the store when fresh, else from render()."""
    collector = tags.current()
    if (
        collector is None
        or collector.paused
        or getattr(request, "is_preview", False)
        or not conf.get("RENDER_CACHE")
    ):
        return render()
    store = get_cache().store
    part = store.get_part(name)
    if part is not None and _is_fresh(store, part):
        collector.tags.update(part.tags)
        return mark_safe(part.html)  # noqa: S308 - stored from a rendered, escaped template
    rendered_at = time.time()
    html = render()
    store.set_part(name, Part(str(html), frozenset(collector.tags), rendered_at))
    return html


def _is_fresh(store, part):
    try:
        times = store.tag_times(part.tags)
    except LookupError:
        return False
    return all(changed.at < part.rendered_at for changed in times.values())
