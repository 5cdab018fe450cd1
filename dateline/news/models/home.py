from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import Orderable, Page

from dateline.caching import tags
from dateline.news import memo
from dateline.news.archives import DayArchiveMixin

from .editions import EditionPageMixin
from .querysets import ReaderPageManager

ROUTED_HOME = "routed-home"


def breaking_news_tag(language):
    """The edition's breaking news, as the home page shows it (live alerts change it)."""
    return f"breaking-{language.lower()}"


class HomePage(EditionPageMixin, DayArchiveMixin, Page):
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

    content_panels = Page.content_panels + [
        FieldPanel("tagline"),
        FieldPanel("top_story"),
        InlinePanel("pinned_stories", label=_("Pinned stories"), max_num=8),
    ]

    objects = ReaderPageManager()

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["news.SectionPage", "news.TopicIndexPage", "news.AuthorIndexPage"]
    routing_child_model = "news.SectionPage"

    class Meta:
        verbose_name = _("edition home page")

    def routed_child(self, child):
        # The masthead shows the edition's home: Wagtail's routing came through it, loaded
        # (context_processors.Edition checks it is the one it would read).
        memo.remember(ROUTED_HOME, lambda: self)
        return super().routed_child(child)

    def archive_articles(self):
        from .article import ArticlePage

        return ArticlePage.objects.published().in_edition(self.locale_id).newest_first().for_cards()

    def archive_tag(self):
        return f"list-edition-{self.locale.language_code}"

    def get_context(self, request, *args, **kwargs):
        from dateline.news.frontpage import build_front_page

        if not getattr(request, "is_preview", False):  # a draft is not what readers see
            memo.remember(ROUTED_HOME, lambda: self)
        context = super().get_context(request, *args, **kwargs)
        language = self.locale.language_code
        tags.add(f"list-edition-{language}", breaking_news_tag(language))
        context.update(build_front_page(self))
        return context


class HomePinnedStory(Orderable):
    """A story the editors keep on the front page, under the top story, in their order."""

    home = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="pinned_stories")
    article = models.ForeignKey(
        "news.ArticlePage", verbose_name=_("article"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("article")]

    class Meta(Orderable.Meta):
        verbose_name = _("pinned story")
        verbose_name_plural = _("pinned stories")
