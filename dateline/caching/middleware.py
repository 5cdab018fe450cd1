"""The origin's part in shared caching: collect what a response shows, say who may keep it.

For an anonymous GET or HEAD: remember the seq of the last change (before any data is read),
collect tags while the view renders, then decide. A response the same for every anonymous
reader is marked for the shared cache (``X-Accel-Expires`` for nginx, ``s-maxage`` when CDNs
are purged; browsers always revalidate). Before it leaves, its URL and tags go into the URL
index, and if any of its tags changed while it rendered it is marked uncacheable instead:
a change either sees this URL in the index or this response sees the change. Fragments the
request rendered are kept under the same condition.
"""

import functools

from django.conf import settings
from django.db import DatabaseError, transaction
from django.http import FileResponse, HttpResponsePermanentRedirect
from django.urls import reverse
from django.utils.cache import add_never_cache_headers, patch_cache_control, set_response_etag
from django.utils.http import urlencode

from . import changes, fragments, index, purging, tags

SAFE_VARY = {"cookie", "accept-encoding"}
SHORT = {301, 302, 307, 308, 404, 410}
# Campaign parameters never change a page: nginx leaves them out of its key
# (deploy/nginx/dateline.conf) and views never see them.
CAMPAIGN = ("utm_", "fbclid", "gclid", "mc_cid", "mc_eid")


def is_anonymous_read(request):
    return (
        request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "HTTP_AUTHORIZATION" not in request.META
    )


def is_shareable(request, response):
    """The same for every anonymous reader: a shared cache may keep it."""
    if response.status_code != 200 and response.status_code not in SHORT:
        return False
    if response.cookies or getattr(request, "is_preview", False):
        return False
    if response.streaming and not isinstance(response, FileResponse):  # a file is the same
        return False
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):  # a form's token is the reader's own
        return False
    # A view's own never_cache or private (the reader's name, their comment form).
    if any(w in response.get("Cache-Control", "") for w in ("private", "no-store", "no-cache")):
        return False
    vary = {v.strip().lower() for v in response.get("Vary", "").split(",") if v.strip()}
    if not response.get("Content-Type", "").startswith("text/html"):
        # LocaleMiddleware says every URL outside an edition varies by language; sitemaps,
        # feeds and the API are never translated by it.
        vary.discard("accept-language")
    return vary <= SAFE_VARY


class CachingMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method not in ("GET", "HEAD") and request.path.startswith(_admin_prefix()):
            # A newsroom change and what it says to caches (stamps, purges) commit together:
            # Wagtail's publish and unpublish commit their own writes first, and a crash in
            # between would leave a change unannounced.
            with transaction.atomic():
                response = self.get_response(request)
                if response.status_code >= 500:  # an exception, answered by Django's handler
                    transaction.set_rollback(True)
            response["X-Accel-Expires"] = "0"
            return response
        if not is_anonymous_read(request):
            response = self.get_response(request)
            response["X-Accel-Expires"] = "0"
            if "Cache-Control" not in response:
                patch_cache_control(response, private=True)
            return response
        redirect = _without_campaign(request)
        if redirect is not None:
            return redirect
        try:
            since = changes.current_seq()
        except DatabaseError:
            # The database does not answer (docs/security.md, "When the database freezes"):
            # what needs no data (robots.txt) is still served, kept by nobody; what needs data
            # fails on its own reads (a 503).
            response = self.get_response(request)
            response["X-Accel-Expires"] = "0"
            add_never_cache_headers(response)
            return response
        collector = tags.start(since)
        try:
            response = self.get_response(request)
        finally:
            tags.stop()
        shareable = is_shareable(request, response)
        conflict = False
        if collector.tags and (collector.pending or shareable):
            # Not found and redirects are kept seconds only: not worth a row each (junk URLs
            # would grow the index); a page published at such an address names it itself.
            if shareable and purging.enabled() and response.status_code not in SHORT:
                index.register(request.build_absolute_uri(), collector.tags)
            conflict = bool(changes.stamps_after(collector.tags, collector.since))
        # Kept only from pages that exist (junk addresses would fill the cache) and hold no
        # reader's form token, rendered with nothing changed meanwhile.
        if response.status_code == 200 and not conflict:
            if not request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
                fragments.store(collector.pending)
        if shareable and not conflict:
            _mark_shared(response)
        else:
            response["X-Accel-Expires"] = "0"  # nginx keeps nothing it may not purge
            if "Cache-Control" not in response or conflict:
                add_never_cache_headers(response)
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        allowed = getattr(view_func, "query_params", None)
        if allowed is not None and is_anonymous_read(request):
            return unknown_params_redirect(request, allowed)
        return None


@functools.cache
def _admin_prefix():
    return reverse("wagtailadmin_home")


def _mark_shared(response):
    if "Cache-Control" in response:  # the view said how long (the comments: seconds)
        age = _max_age(response["Cache-Control"])
    else:
        age = settings.DATELINE_SHARED_MAX_AGE
        if response.status_code in SHORT:
            age = min(age, settings.DATELINE_SHORT_MAX_AGE)
        cdn = {"s_maxage": age} if settings.WAGTAILFRONTENDCACHE else {}
        patch_cache_control(response, public=True, max_age=0, must_revalidate=True, **cdn)
    response["X-Accel-Expires"] = str(age)
    if response.status_code == 200 and not response.streaming and not response.has_header("ETag"):
        set_response_etag(response)  # nginx answers If-None-Match from its copy


def _max_age(cache_control):
    for part in cache_control.split(","):
        name, _, value = part.strip().partition("=")
        if name in ("s-maxage", "max-age") and value.isdigit():
            return int(value)
    return 0


def _without_campaign(request):
    """Campaign parameters alone are dropped here (nginx keys the page without them); beside
    other parameters, a redirect drops them, so they never make a new object."""
    campaign = [key for key in request.GET if key.startswith(CAMPAIGN)]
    if not campaign:
        return None
    if len(campaign) < len(request.GET):
        return _redirect(request, [k for k in request.GET if k not in campaign])
    request.GET = request.GET.copy()
    for key in campaign:
        del request.GET[key]
    request.META["QUERY_STRING"] = ""
    return None


def unknown_params_redirect(request, allowed):
    """A redirect to the same address without the query parameters the view does not read,
    or None: junk in a URL never makes a new object in the shared cache."""
    if all(key in allowed for key in request.GET):
        return None
    return _redirect(request, [key for key in request.GET if key in allowed])


def _redirect(request, keep):
    kept = [(key, value) for key in keep for value in request.GET.getlist(key)]
    response = HttpResponsePermanentRedirect(request.path + (f"?{urlencode(kept)}" if kept else ""))
    add_never_cache_headers(response)
    response["X-Accel-Expires"] = "0"
    return response


def query_params(*names):
    """Decorate a view that reads these query parameters (and no others)."""

    def decorate(view):
        view.query_params = frozenset(names)
        return view

    return decorate
