"""The painted media bank: real pictures with a photo desk's description."""

import io

import pytest
from PIL import Image

from dateline.demo import photos
from dateline.demo.painting import SCENES, paint
from dateline.mediabank.renditions import KINDS


@pytest.mark.parametrize("scene", [*SCENES, "portrait"])
def test_scenes_are_pictures_not_flat_colours(scene):
    image = Image.open(io.BytesIO(paint(scene, "dusk", seed=3, size=(480, 320))))
    assert image.format == "JPEG" and image.size == (480, 320)
    small = image.convert("RGB").resize((96, 64))
    assert len(set(small.get_flattened_data())) > 300
    # Different seeds paint different pictures.
    other = Image.open(io.BytesIO(paint(scene, "dusk", seed=4, size=(480, 320))))
    assert list(other.convert("RGB").resize((24, 16)).get_flattened_data()) != list(
        image.convert("RGB").resize((24, 16)).get_flattened_data()
    )


def test_the_catalogue_describes_every_photo():
    catalogue = photos.catalogue(2026)
    assert len(catalogue) >= 40
    assert len({spec.title for spec in catalogue}) == len(catalogue)
    assert len({spec.scene for spec in catalogue}) >= 10
    assert len({spec.time for spec in catalogue}) >= 5
    assert {spec.agency for spec in catalogue} >= {"Dateline", "Sarmel Pictures"}
    for spec in catalogue:
        assert spec.caption.en and spec.caption.ru and spec.photographer and spec.keywords


@pytest.mark.django_db
def test_a_demo_photo_is_published_at_1920_pixels(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    spec = photos.catalogue(2026)[0]
    photo = photos.create_photo(spec, today=__import__("datetime").date(2026, 11, 20))
    assert (photo.width, photo.height) == (1920, 1280)
    assert photo.credit_line == f"© {spec.agency} / {spec.photographer}"
    assert set(photo.tags.names()) == set(spec.keywords)
    assert photo.date_taken and photo.caption == spec.caption.en
    widest = photo.get_rendition(KINDS["lead"].specs("jpeg")[-1])
    assert widest.width == 1920
    assert Image.open(photo.file.path).getexif()[0x013B] == spec.photographer
