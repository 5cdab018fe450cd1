"""Saying what changed: the one entry point, and the events of Wagtail and Django it hears.

``invalidate(tags, retract=False)`` advances the stamps of the tags (fragments rendered before
are no longer used) and writes a purge for the shared cache and the CDNs, in one transaction:
the caller's own, when it has one. The purger sends it once the transaction commits. A
retraction (unpublished, deleted, made private, expired, embargoed) is removed from the shared
cache at once; any other change is refreshed there in the background (purging.py).
"""

from django.db import connection, transaction
from django.db.models import F
from django.db.models.functions import Now
from django.db.models.signals import post_delete, post_save, pre_delete

from . import rules
from .models import EVERYTHING, Purge, Stamp

# Asked twice by every render: plain SQL (the ORM would compile each one anew, half the cost).
TABLE = Stamp._meta.db_table


def current_seq():
    """The seq of the last change committed: a render started now has seen it."""
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT seq FROM {TABLE} WHERE tag = %s", [EVERYTHING])  # noqa: S608
        row = cursor.fetchone()
    return row[0] if row else 0


def stamps_after(tag_names, seq):
    """{tag: seq} of the tags among these changed after seq (no stamp: never changed)."""
    if not tag_names:
        return {}
    names = list(tag_names)
    marks = ", ".join(["%s"] * len(names))
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT tag, seq FROM {TABLE} WHERE seq > %s AND tag IN ({marks})",  # noqa: S608
            [seq, *names],
        )
        return dict(cursor.fetchall())


def invalidate(tag_names, retract=False, urls=()):
    tag_names = sorted({t for t in tag_names if t})
    if not tag_names and not urls:
        return
    from . import purging

    with transaction.atomic():
        # EVERYTHING first: its row lock orders concurrent changes (no deadlock on the rest)
        # and is held until commit, so seq order is commit order.
        if not Stamp.objects.filter(tag=EVERYTHING).update(seq=F("seq") + 1):
            Stamp.objects.bulk_create([Stamp(tag=EVERYTHING, seq=1)], ignore_conflicts=True)
            Stamp.objects.filter(tag=EVERYTHING).update(seq=F("seq") + 1)
        seq = Stamp.objects.get(tag=EVERYTHING).seq
        Stamp.objects.bulk_create(
            [Stamp(tag=name, seq=seq) for name in tag_names],
            update_conflicts=True,
            unique_fields=["tag"],
            update_fields=["seq"],
        )
        if purging.enabled():
            Purge.objects.create(tags=tag_names, urls=sorted(urls), retract=retract, due=Now())
            transaction.on_commit(purging.wake)


def page_changed(kind, page, **extra):
    change = rules.apply(rules.Change(kind, page.specific_deferred, **extra))
    invalidate(change.tags, retract=change.retract, urls=change.urls)


# Events we do not own. Everything else (comments, alerts, embargo releases) calls
# invalidate() itself.


def on_published(sender, instance, revision=None, alias=False, **kwargs):
    # Wagtail sends this for a revision scheduled for later too: nothing readers see changed.
    # An alias is sent its source's revision when the source is published.
    scheduled = revision is not None and instance.live_revision_id != revision.pk
    if instance.live and not (scheduled and not alias):
        page_changed("publish", instance)


def on_unpublished(sender, instance, **kwargs):
    page_changed("unpublish", instance)


def on_moved(sender, instance, parent_page_before, parent_page_after, **kwargs):
    invalidate([f"address-{instance.pk}"])
    if not instance.live:
        return
    if parent_page_before.pk != parent_page_after.pk:
        # Under a private page now, perhaps: taken out wherever it was, at once.
        page_changed("move", instance, old_parent_id=parent_page_before.pk, retract=True)
    else:
        page_changed("publish", instance)  # a renamed slug: a new address


def on_slug_changed(sender, instance, instance_before, **kwargs):
    # Lists of addresses (sitemaps) name this page's and its descendants' by it; near the top
    # of an edition (its home, a section, an index), every page links below it.
    names = [f"address-{instance.pk}"]
    if instance.depth <= 3 and instance.locale_id:
        names.append(f"masthead-{instance.locale.language_code}")
    invalidate(names)


def on_page_deleted(sender, instance, **kwargs):
    if instance.live:
        page_changed("delete", instance)


def on_restriction_changed(sender, instance, **kwargs):
    """A page made private (or public again): it and everything below it, wherever shown."""
    from wagtail.models import Page

    try:
        page = Page.objects.get(pk=instance.page_id)
    except Page.DoesNotExist:
        return  # deleted with its page: the delete said so
    subtree = Page.objects.descendant_of(page, inclusive=True).filter(live=True)
    for descendant in subtree.specific(defer=True).iterator():
        change = rules.apply(rules.Change("unpublish", descendant))
        invalidate(change.tags, retract=True, urls=change.urls)


def on_photo_saved(sender, instance, created, **kwargs):
    names = [f"photo-{instance.pk}", "list-mediabank"] if created else [f"photo-{instance.pk}"]
    # Put under embargo: out of every page and file at once.
    invalidate(names, retract=bool(getattr(instance, "is_embargoed", False)))


def on_photo_deleted(sender, instance, **kwargs):
    invalidate([f"photo-{instance.pk}", "list-mediabank"], retract=True)


def on_site_changed(sender, instance, **kwargs):
    # Its host name is in every link of every page: all of them, refreshed in the background.
    invalidate(["site"])


def on_settings_changed(sender, instance, created=False, **kwargs):
    from wagtail.contrib.settings.models import BaseSiteSetting

    # Created with its defaults on first use (for_site's get_or_create): nothing shown changes.
    if isinstance(instance, BaseSiteSetting) and not created:
        invalidate([f"settings-{instance._meta.label_lower}"])


def register_signal_handlers():
    from wagtail.images import get_image_model
    from wagtail.models import Page, PageViewRestriction, Site
    from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

    page_published.connect(on_published, dispatch_uid="caching_published")
    page_unpublished.connect(on_unpublished, dispatch_uid="caching_unpublished")
    post_page_move.connect(on_moved, dispatch_uid="caching_moved")
    page_slug_changed.connect(on_slug_changed, dispatch_uid="caching_slug_changed")
    pre_delete.connect(on_page_deleted, sender=Page, dispatch_uid="caching_page_deleted")
    for signal, name in ((post_save, "saved"), (post_delete, "deleted")):
        signal.connect(
            on_restriction_changed, sender=PageViewRestriction, dispatch_uid=f"caching_pvr_{name}"
        )
        signal.connect(on_site_changed, sender=Site, dispatch_uid=f"caching_site_{name}")
        signal.connect(on_settings_changed, dispatch_uid=f"caching_settings_{name}")
    photo = get_image_model()
    post_save.connect(on_photo_saved, sender=photo, dispatch_uid="caching_photo_saved")
    post_delete.connect(on_photo_deleted, sender=photo, dispatch_uid="caching_photo_deleted")
