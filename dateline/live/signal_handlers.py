"""Reactions to page events Wagtail owns: a live blog was published."""

from django.db import transaction
from wagtail.signals import page_published

from .models import LiveBlogPage


def push_live_blog(sender, instance, **kwargs):
    if not issubclass(sender, LiveBlogPage):
        return
    page = instance
    transaction.on_commit(lambda: _announce(page.pk))


def _announce(page_pk):
    from .publishing import announce_blog

    page = LiveBlogPage.objects.filter(pk=page_pk).first()
    if page is not None:
        announce_blog(page)


def register_signal_handlers():
    page_published.connect(push_live_blog, dispatch_uid="live_blog_published")
