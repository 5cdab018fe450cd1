"""Which tags a change to a page invalidates: the change rules.

Apps that own page types register theirs (news for articles and sections, live for live
blogs); caching itself knows no page type. Any page's change invalidates ``page-<id>`` (every
response that loaded it), the listings of its translations and, when it leaves or moves, its
parent's list of children; a rule adds the listings it joins or leaves.
"""

from dataclasses import dataclass, field

from django.db import models


@dataclass
class Change:
    """A page was published, unpublished, deleted or moved."""

    kind: str
    page: models.Model
    old_parent_id: int = None
    tags: set = field(default_factory=set)
    urls: set = field(default_factory=set)
    retract: bool = False


_rules = {}


def register_page(model, rule):
    _rules[model] = rule


def _rule(page):
    for klass in type(page).__mro__:
        if klass in _rules:
            return _rules[klass]
    return None


def apply(change):
    """Fill in the change's tags, its own addresses and whether it retracts something."""
    page = change.page
    change.tags.add(f"page-{page.pk}")
    if getattr(page, "translation_key", None):
        # Edition switchers and hreflang list the translations, a first one included.
        change.tags.add(f"translations-{page.translation_key}")
    change.retract = change.retract or change.kind in ("unpublish", "delete")
    # Lists of children (topics, authors, the pages' sitemap) show a new one, or lose one.
    parent_id = page.get_parent().pk if page.depth > 1 else None
    change.tags.update(f"children-{pk}" for pk in (parent_id, change.old_parent_id) if pk)
    if change.kind != "delete":
        # Its address may hold a "not found" from before it was published or moved there.
        url = page.get_full_url()
        if url:
            change.urls.add(url)
    rule = _rule(page)
    if rule is not None:
        rule(change)
    return change
