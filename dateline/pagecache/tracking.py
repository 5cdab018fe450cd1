"""Automatic tags: every page and photo loaded while a cached page renders is something it shows.

Reacting to model loads (post_init) means a card, a quote's speaker, a byline or a photo
caption added to a template later is tracked without anybody remembering to tag it. Loads that
only serve routing or the masthead are kept out with tags.untracked() or tags.reset().
"""

from django.db.models.signals import post_init
from wagtail.images import get_image_model
from wagtail.models import Page, get_page_models

from . import tags


def _page_loaded(sender, instance, **kwargs):
    collector = tags.current()
    # A page loaded without its title (.only("path")...) serves the tree or permissions
    # (view restrictions, ancestors), not the reader's eyes.
    if collector is not None and not collector.paused and "title" in instance.__dict__:
        collector.tags.add(f"page-{instance.pk}")


def _photo_loaded(sender, instance, **kwargs):
    collector = tags.current()
    if collector is not None and not collector.paused and instance.pk is not None:
        collector.tags.add(f"photo-{instance.pk}")


def register_tracking():
    # One connection per concrete model: post_init stays free for every other model.
    for model in {Page, *get_page_models()}:
        post_init.connect(
            _page_loaded, sender=model, dispatch_uid=f"pagecache_page_{model._meta.label}"
        )
    photo_model = get_image_model()
    post_init.connect(_photo_loaded, sender=photo_model, dispatch_uid="pagecache_photo")
