"""Photo privacy: renditions carry the credit and nothing else of the upload's metadata; no
original reaches readers under any name; embargoed files only reach staff who may edit them."""

import io
from datetime import timedelta

import pytest
from django.core.files.images import ImageFile
from django.utils import timezone
from PIL import Image

from dateline.mediabank.factories import PhotoFactory, draw_picture
from dateline.mediabank.renditions import PUBLISHED_SPECS
from dateline.newsroom.roles import MODERATORS, PHOTO_EDITORS, setup_roles
from dateline.newsroom.tests.newsroom_world import make_user

pytestmark = pytest.mark.django_db

# What the photographer's camera and phone wrote into the file, which readers must not get.
SECRETS = {
    "make": "Camerafab Nordica",
    "model": "CF-9 Private Edition",
    "serial": "SN-0042-7781-PRIVATE",
    "owner": "Owner Halvard Priv",
    "artist": "Uploader Halvard Priv",
    "xmp": "GPSLatitude 59,54.5N private xmp",
    "comment": "shot from my flat at Kirkegata 7",
    "png_text": "Home address: Kirkegata 7",
}
EXIF_MAKE, EXIF_MODEL, EXIF_ARTIST, EXIF_COPYRIGHT = 0x010F, 0x0110, 0x013B, 0x8298
GPS_IFD, EXIF_IFD = 0x8825, 0x8769
BODY_SERIAL, CAMERA_OWNER = 0xA431, 0xA430


def private_exif():
    exif = Image.Exif()
    exif[EXIF_MAKE] = SECRETS["make"]
    exif[EXIF_MODEL] = SECRETS["model"]
    exif[EXIF_ARTIST] = SECRETS["artist"]
    gps = exif.get_ifd(GPS_IFD)
    gps[1], gps[2] = "N", (59.0, 54.0, 30.5)
    gps[3], gps[4] = "E", (10.0, 45.0, 12.25)
    camera = exif.get_ifd(EXIF_IFD)
    camera[BODY_SERIAL] = SECRETS["serial"]
    camera[CAMERA_OWNER] = SECRETS["owner"]
    return exif


def jpeg_with_secrets():
    image = Image.open(io.BytesIO(draw_picture(640, 427, seed=11)))
    buffer = io.BytesIO()
    image.save(
        buffer,
        "JPEG",
        exif=private_exif(),
        xmp=f"<x:xmpmeta>{SECRETS['xmp']}</x:xmpmeta>".encode(),
        comment=SECRETS["comment"],
    )
    return buffer.getvalue()


def png_with_secrets():
    from PIL.PngImagePlugin import PngInfo

    image = Image.open(io.BytesIO(draw_picture(400, 300, seed=12)))
    text = PngInfo()
    text.add_text("Comment", SECRETS["png_text"])
    buffer = io.BytesIO()
    image.save(buffer, "PNG", exif=private_exif(), pnginfo=text)
    return buffer.getvalue()


def photo_from(data, name, **fields):
    return PhotoFactory(
        file=ImageFile(io.BytesIO(data), name=name),
        photographer="Ines Varga",
        agency="Nordic Wire",
        **fields,
    )


def read(rendition):
    with rendition.file.open("rb") as file:
        return file.read()


def text(exif, tag):
    """An EXIF text field as written (UTF-8; Pillow reads it as Latin-1)."""
    return exif[tag].encode("latin-1").decode("utf-8")


def assert_private_fields_gone(data):
    for name, secret in SECRETS.items():
        assert secret.encode() not in data, f"{name} is still in the file"
    image = Image.open(io.BytesIO(data))
    exif = image.getexif()
    assert not exif.get_ifd(GPS_IFD), "GPS position"
    assert BODY_SERIAL not in exif.get_ifd(EXIF_IFD)
    assert EXIF_MAKE not in exif and EXIF_MODEL not in exif
    assert "xmp" not in image.info and "comment" not in image.info
    return exif


def test_the_uploads_really_carry_the_private_fields():
    for data in (jpeg_with_secrets(), png_with_secrets()):
        exif = Image.open(io.BytesIO(data)).getexif()
        assert exif.get_ifd(GPS_IFD)[2] == (59.0, 54.0, 30.5)
        assert exif.get_ifd(EXIF_IFD)[BODY_SERIAL] == SECRETS["serial"]


@pytest.mark.parametrize("upload", ["jpeg", "png"])
def test_every_rendition_keeps_the_credit_and_drops_location_and_camera(upload):
    data, name = {
        "jpeg": (jpeg_with_secrets(), "fjord.jpg"),
        "png": (png_with_secrets(), "fjord.png"),
    }[upload]
    photo = photo_from(data, name)
    # Everything readers get, and what the admin makes for itself (thumbnail, full size).
    specs = [*PUBLISHED_SPECS, "max-165x165", "original", "fill-100x100"]
    renditions = photo.get_renditions(*specs)
    for spec in specs:
        exif = assert_private_fields_gone(read(renditions[spec]))
        assert text(exif, EXIF_ARTIST) == "Ines Varga", spec
        assert text(exif, EXIF_COPYRIGHT) == "© Nordic Wire / Ines Varga", spec
    # The renditions are still the photo, at the sizes asked for.
    assert (renditions["width-320|format-jpeg"].width, renditions["original"].width) == (
        320,
        photo.width,
    )


def test_a_photo_without_photographer_is_credited_to_the_agency():
    photo = photo_from(jpeg_with_secrets(), "quay.jpg")
    photo.photographer = ""
    photo.save()
    exif = Image.open(io.BytesIO(read(photo.get_rendition("width-320|format-webp")))).getexif()
    assert (text(exif, EXIF_ARTIST), text(exif, EXIF_COPYRIGHT)) == ("Nordic Wire", "© Nordic Wire")


@pytest.fixture
def people(site):
    setup_roles()
    return make_user("photo-editor", PHOTO_EDITORS), make_user("moderator", MODERATORS)


def status(client, url):
    response = client.get(url)
    if response.streaming:
        b"".join(response)
    return response.status_code


def test_no_original_reaches_readers_under_any_name(site, client, people):
    photo_editor, moderator = people
    photo = photo_from(jpeg_with_secrets(), "ferry.jpg")
    renditions = photo.get_renditions("width-640|format-jpeg", "original", "max-165x165")
    public = renditions["width-640|format-jpeg"].url
    full_size = renditions["original"].url  # the admin's "*.original.*" copy
    thumbnail = renditions["max-165x165"].url
    assert ".original." in full_size
    urls = {"original": photo.file.url, "full size": full_size, "thumbnail": thumbnail}
    assert status(client, public) == 200
    assert {name: status(client, url) for name, url in urls.items()} == {
        "original": 404,
        "full size": 404,
        "thumbnail": 404,
    }
    client.force_login(moderator)  # the admin's thumbnails, but no original
    assert {name: status(client, url) for name, url in urls.items()} == {
        "original": 404,
        "full size": 404,
        "thumbnail": 200,
    }
    client.force_login(photo_editor)  # may edit the photo: all of it, kept by no cache
    assert {name: status(client, url) for name, url in urls.items()} == {
        "original": 200,
        "full size": 200,
        "thumbnail": 200,
    }
    assert "no-store" in client.get(photo.file.url)["Cache-Control"]


def test_embargoed_files_reach_only_staff_who_may_edit_the_photo(site, client, people):
    photo_editor, moderator = people
    photo = photo_from(
        jpeg_with_secrets(), "summit.jpg", embargo_until=timezone.now() + timedelta(hours=3)
    )
    url = photo.get_rendition("width-640|format-webp").url
    assert status(client, url) == 404
    client.force_login(moderator)
    assert status(client, url) == 404
    client.force_login(photo_editor)
    assert status(client, url) == 200


@pytest.mark.parametrize("path", ["/media/images/a%00b.jpg", "/media/%00", "/media/x%00/../y"])
def test_a_nul_byte_under_media_is_a_bad_request(site, client, path):
    assert client.get(path).status_code == 400
