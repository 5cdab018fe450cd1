"""The media gate: /media/ answered by Dateline, so readers get only what the site publishes.

- Readers get the renditions the site publishes (``renditions.PUBLISHED_SPECS``) of photos not
  under embargo, and nothing else: not the original (``original_images/``), not a full-size
  copy made in the admin (``*.original.*``), not the admin's thumbnails and previews.
- Newsroom staff also get the admin's thumbnails and previews of photos not under embargo.
- The original, full-size copies, and every file of a photo under embargo: only staff who may
  edit that photo (``embargo.may_edit``), uncached.
- Anything else under MEDIA_ROOT (e.g. documents, which Wagtail serves through its own view
  with privacy checks) is not served here. A path with a NUL byte is a bad request.

With nginx in front, set DATELINE_MEDIA_ACCEL_REDIRECT to an ``internal`` location that maps
to MEDIA_ROOT: this view then only decides, and nginx sends the file.
"""

import posixpath

from django.conf import settings
from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe
from django.views.static import serve

from dateline.caching import tags

from .embargo import may_edit, staff_may_see
from .models import Photo, PhotoRendition
from .renditions import PUBLISHED_SPECS

RENDITIONS_DIR = "images/"
ORIGINALS_DIR = "original_images/"
PUBLIC_MAX_AGE = 3600

READERS, STAFF, EDITORS = "readers", "staff", "editors"


def _not_found():
    response = HttpResponse("Not found", status=404, content_type="text/plain; charset=utf-8")
    # A 404 that turns into the photo when the embargo passes must not be kept by caches.
    patch_cache_control(response, no_store=True, private=True)
    return response


def _full_size(filter_spec):
    return "original" in filter_spec.split("|")


def _audience(path):
    """(photo, who may fetch the file) for a path, or (None, None): not a file served here."""
    if path.startswith(RENDITIONS_DIR):
        rendition = PhotoRendition.objects.filter(file=path).select_related("image").first()
        if rendition is None:
            return None, None
        photo = rendition.image
        tags.add(tags.photo(photo.pk))  # an embargo set later takes the file out of caches
        if photo.is_embargoed or _full_size(rendition.filter_spec):
            return photo, EDITORS
        return photo, READERS if rendition.filter_spec in PUBLISHED_SPECS else STAFF
    if path.startswith(ORIGINALS_DIR):
        return Photo.objects.filter(file=path).first(), EDITORS
    return None, None


def _allowed(user, photo, audience):
    if audience == READERS:
        return True
    if audience == STAFF:
        return staff_may_see(user)
    return photo is not None and may_edit(user, photo)


@require_safe
def serve_media(request, path):
    if "\x00" in path:
        return HttpResponseBadRequest("Bad path", content_type="text/plain; charset=utf-8")
    path = posixpath.normpath(path).lstrip("/")
    if path.startswith("../") or path in ("", ".", ".."):
        return _not_found()
    photo, audience = _audience(path)
    if audience is None or not _allowed(request.user, photo, audience):
        return _not_found()
    response = _send(request, path)
    if audience == READERS:
        patch_cache_control(response, public=True, max_age=PUBLIC_MAX_AGE)
    else:
        patch_cache_control(response, private=True, no_store=True)
    return response


def _send(request, path):
    accel = getattr(settings, "DATELINE_MEDIA_ACCEL_REDIRECT", "")
    if accel:
        response = HttpResponse(content_type="")
        response["X-Accel-Redirect"] = f"{accel.rstrip('/')}/{path}"
        return response
    try:
        return serve(request, path, document_root=settings.MEDIA_ROOT)
    except Http404:
        return _not_found()
