"""The discussion and the caches (dateline.caching).

Cached pages that show comments carry the tag ``discussion-<article id>``; whenever the set
of visible comments of an article changes, that tag is invalidated (after the commit).
"""

from dateline.caching import tags
from dateline.caching.changes import invalidate


def tag(page_id):
    """``discussion-<article id>``: its visible comments; ``discussion-<section id>``: the
    discussion settings of a section (which its articles inherit)."""
    return f"discussion-{page_id}"


def shows_discussion(*page_ids):
    """The response being rendered shows these articles' comments (or their counts), under
    the settings of these sections."""
    tags.add(*(tag(pk) for pk in page_ids if pk))


def shows_pages(*page_ids):
    """The response depends on whether these pages are live (publishing them changes it)."""
    tags.add(*(tags.page(pk) for pk in page_ids))


def discussion_changed(*page_ids):
    """The visible comments of these articles (or the settings of these pages) changed:
    cached pages that show them go, after the commit."""
    if page_ids:
        invalidate(sorted({tag(pk) for pk in page_ids if pk}))
