from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page
from wagtail.search import index

from dateline.caching import tags
from dateline.pagination import paginate_newest

from .editions import EditionPageMixin
from .querysets import ReaderPageManager


class TopicKind(models.TextChoices):
    PERSON = "person", _("Person")
    ORGANISATION = "organisation", _("Organisation")
    PLACE = "place", _("Place")


# Headings of the groups on the topics index.
TOPIC_GROUP_LABELS = {
    TopicKind.PERSON: _("People"),
    TopicKind.ORGANISATION: _("Organisations"),
    TopicKind.PLACE: _("Places"),
}


class TopicIndexPage(EditionPageMixin, Page):
    objects = ReaderPageManager()

    parent_page_types = ["news.HomePage"]
    subpage_types = ["news.TopicPage"]
    routing_child_model = "news.TopicPage"
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("topics index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        tags.add(f"children-{self.pk}")  # a new topic is not loaded here before it exists
        topics = TopicPage.objects.child_of(self).live().public().order_by("title")
        context["topic_groups"] = [
            (TOPIC_GROUP_LABELS[kind], [t for t in topics if t.kind == kind])
            for kind in TopicKind.values
        ]
        return context


class TopicPage(EditionPageMixin, Page):
    """A person, organisation or place the news is about."""

    kind = models.CharField(_("kind"), max_length=16, choices=TopicKind.choices)
    summary = models.TextField(
        _("summary"), blank=True, help_text=_("Who or what this is, in a sentence or two.")
    )
    role = models.CharField(
        _("role"),
        max_length=200,
        blank=True,
        help_text=_("For people: their office or job, e.g. Minister of Defence."),
    )
    photo = models.ForeignKey(
        "mediabank.Photo",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    content_panels = Page.content_panels + [
        FieldPanel("kind"),
        FieldPanel("role"),
        FieldPanel("summary"),
        FieldPanel("photo"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("role"),
        index.FilterField("kind"),
    ]

    objects = ReaderPageManager()

    parent_page_types = ["news.TopicIndexPage"]
    subpage_types = []

    query_params = frozenset({"page"})

    class Meta:
        verbose_name = _("topic")

    def articles(self):
        from .article import ArticlePage

        return ArticlePage.objects.about(self)

    def listing_tags(self):
        # Articles of this edition may be linked to a translation of this topic.
        return [f"list-topic-{pk}" for pk in self.translation_pks]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        tags.add(*self.listing_tags())
        context["articles"] = paginate_newest(request, self.articles())
        return context
