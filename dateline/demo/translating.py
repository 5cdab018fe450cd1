"""Translating a page the way an editor does: copy it into the locale, edit, publish."""

from wagtail.models import PageLogEntry, Revision


def publish_translation(page, locale, **fields):
    """A published translation of page in locale, with fields set (child relations included).

    Wagtail's copy_for_translation keeps the translation key, so the two pages are linked as
    translations; it needs the parent page to be translated already.
    """
    translated = page.copy_for_translation(locale)
    for name, value in fields.items():
        setattr(translated, name, value)
    translated.save_revision().publish()
    return translated.specific


def backdate(page, when):
    """Make a freshly published page look as if it had been published at `when`."""
    times = {"first_published_at": when, "last_published_at": when}
    if hasattr(page, "published_at"):
        times["published_at"] = when  # articles keep an indexed copy for listings
    type(page).objects.filter(pk=page.pk).update(latest_revision_created_at=when, **times)
    Revision.objects.filter(pk=page.latest_revision_id).update(created_at=when)
    PageLogEntry.objects.filter(page_id=page.pk).update(timestamp=when)
    page.first_published_at = page.last_published_at = page.latest_revision_created_at = when
    if hasattr(page, "published_at"):
        page.published_at = when
