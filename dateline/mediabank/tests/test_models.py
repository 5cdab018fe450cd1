"""The photo as the photo desk describes it: credit line, licence, alt text, order."""

from datetime import timedelta

import pytest
from django.utils import timezone, translation

from dateline.mediabank.factories import PhotoFactory
from dateline.mediabank.models import Licence, Photo

# A new Photo asks the database for Wagtail's root collection.
pytestmark = pytest.mark.django_db


class TestCreditLine:
    def test_agency_and_photographer(self):
        photo = Photo(agency="Nordic Wire", photographer="Ines Varga")
        assert photo.credit_line == "© Nordic Wire / Ines Varga"

    def test_agency_only(self):
        assert Photo(agency="Nordic Wire", photographer="").credit_line == "© Nordic Wire"

    def test_blank_agency_is_the_outlet_itself(self, settings):
        settings.DATELINE_AGENCY = "Harbour Press"
        photo = Photo(agency="", photographer="Tomas Lind")
        assert photo.credit_line == "© Harbour Press / Tomas Lind"
        assert photo.agency_name == "Harbour Press"
        assert Photo(agency="", photographer="").credit_line == "© Harbour Press"


class TestDescriptions:
    def test_alt_text_prefers_the_description_then_the_caption_then_the_title(self):
        photo = Photo(title="DSC 0042", caption="Ferry at dawn.", description="A white ferry.")
        assert photo.default_alt_text == "A white ferry."
        photo.description = ""
        assert photo.default_alt_text == "Ferry at dawn."
        photo.caption = ""
        assert photo.default_alt_text == "DSC 0042"

    @pytest.mark.parametrize(
        ("licence", "url"),
        [
            (Licence.CC_BY, "https://creativecommons.org/licenses/by/4.0/"),
            (Licence.CC0, "https://creativecommons.org/publicdomain/zero/1.0/"),
            (Licence.EDITORIAL, ""),
            (Licence.RIGHTS_RESERVED, ""),
        ],
    )
    def test_licence_url(self, licence, url):
        assert Photo(licence=licence).licence_url == url

    def test_licence_defaults_to_editorial_use(self):
        assert Photo().licence == Licence.EDITORIAL


class TestPhotoRecords:
    def test_media_bank_address_follows_the_edition(self):
        photo = PhotoFactory()
        with translation.override("en"):
            assert photo.get_absolute_url() == f"/en/mediabank/{photo.pk}/"
        with translation.override("ru"):
            assert photo.get_absolute_url() == f"/ru/mediabank/{photo.pk}/"

    def test_newest_first(self):
        now = timezone.now()
        photos = [PhotoFactory() for _ in range(3)]
        for hours, photo in zip((2, 0, 1), photos, strict=True):
            Photo.objects.filter(pk=photo.pk).update(created_at=now - timedelta(hours=hours))
        ordered = list(
            Photo.objects.filter(pk__in=[p.pk for p in photos])
            .newest_first()
            .values_list("pk", flat=True)
        )
        assert ordered == [photos[1].pk, photos[2].pk, photos[0].pk]

    def test_the_factory_draws_a_real_picture(self):
        photo = PhotoFactory()
        assert (photo.width, photo.height) == (800, 533)
        assert photo.file.size > 0
