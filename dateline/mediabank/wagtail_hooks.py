"""Newsroom UI: warn an editor who publishes a page whose photos readers cannot see yet."""

from django.contrib import messages
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from wagtail import hooks

from .embargo import photos_in, still_embargoed


@hooks.register("after_publish_page")
def warn_about_embargoed_photos(request, page):
    # The latest revision is what goes live, now or at its go-live time.
    revision = page.get_latest_revision()
    shown = revision.as_object() if revision is not None else page
    go_live = getattr(revision, "approved_go_live_at", None) or timezone.now()
    for photo in still_embargoed(photos_in(shown), at=go_live):
        until = formats.date_format(timezone.localtime(photo.embargo_until), "DATETIME_FORMAT")
        messages.warning(
            request,
            _(
                "The photo “%(title)s” is under embargo until %(until)s: readers will not see "
                "it on this page before then."
            )
            % {"title": photo.title, "until": until},
        )
