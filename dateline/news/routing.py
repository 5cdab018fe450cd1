"""Reader URLs to pages: Wagtail's routing, from the edition's home page kept in the worker.

Wagtail routes each request from the site's root page: it loads the root, finds its
translation in the edition's language, loads that page's specific row, then walks down. The
edition home pages (and the sections below them: EditionPageMixin.route) change a few times a
year; they are kept in the worker (pagecache/kept.py) and every request starts from a copy.
What follows is Wagtail's own: each page's route(), serve hooks and serve().
"""

from django.http import Http404
from wagtail import views as wagtail_views
from wagtail.models import Locale, Site

from dateline.pagecache import kept

from .models.editions import active_locale
from .siteroots import SITE_TAGS


def edition_home(site):
    """The site's root page in the active edition's language (Wagtail's root.localized),
    specific, a copy for this request."""
    locale = active_locale()

    def load():
        return site.root_page.localized.specific

    def home_tags(home):
        return {*SITE_TAGS, f"page-{site.root_page_id}", f"page-{home.pk}",
                f"translations-{home.translation_key}"}  # fmt: skip

    return kept.remember(("edition-home", site.pk, locale.pk), home_tags, load, copied=True)


def route(request, path):
    """What Page.route_for_request answers, the same way, and cached on the request where
    Wagtail looks for it."""
    if not hasattr(request, "_wagtail_route_for_request"):
        result = None
        site = Site.find_for_request(request)
        if site is not None:
            try:
                home = edition_home(site)
                result = home.route(request, [part for part in path.split("/") if part])
            except (Http404, Locale.DoesNotExist):
                result = None
        request._wagtail_route_for_request = result
    return request._wagtail_route_for_request


def serve(request, path):
    route(request, path)
    return wagtail_views.serve(request, path)
