from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

from .editions import EditionPageMixin
from .querysets import ReaderPageManager


class HomePage(EditionPageMixin, Page):
    """The front page of one edition (one per language)."""

    tagline = models.CharField(
        _("tagline"),
        max_length=200,
        blank=True,
        help_text=_("Shown under the outlet's name, e.g. what the outlet covers."),
    )
    top_story = models.ForeignKey(
        "news.ArticlePage",
        verbose_name=_("top story"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Leave empty to lead with the latest article."),
    )

    content_panels = Page.content_panels + [FieldPanel("tagline"), FieldPanel("top_story")]

    objects = ReaderPageManager()

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["news.SectionPage", "news.TopicIndexPage", "news.AuthorIndexPage"]

    class Meta:
        verbose_name = _("edition home page")

    def get_context(self, request, *args, **kwargs):
        from dateline.news.frontpage import build_front_page

        context = super().get_context(request, *args, **kwargs)
        context.update(build_front_page(self))
        return context
