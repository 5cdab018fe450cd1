"""The admin names a live page by its live title.

Wagtail keeps the latest draft's title in `Page.draft_title` and shows it wherever the admin
names a page (`get_admin_display_title()`): the explorer, the page chooser, the admin API,
bulk actions, the site history. A live article's draft headline (a change not yet published,
or scheduled) would reach everyone who may see the live page there, moderators and other
desks included. Here `draft_title` of a live page stays its live title, and so does the label
of a log entry about a live page: the draft's headline is read only where the draft is, in
the editor, previews and revisions, which need the right to edit the page.
"""

from django.db.models import F
from django.db.models.signals import post_save, pre_save
from wagtail.models import Page, PageLogEntry


def keep_the_live_title(sender, instance, update_fields=None, **kwargs):
    """After Wagtail saved a revision of a live page (it set `draft_title`), undo that."""
    if not isinstance(instance, Page) or not instance.live:
        return
    if update_fields is not None and "draft_title" not in update_fields:
        return
    Page.objects.filter(pk=instance.pk, live=True).exclude(draft_title=F("title")).update(
        draft_title=F("title")
    )


def label_with_the_live_title(sender, instance, **kwargs):
    """A log entry about a live page is labelled with its live title, not the draft's."""
    if instance.page_id is None:
        return
    live_title = (
        Page.objects.filter(pk=instance.page_id, live=True).values_list("title", flat=True).first()
    )
    if live_title is not None:
        instance.label = live_title


def register_live_titles():
    post_save.connect(keep_the_live_title, dispatch_uid="newsroom_keep_the_live_title")
    pre_save.connect(
        label_with_the_live_title,
        sender=PageLogEntry,
        dispatch_uid="newsroom_label_with_the_live_title",
    )
