from django.conf import settings
from django.db import models
from django.templatetags.static import static
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.images.models import AbstractImage, AbstractRendition, Filter, ImageQuerySet
from wagtail.search import index

from .embargo import rendering_for_readers

# Widths every photo is published at; the largest is the "1920 px rendition" of the model page.
RENDITION_WIDTHS = (320, 640, 960, 1280, 1920)


class Licence(models.TextChoices):
    EDITORIAL = "editorial", _("Editorial use only")
    RIGHTS_RESERVED = "rights-reserved", _("All rights reserved")
    CC_BY = "cc-by-4.0", _("Creative Commons Attribution 4.0")
    CC_BY_SA = "cc-by-sa-4.0", _("Creative Commons Attribution-ShareAlike 4.0")
    CC0 = "cc0-1.0", _("Public domain (CC0 1.0)")


LICENCE_URLS = {
    Licence.CC_BY: "https://creativecommons.org/licenses/by/4.0/",
    Licence.CC_BY_SA: "https://creativecommons.org/licenses/by-sa/4.0/",
    Licence.CC0: "https://creativecommons.org/publicdomain/zero/1.0/",
}


class PhotoQuerySet(ImageQuerySet):
    def public(self, now=None):
        """Photos readers may see: none still under embargo."""
        now = now or timezone.now()
        return self.filter(models.Q(embargo_until__isnull=True) | models.Q(embargo_until__lte=now))

    def newest_first(self):
        return self.order_by("-created_at", "-pk")

    def embargo_due(self, now=None):
        """Photos whose embargo has passed and whose release was not announced yet."""
        now = now or timezone.now()
        return self.filter(embargo_lifted=False, embargo_until__lte=now)


class Photo(AbstractImage):
    """A photo in the media bank, described the way a photo desk describes it."""

    caption = models.CharField(
        _("caption"),
        max_length=300,
        blank=True,
        help_text=_("One or two sentences: who, what, where. Shown under the photo."),
    )
    agency = models.CharField(
        _("agency"),
        max_length=120,
        blank=True,
        help_text=_("The agency or publisher that owns the photo. Defaults to ours."),
    )
    photographer = models.CharField(_("photographer"), max_length=120, blank=True)
    date_taken = models.DateField(_("date taken"), null=True, blank=True)
    # Optional in forms so the admin's drag-and-drop uploader (title and file only) files the
    # photo at once; a photo saved without a licence is filed as editorial use only.
    licence = models.CharField(
        _("licence"),
        max_length=32,
        choices=Licence.choices,
        default=Licence.EDITORIAL,
        blank=True,
    )

    embargo_until = models.DateTimeField(
        _("embargoed until"),
        null=True,
        blank=True,
        help_text=_(
            "Hidden from readers before this time: the media bank, pages that use it and its files."
        ),
    )
    # Set by the scheduler once it announced that the embargo passed (pages showing the
    # photo refresh once); a new embargo in the future clears it.
    embargo_lifted = models.BooleanField(default=False, editable=False)

    admin_form_fields = (
        "title",
        "file",
        "caption",
        "description",
        "agency",
        "photographer",
        "date_taken",
        "licence",
        "embargo_until",
        "collection",
        "tags",
        "focal_point_x",
        "focal_point_y",
        "focal_point_width",
        "focal_point_height",
    )

    search_fields = AbstractImage.search_fields + [
        index.SearchField("caption"),
        index.SearchField("photographer"),
        index.SearchField("agency"),
        index.AutocompleteField("caption"),
        index.FilterField("date_taken"),
        index.FilterField("created_at"),
        index.FilterField("embargo_until"),
    ]

    objects = PhotoQuerySet.as_manager()

    class Meta(AbstractImage.Meta):
        verbose_name = _("photo")
        verbose_name_plural = _("photos")
        permissions = [("choose_image", "Can choose image")]
        indexes = [
            models.Index(fields=["-created_at", "-id"], name="mediabank_photo_newest"),
            models.Index(
                fields=["embargo_lifted", "embargo_until"], name="mediabank_photo_embargo"
            ),
        ]

    def __bool__(self):
        # An embargoed photo is "no photo" for readers: every {% if photo %} guard drops it
        # with its caption and credit (see embargo.py). The newsroom sees it as usual.
        return not (rendering_for_readers() and self.is_embargoed)

    def save(self, *args, **kwargs):
        if not self.licence:
            self.licence = Licence.EDITORIAL
        if self.is_embargoed:
            self.embargo_lifted = False
            update_fields = kwargs.get("update_fields")
            if update_fields is not None:
                kwargs["update_fields"] = {*update_fields, "embargo_lifted"}
        super().save(*args, **kwargs)

    @property
    def is_embargoed(self):
        return self.embargo_until is not None and self.embargo_until > timezone.now()

    @property
    def agency_name(self):
        return self.agency or settings.DATELINE_AGENCY

    @property
    def credit_line(self):
        """The credit as the model page prints it: "© Agency / Photographer"."""
        if self.photographer:
            return f"© {self.agency_name} / {self.photographer}"
        return f"© {self.agency_name}"

    @property
    def default_alt_text(self):
        return self.description or self.caption or self.title

    @property
    def licence_url(self):
        return LICENCE_URLS.get(self.licence, "")

    def get_absolute_url(self):
        return reverse("mediabank:photo", kwargs={"pk": self.pk})

    # Renditions (processing.py, tasks.py): a reader's request never makes one; the newsroom's
    # requests make them from one decode of the original, stripped of private metadata.

    def get_rendition(self, filter):
        if rendering_for_readers():
            spec = filter.spec if isinstance(filter, Filter) else filter
            return self.get_renditions(spec)[spec]
        return super().get_rendition(filter)

    def create_rendition(self, filter):
        if rendering_for_readers():
            return self.pending_renditions(filter)[filter]
        return super().create_rendition(filter)

    def create_renditions(self, *filters):
        if not filters:
            return {}
        if rendering_for_readers():
            return self.pending_renditions(*filters)
        from .processing import WorkingCopyFilter, working_copy

        made = {}
        with working_copy(self, filters) as copy:
            for spec_filter in filters:
                made[spec_filter] = super().create_rendition(
                    WorkingCopyFilter(spec_filter.spec, copy)
                )
        return made

    def generate_rendition_file(self, filter, *, source=None):
        from .processing import WorkingCopyFilter, working_copy

        if isinstance(filter, WorkingCopyFilter):
            return super().generate_rendition_file(filter)
        with working_copy(self, [filter]) as copy:
            return super().generate_rendition_file(WorkingCopyFilter(filter.spec, copy))

    def pending_renditions(self, *filters):
        """Placeholders for renditions not made yet, the photo queued for the background."""
        from . import tasks

        tasks.request(self.pk, [f.spec for f in filters])
        return {f: PendingRendition(self, f) for f in filters}


class PhotoRendition(AbstractRendition):
    image = models.ForeignKey(Photo, related_name="renditions", on_delete=models.CASCADE)

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)
        # The media gate finds a requested file's photo by its name (media.py).
        indexes = [models.Index(fields=["file"], name="mediabank_rendition_file")]

    def __setstate__(self, state):
        super().__setstate__(state)
        # Unpickled: read from the renditions cache. Wagtail marks renditions it found among
        # prefetched ones, not those it read from the cache, and wrote these back to the
        # cache on every get_renditions() (a Redis write per picture per render).
        self._from_cache = True


class PendingFile:
    """The file of a pending rendition: none yet (a feed's enclosure reads its size)."""

    name = ""
    size = 0


class PendingRendition:
    """Stands in for a rendition readers asked for before it was made (tasks.py): the size
    the rendition will have and a neutral placeholder picture. Not a model: never saved, and
    Wagtail's rendition cache skips it (as it skips what it read from the cache)."""

    PLACEHOLDER = "mediabank/pending.svg"

    def __init__(self, photo, spec_filter):
        self.image = photo
        self.filter_spec = spec_filter.spec
        self.focal_point_key = spec_filter.get_cache_key(photo)
        self.width, self.height = spec_filter.get_transform(photo).size
        self.file = PendingFile()
        self._from_cache = True

    @property
    def url(self):
        return static(self.PLACEHOLDER)

    # The rest of a rendition's reading interface, as Wagtail defines it.
    alt = AbstractRendition.alt
    attrs = AbstractRendition.attrs
    attrs_dict = AbstractRendition.attrs_dict
    full_url = AbstractRendition.full_url
    img_tag = AbstractRendition.img_tag
    __html__ = AbstractRendition.__html__
