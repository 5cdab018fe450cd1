"""The media gate: /media/ answered by Dateline, so embargoed photos' files stay unreachable.

- Renditions (``images/``) are public, except those of a photo under embargo: readers get 404
  until the embargo passes; newsroom staff get them (admin thumbnails, previews), uncached.
- Originals (``original_images/``) are never public: the site only ever shows renditions, and
  an original carries the full file as uploaded. Newsroom staff may fetch them.
- Anything else under MEDIA_ROOT (e.g. documents, which Wagtail serves through its own view
  with privacy checks) is not served here.

With nginx in front, set DATELINE_MEDIA_ACCEL_REDIRECT to an ``internal`` location that maps
to MEDIA_ROOT: this view then only decides, and nginx sends the file.
"""

import posixpath

from django.conf import settings
from django.http import Http404, HttpResponse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe
from django.views.static import serve

from dateline.caching import tags

from .embargo import staff_may_see
from .models import PhotoRendition

RENDITIONS_DIR = "images/"
ORIGINALS_DIR = "original_images/"
PUBLIC_MAX_AGE = 3600


def _not_found():
    response = HttpResponse("Not found", status=404, content_type="text/plain; charset=utf-8")
    # A 404 that turns into the photo when the embargo passes must not be kept by caches.
    patch_cache_control(response, no_store=True, private=True)
    return response


def _rendition_photo(path):
    """(found, embargoed) for a rendition file: a file no rendition row names is not served."""
    rows = PhotoRendition.objects.filter(file=path).values_list("image_id", "image__embargo_until")
    for photo_id, embargo_until in rows[:1]:
        tags.add(tags.photo(photo_id))  # an embargo set later takes the file out of caches
        return True, embargo_until is not None and embargo_until > timezone.now()
    return False, False


@require_safe
def serve_media(request, path):
    path = posixpath.normpath(path).lstrip("/")
    if path.startswith("../") or path in ("", ".", ".."):
        return _not_found()
    if path.startswith(RENDITIONS_DIR):
        found, restricted = _rendition_photo(path)
        if not found:
            return _not_found()
    elif path.startswith(ORIGINALS_DIR):
        restricted = True
    else:
        return _not_found()
    if restricted and not staff_may_see(request.user):
        return _not_found()
    response = _send(request, path)
    if restricted:
        patch_cache_control(response, private=True, no_store=True)
    else:
        patch_cache_control(response, public=True, max_age=PUBLIC_MAX_AGE)
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
