"""What a response shows, as tags, collected while it renders.

Every page and photo loaded while an anonymous page renders is tagged automatically
(``page-<id>``, ``photo-<id>``, on post_init), so a card, a byline, a quote's speaker or a
caption added to a template later is tracked without anybody remembering to. Views add what
loading cannot show: ``tags.add("list-section-12")`` (this listing would show a new article).
Outside a collected render every call here does nothing.
"""

import contextvars
from contextlib import contextmanager

from django.db.models.signals import post_init

_current = contextvars.ContextVar("dateline_tags", default=None)


class Collector:
    __slots__ = ("tags", "paused", "since", "pending")

    def __init__(self, since):
        self.tags = set()
        self.paused = 0
        self.since = since  # the seq of EVERYTHING when the render started (models.py)
        self.pending = {}  # fragments rendered by this request, stored at its end


def start(since):
    collector = Collector(since)
    collector.tags.add("site")  # every link holds the site's host name
    _current.set(collector)
    return collector


def stop():
    _current.set(None)


def current():
    return _current.get()


def add(*names):
    collector = _current.get()
    if collector is not None and not collector.paused:
        collector.tags.update(names)


@contextmanager
def untracked():
    """Load things without tagging them: the caller names what it shows more precisely."""
    collector = _current.get()
    if collector is not None:
        collector.paused += 1
    try:
        yield
    finally:
        if collector is not None:
            collector.paused -= 1


@contextmanager
def nested():
    """Collect what the block loads on its own (a shared fragment); the page gets it too."""
    outer = _current.get()
    inner = Collector(outer.since if outer else 0)
    token = _current.set(inner)
    try:
        yield inner
    finally:
        _current.reset(token)
        if outer is not None:
            outer.tags.update(inner.tags)


def routed(page):
    """Wagtail routed the request to this page (caching/wagtail_hooks.py). The pages loaded
    on the way (the edition's home, the section) hold its address, not what it shows: a
    change of their address (a slug, a move) is what reaches it through them. What the page
    shows of them, it loads or tags again itself."""
    collector = _current.get()
    if collector is not None:
        on_the_way = {t.replace("page-", "address-", 1) for t in collector.tags if t[:5] == "page-"}
        collector.tags.clear()
        collector.tags.update(("site", f"page-{page.pk}", *on_the_way))
        collector.tags.discard(f"address-{page.pk}")
        if page.alias_of_id:
            collector.tags.add(f"page-{page.alias_of_id}")


def page(pk):
    return f"page-{pk}"


def page_address(pk):
    """A page's address alone: a slug change or a move of it or above it changes it."""
    return f"address-{pk}"


def photo(pk):
    return f"photo-{pk}"


def _page_loaded(sender, instance, **kwargs):
    collector = _current.get()
    # A page loaded without its title (.only("path")...) serves the tree or a permission
    # check, not the reader's eyes.
    if collector is not None and not collector.paused and "title" in instance.__dict__:
        collector.tags.add(f"page-{instance.pk}")


def _photo_loaded(sender, instance, **kwargs):
    collector = _current.get()
    if collector is not None and not collector.paused and instance.pk is not None:
        collector.tags.add(f"photo-{instance.pk}")


def register_tracking():
    from wagtail.images import get_image_model
    from wagtail.models import Page, get_page_models

    # One connection per concrete model: post_init stays free for every other model.
    for model in {Page, *get_page_models()}:
        post_init.connect(_page_loaded, sender=model, dispatch_uid=f"tags_{model._meta.label}")
    post_init.connect(_photo_loaded, sender=get_image_model(), dispatch_uid="tags_photo")
