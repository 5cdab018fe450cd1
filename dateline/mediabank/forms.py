import re
from functools import partial

from django import forms
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from PIL import Image
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm

from . import processing, tasks


class PhotoSearchForm(forms.Form):
    q = forms.CharField(
        label=_("Search photos"),
        required=False,
        max_length=200,
        widget=forms.TextInput(
            attrs={"type": "search", "placeholder": _("caption, person, place")}
        ),
    )

    def clean_q(self):
        # Search on words only: quotes and operators would reach the full-text engine's
        # query syntax (SQLite FTS5 refuses an unbalanced quote).
        return " ".join(re.findall(r"\w+", self.cleaned_data["q"]))[:200]


class PhotoFileField(WagtailImageField):
    """The upload field of the newsroom's photo forms: Wagtail's checks, and before them a
    look at the file's header that refuses, without decoding anything, more frames than
    DATELINE_IMAGE_MAX_FRAMES or more pixels across all frames than
    WAGTAILIMAGES_MAX_IMAGE_PIXELS; a file Pillow cannot read to its end (truncated,
    damaged) is refused as not an image instead of failing the request."""

    def to_python(self, data):
        if data is not None and hasattr(data, "read"):
            self.check_header(data)
        try:
            return super().to_python(data)
        except ValidationError:
            raise
        except Exception as error:  # noqa: BLE001 - whatever the decoder raises, the file is bad
            raise ValidationError(
                self.error_messages["invalid_image"], code="invalid_image"
            ) from error

    def check_header(self, data):
        limit = processing.max_pixels()
        try:
            data.seek(0)
            with Image.open(data) as image:
                width, height = image.size
                frames = processing.frame_count(image)
        except Image.DecompressionBombError:
            raise self.too_many_pixels(_("unknown number"), limit) from None
        except Exception as error:  # noqa: BLE001 - not an image Pillow can read
            raise ValidationError(
                self.error_messages["invalid_image"], code="invalid_image"
            ) from error
        finally:
            data.seek(0)
        most_frames = processing.max_frames()
        if most_frames and frames > most_frames:
            raise ValidationError(
                _("This file has too many frames (%(frames)s). Maximum frames %(max_frames)s.")
                % {"frames": frames, "max_frames": most_frames},
                code="file_too_many_frames",
            )
        if limit and width * height * frames > limit:
            raise self.too_many_pixels(width * height * frames, limit)

    def too_many_pixels(self, count, limit):
        return ValidationError(
            self.error_messages["file_too_many_pixels"]
            % {"num_pixels": count, "max_pixels_count": limit},
            code="file_too_many_pixels",
        )


class PhotoForm(BaseImageForm):
    """The base of the newsroom's photo forms (WAGTAILIMAGES_IMAGE_FORM_BASE)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Made per form, as Wagtail's field is: it reads the limits from the settings.
        if "file" in self.fields:
            field = self.fields["file"]
            self.fields["file"] = PhotoFileField(
                label=field.label, required=field.required, widget=field.widget
            )

    def save(self, commit=True):
        photo = super().save(commit=commit)
        if commit:
            # Readers find the published renditions made (tasks.py), once this is committed.
            transaction.on_commit(partial(tasks.request, photo.pk))
        return photo
