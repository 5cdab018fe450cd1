"""Renditions read from the cache are not written back to it on every render."""

from unittest import mock

import pytest
from wagtail.images.models import Filter

from dateline.mediabank.models import Photo, PhotoRendition

pytestmark = pytest.mark.django_db


def test_renditions_read_from_the_cache_are_not_written_back(site):
    photo = Photo.objects.get(pk=site.lead_photo.pk)
    specs = ["width-320", "width-640"]
    photo.get_renditions(*specs)  # in the cache now
    again = Photo.objects.get(pk=photo.pk)
    backend = PhotoRendition.cache_backend
    with mock.patch.object(backend, "set_many", wraps=backend.set_many) as written:
        renditions = again.get_renditions(*specs)
    assert written.call_count == 0
    assert {r.filter_spec for r in renditions.values()} == set(specs)
    assert renditions["width-320"].url == photo.get_rendition(Filter("width-320")).url
