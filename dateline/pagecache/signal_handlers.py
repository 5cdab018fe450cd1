"""The page cache reacts to changes it does not own: pages published, unpublished, moved or
deleted, and photos edited or deleted. Everything else announces itself with invalidate()."""

from django.db.models.signals import post_delete, post_save, pre_delete
from wagtail.contrib.settings.models import BaseSiteSetting
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from . import rules, tags
from .invalidation import invalidate


def _changed(kind, page, **extra):
    tags, hard = rules.change_tags(rules.Change(kind, page.specific_deferred, **extra))
    invalidate(tags, hard=hard)


def on_published(sender, instance, revision=None, alias=False, **kwargs):
    # Wagtail sends this for a revision scheduled for later too: nothing readers see changed.
    # An alias is sent its source's revision when the source is published.
    scheduled = revision is not None and instance.live_revision_id != revision.pk
    if not instance.live or (scheduled and not alias):
        return
    _changed("publish", instance)


def on_unpublished(sender, instance, **kwargs):
    _changed("unpublish", instance)


def on_moved(sender, instance, parent_page_before, parent_page_after, **kwargs):
    # Moved or reordered, live or not: its path, its descendants' and (reordered) its
    # siblings' paths changed.
    invalidate({tags.TREE})
    if parent_page_before.pk != parent_page_after.pk and instance.live:
        _changed("move", instance, old_parent_id=parent_page_before.pk)
    elif instance.live:
        _changed("publish", instance)  # renamed slug: new URL


def on_page_deleted(sender, instance, **kwargs):
    if instance.live:
        _changed("delete", instance)


def on_photo_saved(sender, instance, created, **kwargs):
    invalidate({f"photo-{instance.pk}", "list-mediabank"} if created else {f"photo-{instance.pk}"})


def on_photo_deleted(sender, instance, **kwargs):
    invalidate({f"photo-{instance.pk}", "list-mediabank"}, hard=True)


def on_restriction_changed(sender, instance, **kwargs):
    # A page made private must not be served from any cache a moment longer: hard.
    invalidate({tags.RESTRICTIONS}, hard=True)


# Sites, locales and site settings are kept in workers between requests (kept.py); settings
# are also shown on pages, which carry their tag.
def on_site_changed(sender, instance, **kwargs):
    invalidate({tags.SITES, tags.SITE_ROOTS}, hard=True)


def on_locale_changed(sender, instance, **kwargs):
    invalidate({tags.LOCALES})


def on_settings_changed(sender, instance, created=False, **kwargs):
    # Created with its defaults on first use (for_site's get_or_create): nothing shown changes.
    # Deleted, it comes back with its defaults.
    if isinstance(instance, BaseSiteSetting) and not created:
        invalidate({tags.SETTINGS})


def on_page_created(sender, instance, created, **kwargs):
    # A new edition's home (a translation of a site's root page), even as a draft, has a root
    # path; one published, moved or deleted is a change (rules.change_tags).
    if not created or not isinstance(instance, Page):
        return
    if instance.depth is not None and instance.depth <= 2:
        invalidate({tags.SITE_ROOTS})
    # An alias shares its source's view restrictions (the kept restricted pages).
    if instance.alias_of_id:
        invalidate({tags.TREE})


def register_signal_handlers():
    page_published.connect(on_published, dispatch_uid="pagecache_published")
    page_unpublished.connect(on_unpublished, dispatch_uid="pagecache_unpublished")
    post_page_move.connect(on_moved, dispatch_uid="pagecache_moved")
    pre_delete.connect(on_page_deleted, sender=Page, dispatch_uid="pagecache_page_deleted")
    for signal in (post_save, post_delete):
        signal.connect(
            on_restriction_changed,
            sender=PageViewRestriction,
            dispatch_uid=f"pagecache_restriction_{signal is post_save}",
        )
    for signal in (post_save, post_delete):
        name = "saved" if signal is post_save else "deleted"
        signal.connect(on_site_changed, sender=Site, dispatch_uid=f"pagecache_site_{name}")
        signal.connect(on_locale_changed, sender=Locale, dispatch_uid=f"pagecache_locale_{name}")
    post_save.connect(on_settings_changed, dispatch_uid="pagecache_settings_saved")
    post_delete.connect(on_settings_changed, dispatch_uid="pagecache_settings_deleted")
    post_save.connect(on_page_created, dispatch_uid="pagecache_root_page_created")
    photo = get_image_model()
    post_save.connect(on_photo_saved, sender=photo, dispatch_uid="pagecache_photo_saved")
    post_delete.connect(on_photo_deleted, sender=photo, dispatch_uid="pagecache_photo_deleted")
