"""The discussion and the page cache (dateline.pagecache).

Cached pages that show comments carry the tag ``discussion-<article id>``; whenever the set
of visible comments of an article changes, that tag is invalidated (after the commit).
"""

try:
    from dateline.pagecache import tags
    from dateline.pagecache.invalidation import invalidate
except ImportError:  # pragma: no cover - TEMPORARY until dateline.pagecache lands
    tags = invalidate = None


def tag(article_id):
    return f"discussion-{article_id}"


def shows_discussion(*article_ids):
    """The response being rendered shows these articles' comments (or their counts)."""
    if tags is not None:
        tags.add(*(tag(pk) for pk in article_ids))


def discussion_changed(*article_ids):
    """The visible comments of these articles changed: cached pages showing them go."""
    if invalidate is not None and article_ids:
        invalidate(sorted({tag(pk) for pk in article_ids}))
