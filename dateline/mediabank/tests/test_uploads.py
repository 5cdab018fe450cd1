"""Uploads through the newsroom: only real images within the limits get into the media bank."""

import io
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image
from wagtail.models import Collection

from dateline.conftest import soup
from dateline.mediabank.factories import draw_picture
from dateline.mediabank.models import Photo

ADD_URL = "/admin/images/add/"
MULTIPLE_ADD_URL = "/admin/images/multiple/add/"


def jpeg(width=320, height=213, name="harbour.jpg"):
    return SimpleUploadedFile(name, draw_picture(width, height, seed=3), "image/jpeg")


@pytest.fixture(scope="session")
def bomb_png():
    """A PNG that declares 20000 x 20000 pixels (400 megapixels) in about 50 kB."""
    buffer = io.BytesIO()
    Image.new("1", (20000, 20000)).save(buffer, "PNG")
    assert len(buffer.getvalue()) < 100_000
    return buffer.getvalue()


def form_data(upload, **overrides):
    data = {
        "title": "Harbour at dawn",
        "file": upload,
        "caption": "Boats in the harbour at dawn.",
        "description": "",
        "agency": "Nordic Wire",
        "photographer": "Ines Varga",
        "date_taken": "2025-11-04",
        "licence": "editorial",
        "collection": Collection.get_first_root_node().pk,
        "tags": "",
        "focal_point_x": "",
        "focal_point_y": "",
        "focal_point_width": "",
        "focal_point_height": "",
    }
    data.update(overrides)
    return data


def assert_refused(response, before, expected_fragment):
    assert response.status_code == 200
    assert Photo.objects.count() == before
    errors = response.context["form"].errors
    assert "file" in errors
    message = " ".join(errors["file"])
    assert expected_fragment.lower() in message.lower(), message
    # The editor sees the reason on the page, next to the form they filled in.
    page = soup(response)
    shown = page.find(string=lambda text: expected_fragment.lower() in text.lower())
    assert shown is not None
    assert page.find("input", attrs={"name": "title"})["value"] == "Harbour at dawn"


class TestAdminUpload:
    def test_a_jpeg_is_accepted_with_its_description(self, site, admin_client):
        before = Photo.objects.count()
        response = admin_client.post(ADD_URL, form_data(jpeg()))
        assert response.status_code == 302
        assert Photo.objects.count() == before + 1
        photo = Photo.objects.get(title="Harbour at dawn")
        assert (photo.width, photo.height) == (320, 213)
        assert photo.credit_line == "© Nordic Wire / Ines Varga"
        assert photo.caption == "Boats in the harbour at dawn."
        assert str(photo.date_taken) == "2025-11-04"
        assert admin_client.get(photo.get_absolute_url()).status_code == 200

    def test_a_text_file_named_jpg_is_refused(self, site, admin_client):
        before = Photo.objects.count()
        fake = SimpleUploadedFile("photo.jpg", b"Not a picture at all.\n" * 50, "image/jpeg")
        response = admin_client.post(ADD_URL, form_data(fake))
        assert_refused(response, before, "image")

    def test_a_png_named_jpg_is_refused(self, site, admin_client):
        before = Photo.objects.count()
        buffer = io.BytesIO()
        Image.new("RGB", (40, 30), "navy").save(buffer, "PNG")
        disguised = SimpleUploadedFile("photo.jpg", buffer.getvalue(), "image/jpeg")
        response = admin_client.post(ADD_URL, form_data(disguised))
        assert_refused(response, before, "extension does not match")

    def test_an_unsupported_extension_is_refused(self, site, admin_client):
        before = Photo.objects.count()
        buffer = io.BytesIO()
        Image.new("RGB", (40, 30), "navy").save(buffer, "TIFF")
        upload = SimpleUploadedFile("photo.tiff", buffer.getvalue(), "image/tiff")
        response = admin_client.post(ADD_URL, form_data(upload))
        assert_refused(response, before, "supported")

    def test_a_file_over_the_size_limit_is_refused(self, site, admin_client, settings):
        upload = jpeg()
        settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = upload.size - 1
        before = Photo.objects.count()
        response = admin_client.post(ADD_URL, form_data(upload))
        assert_refused(response, before, "too big")

    def test_an_image_over_the_pixel_limit_is_refused(self, site, admin_client, settings):
        settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS = 320 * 213 - 1
        before = Photo.objects.count()
        response = admin_client.post(ADD_URL, form_data(jpeg()))
        assert_refused(response, before, "too many pixels")

    def test_the_default_limits_are_25_megabytes_and_50_megapixels(self, settings):
        assert settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE == 25 * 1024 * 1024
        assert settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS == 50_000_000

    def test_a_decompression_bomb_is_refused(self, site, admin_client, bomb_png):
        before = Photo.objects.count()
        upload = SimpleUploadedFile("bomb.png", bomb_png, "image/png")
        response = admin_client.post(ADD_URL, form_data(upload))
        assert_refused(response, before, "too many pixels")

    def test_a_bomb_within_the_byte_limit_is_refused_even_without_a_pixel_limit(
        self, site, admin_client, bomb_png, settings
    ):
        settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS = None
        before = Photo.objects.count()
        upload = SimpleUploadedFile("bomb.png", bomb_png, "image/png")
        response = admin_client.post(ADD_URL, form_data(upload))
        assert_refused(response, before, "too many pixels")

    def test_readers_cannot_upload(self, site, client):
        before = Photo.objects.count()
        response = client.post(ADD_URL, form_data(jpeg()))
        assert response.status_code == 302
        assert response["Location"].startswith("/admin/login/")
        assert Photo.objects.count() == before


class TestMultipleUpload:
    """The newsroom's drag-and-drop uploader applies the same checks."""

    def _upload(self, client, upload):
        collection = Collection.get_first_root_node().pk
        response = client.post(MULTIPLE_ADD_URL, {"files[]": upload, "collection": collection})
        assert response.status_code == 200
        return json.loads(response.content)

    def test_a_jpeg_is_accepted(self, site, admin_client):
        result = self._upload(admin_client, jpeg(name="pier.jpg"))
        assert result["success"] is True
        # Either the photo exists, or the upload waits for its required metadata.
        assert result.get("image_id") or result.get("uploaded_file_id")
        assert "error_message" not in result

    @pytest.mark.parametrize("kind", ["text", "bomb"])
    def test_a_bad_file_is_refused_with_a_message(self, site, admin_client, bomb_png, kind):
        upload = {
            "text": SimpleUploadedFile("photo.jpg", b"plain text " * 100, "image/jpeg"),
            "bomb": SimpleUploadedFile("bomb.png", bomb_png, "image/png"),
        }[kind]
        before = Photo.objects.count()
        result = self._upload(admin_client, upload)
        assert result["success"] is False
        assert result["error_message"]
        assert Photo.objects.count() == before
