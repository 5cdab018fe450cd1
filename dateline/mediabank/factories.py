"""Photo factories for tests and the demo command. Pictures are drawn with Pillow."""

import io
import random

import factory
from django.core.files.images import ImageFile
from PIL import Image, ImageDraw

from .models import Licence, Photo


def draw_picture(width=1600, height=1067, seed=0):
    """A JPEG of a simple landscape: sky gradient, sun and hills. Varied by the seed."""
    rng = random.Random(seed)
    image = Image.new("RGB", (width, height))
    draw = ImageDraw.Draw(image)
    top = (rng.randint(20, 90), rng.randint(60, 140), rng.randint(150, 230))
    bottom = (rng.randint(180, 255), rng.randint(150, 220), rng.randint(100, 200))
    for y in range(height):
        t = y / height
        draw.line(
            [(0, y), (width, y)],
            fill=tuple(int(a + (b - a) * t) for a, b in zip(top, bottom, strict=True)),
        )
    r = rng.randint(height // 14, height // 7)
    cx, cy = rng.randint(r, width - r), rng.randint(r, height // 2)
    draw.ellipse([cx - r, cy - r, cx + r, cy + r], fill=(255, rng.randint(200, 240), 150))
    for layer in range(3):
        base = height * (0.55 + 0.13 * layer)
        shade = 40 + 35 * layer
        points = [(0, height)]
        for x in range(0, width + 80, 80):
            points.append((x, base + rng.randint(-height // 10, height // 10)))
        points.append((width, height))
        draw.polygon(points, fill=(shade // 2, shade + rng.randint(0, 40), shade // 2))
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=85)
    return buffer.getvalue()


class PhotoFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Photo
        skip_postgeneration_save = True  # tagging saves through the tags manager

    title = factory.Sequence(lambda n: f"Photo {n}")
    caption = factory.Sequence(lambda n: f"A view over the harbour at dawn, number {n}.")
    photographer = "Ines Varga"
    agency = "Dateline"
    licence = Licence.EDITORIAL

    @factory.lazy_attribute_sequence
    def file(self, n):
        return ImageFile(io.BytesIO(draw_picture(800, 533, seed=n)), name=f"photo-{n}.jpg")

    @factory.post_generation
    def keywords(self, create, extracted, **kwargs):
        """PhotoFactory(keywords=["harbour", "ferry"]): the media bank's keywords are tags."""
        if create and extracted:
            self.tags.add(*extracted)
