"""Breaking-news alerts (a snippet) and live blogs (a page under a section)."""

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from dateline.news.models.editions import EditionPageMixin

from .blocks import KeyPointBlock, LiveEntryBlock


class AlertLevel(models.TextChoices):
    BREAKING = "breaking", _("Breaking news")
    URGENT = "urgent", _("Urgent")
    DEVELOPING = "developing", _("Developing story")


def validate_link(value):
    """A site path ("/en/politics/...") or an absolute http(s) URL."""
    if value.startswith("/") and not value.startswith("//"):
        return
    URLValidator(schemes=["http", "https"])(value)


class AlertQuerySet(models.QuerySet):
    def active(self):
        return self.filter(active=True)

    def for_language(self, language):
        return self.filter(locale__language_code=language)

    def newest_first(self):
        return self.order_by("-created_at", "-pk")


class Alert(models.Model):
    """A breaking-news banner shown on every page of one edition while it is active."""

    headline = models.CharField(_("headline"), max_length=200)
    link = models.CharField(
        _("link"),
        max_length=500,
        blank=True,
        validators=[validate_link],
        help_text=_("The story to read: a path on this site (/en/...) or a full URL."),
    )
    level = models.CharField(
        _("level"), max_length=20, choices=AlertLevel.choices, default=AlertLevel.BREAKING
    )
    locale = models.ForeignKey(
        "wagtailcore.Locale",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("edition"),
    )
    active = models.BooleanField(
        _("active"), default=True, help_text=_("Untick to retire the alert from the site.")
    )
    created_at = models.DateTimeField(_("raised at"), default=timezone.now, editable=False)
    retired_at = models.DateTimeField(_("retired at"), null=True, blank=True, editable=False)

    objects = AlertQuerySet.as_manager()

    panels = [FieldPanel("headline"), FieldPanel("link"), FieldPanel("level")]
    panels += [FieldPanel("locale"), FieldPanel("active")]

    class Meta:
        verbose_name = _("breaking-news alert")
        verbose_name_plural = _("breaking-news alerts")
        indexes = [models.Index(fields=["locale", "active", "-created_at"])]

    def __str__(self):
        return self.headline

    def clean(self):
        super().clean()
        if self.link:
            try:
                validate_link(self.link)
            except ValidationError as error:
                raise ValidationError({"link": error.messages}) from error
        self.retired_at = None if self.active else (self.retired_at or timezone.now())


class LiveBlogPage(EditionPageMixin, Page):
    """A running story: a summary, pinned key points and timestamped entries, newest first."""

    summary = models.TextField(_("summary"), help_text=_("What is happening, in two sentences."))
    key_points = StreamField([("point", KeyPointBlock())], blank=True, verbose_name=_("key points"))
    entries = StreamField([("entry", LiveEntryBlock())], blank=True, verbose_name=_("entries"))
    coverage_ended = models.BooleanField(
        _("coverage ended"), default=False, help_text=_("Tick when the live coverage is over.")
    )

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("key_points"),
        FieldPanel("entries"),
        FieldPanel("coverage_ended"),
    ]
    search_fields = Page.search_fields + [index.SearchField("summary")]

    parent_page_types = ["news.SectionPage"]
    subpage_types = []
    template = "live/live_blog_page.html"

    class Meta:
        verbose_name = _("live blog")

    def clean(self):
        super().clean()
        # An entry without a time gets the time it was first saved.
        now = timezone.now().replace(microsecond=0)
        for entry in self.entries:
            if not entry.value.get("time"):
                entry.value["time"] = now

    def sorted_entries(self):
        """The entries, newest first (the editor may add them anywhere in the list)."""
        epoch = timezone.now().replace(year=1970)
        return sorted(self.entries, key=lambda e: e.value.get("time") or epoch, reverse=True)

    @property
    def section(self):
        return self.get_parent().specific

    def get_context(self, request, *args, **kwargs):
        from .stream import blog_channel, rendered_last_id, stream_url
        from .structured_data import live_blog_structured_data

        # First: entries published while this renders are replayed to the reader.
        last_id = rendered_last_id(blog_channel(self.pk))
        context = super().get_context(request, *args, **kwargs)
        context["live_last_id"] = last_id
        context["section"] = self.section
        context["entries"] = self.sorted_entries()
        context["structured_data"] = live_blog_structured_data(self, request)
        context["live_stream"] = stream_url(blog_channel(self.pk))
        return context


class LiveBlogState(models.Model):
    """What readers' open copies of a live blog were last sent, to push only the changes."""

    page = models.OneToOneField(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="+", primary_key=True
    )
    entries = models.JSONField(default=dict)
    header = models.CharField(max_length=64, blank=True)

    def __str__(self):
        return f"live blog {self.page_id}"
