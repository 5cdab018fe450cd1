"""Wagtail's site root paths, looked up once per request.

Wagtail keeps them per page object when a page's URL is asked for without the request (as
templates do with ``{{ page.url }}``): a page showing twenty cards read them from the cache
twenty times. The middleware opens the request memo (news/memo.py); reader pages use it.
"""

from wagtail.models import Site

from . import memo


class SiteRootPathsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = memo.open_memo()
        try:
            return self.get_response(request)
        finally:
            memo.close_memo(token)


class RequestSiteRootPathsMixin:
    def _get_site_root_paths(self, cache_object=None, **kwargs):
        if cache_object is not None or kwargs or not memo.is_open():
            return super()._get_site_root_paths(cache_object, **kwargs)
        return memo.remember("site-root-paths", Site.get_site_root_paths)
