"""How a photo's renditions are made: in bounded memory, and with no private metadata.

Wagtail makes each rendition from its own decode of the original, three at a time: a 7070 x 7070
PNG (212 KB, within the 50-megapixel limit) cost ten full decodes, 17.6 s and ~900 MB more in the
worker. Here the original is decoded once per batch of renditions, one original at a time per
process, at the smallest scale every requested rendition still shrinks from (a JPEG is decoded
at that scale directly), and the renditions are cut from that working copy one by one.

The working copy carries no metadata of the upload: no EXIF (GPS position, camera serials,
owner names), no XMP, IPTC, comments or text chunks. It keeps the colour profile, and is given
a fresh EXIF block with the credit (Artist) and the copyright line from the photo's fields, which
every rendition writes (JPEG, PNG, WebP).
"""

import math
import threading
from contextlib import contextmanager
from io import BytesIO

from django.conf import settings
from PIL import Image, ImageOps
from wagtail.images.models import Filter, SourceImageIOError
from wagtail.images.rect import Rect
from willow.plugins.pillow import PillowImage

# One original decoded at a time per process: the memory a decode may take is bounded by the
# pixel limit (4 bytes a pixel), not by how many requests make renditions at once.
DECODING = threading.BoundedSemaphore(1)

# Pillow's format names as Willow names them (Wagtail picks the output format from these).
WILLOW_FORMATS = {"JPEG": "jpeg", "MPO": "jpeg", "PNG": "png", "GIF": "gif", "WEBP": "webp"}

# EXIF tags written into every rendition.
EXIF_ARTIST = 0x013B
EXIF_COPYRIGHT = 0x8298
# Colour data the renditions keep from the upload; every other info key is dropped.
KEPT_INFO = ("icc_profile", "transparency")


def max_pixels():
    return getattr(settings, "WAGTAILIMAGES_MAX_IMAGE_PIXELS", None)


def max_frames():
    return getattr(settings, "DATELINE_IMAGE_MAX_FRAMES", None)


def frame_count(image):
    return getattr(image, "n_frames", 1)


def credit_exif(photo):
    """EXIF with only the credit: Artist and Copyright, as the photo's fields say."""
    exif = Image.Exif()
    # UTF-8, as exiftool and photo desks' tools read these fields ("©", accented names);
    # Pillow would write a str as ASCII with "?" for the rest.
    exif[EXIF_ARTIST] = (photo.photographer or photo.agency_name).encode()
    exif[EXIF_COPYRIGHT] = photo.credit_line.encode()
    return exif.tobytes()


def reduction(photo, filters, size):
    """The integer factor the original may be shrunk by before every filter still shrinks
    from it (1: none): the least ratio of a filter's crop to the size it outputs."""
    ratios = []
    for spec_filter in filters:
        transform = spec_filter.get_transform(photo, size)
        rect = transform.get_rect()
        out_width, out_height = transform.size
        ratios.append(min(rect.width / max(out_width, 1), rect.height / max(out_height, 1)))
    return max(1, math.floor(min(ratios, default=1)))


class WorkingCopy:
    """The decoded, oriented, reduced and scrubbed original that renditions are cut from."""

    def __init__(self, image, format_name, scale, exif):
        self.image = image
        self.format_name = format_name
        self.scale = scale  # (x, y): working copy pixels per original pixel
        self.exif = exif

    def willow(self):
        willow = PillowImage(self.image)
        willow.format_name = self.format_name  # Filter.run picks the output format from it
        return willow


@contextmanager
def working_copy(photo, filters):
    """Decode the photo's original once for these filters (see the module's docstring)."""
    with photo.open_file() as file:
        data = file.read()
    with DECODING:
        try:
            image = Image.open(BytesIO(data))
            width, height = image.size
            limit = max_pixels()
            if limit and width * height > limit:
                raise SourceImageIOError(f"{width} x {height} is over the pixel limit")
            format_name = WILLOW_FORMATS.get(image.format, (image.format or "").lower())
            oriented = image.getexif().get(ImageOps.ExifTags.Base.Orientation, 1)
            size = (height, width) if oriented in (5, 6, 7, 8) else (width, height)
            factor = reduction(photo, filters, size)
            if factor > 1 and image.format in ("JPEG", "MPO"):
                # libjpeg decodes at 1/2, 1/4 or 1/8 scale: the full image never exists.
                image.draft(image.mode, (width // factor, height // factor))
            image.load()
        except SourceImageIOError:
            raise
        except (OSError, SyntaxError, ValueError, Image.DecompressionBombError) as error:
            raise SourceImageIOError(str(error)) from error
        kept = {key: image.info[key] for key in KEPT_INFO if key in image.info}
        ImageOps.exif_transpose(image, in_place=True)
        remaining = factor * image.width / size[0]
        if remaining >= 2:
            if image.mode not in ("L", "LA", "RGB", "RGBA", "CMYK", "I", "F"):
                image = image.convert("RGBA" if "transparency" in image.info else "RGB")
                kept.pop("transparency", None)
            image = image.reduce(int(remaining))
        image.info.clear()
        image.info.update(kept)
        exif = credit_exif(photo)
        image.info["exif"] = exif
        scale = (image.width / size[0], image.height / size[1])
        yield WorkingCopy(image, format_name, scale, exif)


class ScaledPhoto:
    """The photo as seen by a filter working on a reduced copy: its focal point scaled."""

    def __init__(self, photo, scale):
        self.photo = photo
        self.scale = scale

    def __getattr__(self, name):
        return getattr(self.photo, name)

    def get_focal_point(self):
        point = self.photo.get_focal_point()
        if point is None:
            return None
        sx, sy = self.scale
        return Rect(point.left * sx, point.top * sy, point.right * sx, point.bottom * sy)


class WorkingCopyFilter(Filter):
    """A Wagtail filter that cuts its rendition from a working copy, not the original file."""

    def __init__(self, spec, copy):
        super().__init__(spec=spec)
        self.copy = copy

    @contextmanager
    def get_willow_image(self, image, source=None):
        yield self.copy.willow()

    @property
    def filter_operations(self):
        return [*super().filter_operations, WriteCredit(self.copy.exif)]

    def run(self, image, output, source=None):
        return super().run(ScaledPhoto(image, self.copy.scale), output)


class WriteCredit:
    """The last filter operation: the credit EXIF for encoders that do not read it from the
    image's info (WebP reads Pillow's documented ``encoderinfo``; JPEG and PNG get it from
    Willow, which passes the info's EXIF on)."""

    def __init__(self, exif):
        self.exif = exif

    def run(self, willow, image, env):
        pillow_image = willow.image
        pillow_image.encoderinfo = {**getattr(pillow_image, "encoderinfo", {}), "exif": self.exif}


def limit_decoding():
    """Pillow refuses, anywhere in the process, to open an image of more than twice the upload
    pixel limit (it warns past the limit): a file that got in another way is not decoded."""
    limit = max_pixels()
    if limit:
        Image.MAX_IMAGE_PIXELS = limit
