"""The renditions the site publishes, named once so templates and listing prefetches agree.

A "kind" is how a photo appears on a page (lead photo, card, square portrait). Each kind has
one filter per width and format; the picture tag renders them as <picture> sources and the
querysets prefetch exactly these specs, so a listing costs one query for all its renditions.
"""

from dataclasses import dataclass
from functools import cache

from django.db.models import Prefetch, prefetch_related_objects

from .models import RENDITION_WIDTHS

FORMATS = ("webp", "jpeg")


@dataclass(frozen=True)
class PictureKind:
    name: str
    operations: tuple  # e.g. ("width-320", "width-640")
    sizes: str

    def specs(self, fmt):
        return [f"{operation}|format-{fmt}" for operation in self.operations]

    @property
    def all_specs(self):
        return [spec for fmt in FORMATS for spec in self.specs(fmt)]


KINDS = {
    "lead": PictureKind(
        "lead",
        tuple(f"width-{w}" for w in RENDITION_WIDTHS),
        "(min-width: 72rem) 46rem, (min-width: 40rem) calc(100vw - 3rem), 100vw",
    ),
    "card": PictureKind("card", ("fill-320x213", "fill-640x427"), "(min-width: 64rem) 18rem, 45vw"),
    "portrait": PictureKind("portrait", ("fill-96x96", "fill-192x192"), "6rem"),
}

LEAD_SPECS = KINDS["lead"].all_specs
CARD_SPECS = KINDS["card"].all_specs
# Every rendition the site publishes: the only ones readers may fetch (media.py), and the ones
# made for a photo as soon as it is uploaded or first shown (tasks.py).
PUBLISHED_SPECS = tuple(spec for kind in KINDS.values() for spec in kind.all_specs)


@cache
def filters(*specs):
    """Wagtail filters for these specs, built once per process: a Filter parses its
    operations (with signature introspection) once, and a page of cards asks 160 times."""
    from wagtail.images.models import Filter

    return tuple(Filter(spec=spec) for spec in specs)


def prefetch_renditions(photos, kind):
    """Read the renditions of a kind for these photos in one query, as a listing's prefetch
    does, for photos loaded otherwise (a page's lead photo, photos joined to their pages)."""
    photos = [photo for photo in photos if photo and not hasattr(photo, "prefetched_renditions")]
    if not photos:
        return
    renditions = (
        photos[0].get_rendition_model().objects.filter(filter_spec__in=KINDS[kind].all_specs)
    )
    prefetch_related_objects(
        photos, Prefetch("renditions", queryset=renditions, to_attr="prefetched_renditions")
    )


def photos_with_renditions(photo_ids, kind):
    """{photo id: photo} for these photos, each with its renditions of a kind attached (as
    prefetch_renditions() attaches them), in one query: read from the renditions' side, each
    row bringing its photo. A photo without any of them yet is left out."""
    from .models import PhotoRendition

    photos = {}
    if not photo_ids:
        return photos
    renditions = PhotoRendition.objects.filter(
        image_id__in=photo_ids, filter_spec__in=KINDS[kind].all_specs
    ).select_related("image")
    for rendition in renditions:
        if rendition.image_id not in photos:
            photos[rendition.image_id] = rendition.image
            rendition.image.prefetched_renditions = []
        rendition.image = photos[rendition.image_id]
        rendition.image.prefetched_renditions.append(rendition)
    return photos


def load_photos(instances, field_name, kind):
    """Load the photo each instance shows in `field_name` (a foreign key to a photo) with
    its renditions of a kind: one query for all of them, where the photo and its renditions
    would take two. A photo without renditions yet (first shown) is read the usual way."""
    if not instances:
        return
    field = instances[0]._meta.get_field(field_name)
    unread = [
        obj
        for obj in instances
        if field.value_from_object(obj) is not None and not field.is_cached(obj)
    ]
    found = photos_with_renditions({field.value_from_object(obj) for obj in unread}, kind)
    for obj in unread:
        if field.value_from_object(obj) in found:
            setattr(obj, field_name, found[field.value_from_object(obj)])
    prefetch_related_objects([obj for obj in unread if not field.is_cached(obj)], field_name)
    prefetch_renditions([getattr(obj, field_name) for obj in instances], kind)
