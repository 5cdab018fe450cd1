"""The request's site and Wagtail's site root paths: kept in the worker, looked up once per
request at most.

Wagtail looks the site up with a query per request, and keeps the root paths per page object
when a page's URL is asked for without the request (as templates do with ``{{ page.url }}``):
a page showing twenty cards read them from the cache twenty times. Both are kept in the
worker between requests (pagecache/kept.py) until a site, a locale or a home page changes.
The middleware also opens the request memo (news/memo.py); reader pages use it.
"""

import copy
import time

from django.http.request import split_domain_port
from wagtail.models import Site

from dateline.pagecache import kept, tags

from . import memo

# What the site root paths and the site for a host name depend on (signal_handlers).
SITE_TAGS = frozenset({tags.SITES, tags.SITE_ROOTS, tags.LOCALES})


class SiteRootPathsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = memo.open_memo()
        try:
            key = _site_key(request)
            site = kept.get(key) if key else None
            if site is not None:
                # Wagtail's own per-request cache of Site.find_for_request.
                request._wagtail_site = _detached(site)
            started = time.time()
            response = self.get_response(request)
            found = getattr(request, "_wagtail_site", None)
            if site is None and key and found is not None:
                kept.put(key, SITE_TAGS, _detached(found), started)
            return response
        finally:
            memo.close_memo(token)


def _detached(site):
    """A copy of the site, and of its root page, with nothing a request loaded through it
    (the root's specific page is kept on its own: news/routing.py)."""
    copied = copy.copy(site)
    root = site._state.fields_cache.get("root_page")
    if root is not None:
        root = copy.copy(root)
        for name in ("specific", "specific_deferred"):
            root.__dict__.pop(name, None)
        copied._state.fields_cache["root_page"] = root
    return copied


def _site_key(request):
    try:
        return ("site", split_domain_port(request._get_raw_host())[0], request.get_port())
    except Exception:  # a malformed Host header: Django answers it with a 400 itself
        return None


class RequestSiteRootPathsMixin:
    def _get_site_root_paths(self, cache_object=None, **kwargs):
        if cache_object is not None or kwargs or not memo.is_open():
            return super()._get_site_root_paths(cache_object, **kwargs)
        return memo.remember_kept("site-root-paths", SITE_TAGS, Site.get_site_root_paths)
