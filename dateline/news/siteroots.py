"""Wagtail's site root paths, looked up once per request.

Wagtail keeps them per page object when a page's URL is asked for without the request (as
templates do with ``{{ page.url }}``): a page showing twenty cards read them from the cache
twenty times. The middleware opens a memo for the request; reader pages use it.
"""

import contextvars

from wagtail.models import Site

_memo = contextvars.ContextVar("dateline_site_root_paths", default=None)


class SiteRootPathsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _memo.set({})
        try:
            return self.get_response(request)
        finally:
            _memo.reset(token)


class RequestSiteRootPathsMixin:
    def _get_site_root_paths(self, cache_object=None, **kwargs):
        memo = _memo.get()
        if cache_object is not None or memo is None or kwargs:
            return super()._get_site_root_paths(cache_object, **kwargs)
        if "paths" not in memo:
            memo["paths"] = Site.get_site_root_paths()
        return memo["paths"]
