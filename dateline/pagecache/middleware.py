"""Store what Django renders for anonymous readers; answer hits for WSGI and the test client.

Placed first in MIDDLEWARE so the stored response carries every header the stack adds. Under
ASGI, hits never get here: dateline.pagecache.asgi answers them before Django.
"""

import time

from django.conf import settings
from django.http import HttpResponse
from django.utils.cache import patch_cache_control

from . import conf, keys, rendercache, tags
from .serving import get_cache, without_marks

SAFE_VARY = {"cookie", "accept-encoding"}
MAX_TAGS = 1000


def is_anonymous_request(request):
    return (
        request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "HTTP_AUTHORIZATION" not in request.META
    )


def is_storable(request, response):
    """Only a page that is the same for every anonymous reader may be shared."""
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if getattr(request, "is_preview", False) or getattr(response, "page_cache", True) is False:
        return False
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return False
    cache_control = response.get("Cache-Control", "").lower()
    if any(word in cache_control for word in ("private", "no-store", "no-cache")):
        return False
    vary = {v.strip().lower() for v in response.get("Vary", "").split(",") if v.strip()}
    if not response.get("Content-Type", "").startswith("text/html"):
        # LocaleMiddleware marks every URL outside an edition prefix (sitemaps, robots.txt,
        # the API) as varying by language; their XML, text and JSON are never translated.
        vary.discard("accept-language")
    return vary <= SAFE_VARY


def as_response(ready, request):
    if ready.matches(request.META.get("HTTP_IF_NONE_MATCH", "").encode("latin-1")):
        response = HttpResponse(status=304)
    else:
        response = HttpResponse(
            b"" if request.method == "HEAD" else ready.body, status=ready.status
        )
        response["Content-Length"] = str(len(ready.body))
    for name, value in ready.headers:
        response[name.decode()] = value.decode()
    response["X-Page-Cache"] = "stale" if ready.stale else "hit"
    return response


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not is_anonymous_request(request):
            return self.get_response(request)
        if not conf.get("ENABLED"):
            if conf.get("RENDER_CACHE"):
                return self._render_with_parts(request)
            return self.get_response(request)
        cache = get_cache()
        key = _key(request, cache)
        if key is None:
            return self.get_response(request)
        ready = cache.lookup(key)
        if ready is not None:
            return as_response(ready, request)

        rendered_at = time.time()
        collector, response = self._collected(request, key)
        if not is_storable(request, response) or len(collector.tags) > MAX_TAGS:
            # A page showing thousands of things must say so with a listing tag (e.g. a
            # sitemap loads its pages untracked): checking thousands of tags per hit is no cache.
            if not response.streaming:
                _set_body(response, without_marks(response.content))
            return response
        headers = [(k.lower().encode(), v.encode()) for k, v in response.items()]
        body, extra = cache.store_page(
            key, response.status_code, headers, response.content, collector.tags, rendered_at
        )
        _set_body(response, body)
        for name, value in extra:
            response[name.decode()] = value.decode()
        response["X-Page-Cache"] = "miss"
        return response

    def _collected(self, request, key):
        """The response, rendered while collecting what it shows, with the parts and kept
        objects its URL used last time read ahead (key None: nothing read ahead)."""
        collector = tags.start()
        try:
            if key is not None:
                rendercache.begin(request, collector, key)
            response = self.get_response(request)
            rendercache.end(collector)
        finally:
            tags.stop()
        return collector, response

    def _render_with_parts(self, request):
        """No page cache: collect tags anyway, so parts of the page can be kept rendered."""
        _, response = self._collected(request, _key(request, get_cache()))
        if not response.streaming:
            _set_body(response, without_marks(response.content))
        return response


def _key(request, cache):
    try:
        return keys.for_request(request, cache.ignored)
    except Exception:  # an invalid Host header: Django answers it with a 400 itself
        return None


def _set_body(response, body):
    """The body without slot markers, and a Content-Length that says so."""
    if body is response.content:
        return
    response.content = body
    if response.has_header("Content-Length"):
        response["Content-Length"] = str(len(response.content))


def never_shared(response):
    """Mark a response as personal so no cache (ours or a CDN) keeps it."""
    response.page_cache = False
    patch_cache_control(response, private=True)
    return response
