"""Which tags a page adds when served, and which tags its changes invalidate.

Apps that own page types register their rules here (news for articles and sections, live for
live blogs); the page cache itself knows no page type. A page type without rules is tagged
page-<id> when served and invalidates page-<id> (plus its parent's listing) when it changes.
"""

from dataclasses import dataclass, field

from django.db import models

from . import tags


@dataclass
class Change:
    """A page changed: publish, unpublish, delete or move."""

    kind: str
    page: models.Model
    old_parent_id: int = None
    tags: set = field(default_factory=set)
    hard: bool = False


_serve = {}
_change = {}


def register_page(model, *, serve=None, change=None):
    if serve is not None:
        _serve[model] = serve
    if change is not None:
        _change[model] = change


def _rule(table, page):
    for klass in type(page).__mro__:
        if klass in table:
            return table[klass]
    return None


def serve_tags(page):
    rule = _rule(_serve, page)
    return list(rule(page)) if rule else []


def change_tags(change):
    """The tags to invalidate for a change, and whether hard (nothing stale may be served)."""
    page = change.page
    change.tags.add(f"page-{page.pk}")
    if getattr(page, "translation_key", None):
        # Pages that list their translations (edition switchers, hreflang), including one
        # published for the first time.
        change.tags.add(f"translations-{page.translation_key}")
    if change.kind in ("unpublish", "delete"):
        change.hard = True
    if page.depth <= 2:
        change.tags.add(tags.SITE_ROOTS)  # an edition's home: where its URLs start
    if change.kind != "publish" or change.old_parent_id is not None:
        parent_id = page.get_parent().pk if page.depth > 1 else None
        change.tags.update(f"children-{pk}" for pk in (parent_id, change.old_parent_id) if pk)
    rule = _rule(_change, page)
    if rule is not None:
        rule(change)
    return change.tags, change.hard
