from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page
from wagtail.search import index

from dateline.caching import tags
from dateline.pagination import paginate_newest

from .editions import EditionPageMixin
from .querysets import ReaderPageManager


class AuthorIndexPage(EditionPageMixin, Page):
    objects = ReaderPageManager()

    parent_page_types = ["news.HomePage"]
    subpage_types = ["news.AuthorPage"]
    routing_child_model = "news.AuthorPage"
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("authors index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        tags.add(f"children-{self.pk}")  # a new author is not loaded here before it exists
        context["authors"] = (
            AuthorPage.objects.child_of(self)
            .live()
            .public()
            .select_related("photo")
            .order_by("title")
        )
        return context


class AuthorPage(EditionPageMixin, Page):
    """A journalist whose byline appears on articles."""

    job_title = models.CharField(_("job title"), max_length=120, blank=True)
    bio = models.TextField(_("biography"), blank=True)
    photo = models.ForeignKey(
        "mediabank.Photo",
        verbose_name=_("portrait"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("newsroom account"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="author_pages",
    )

    content_panels = Page.content_panels + [
        FieldPanel("job_title"),
        FieldPanel("bio"),
        FieldPanel("photo"),
        FieldPanel("user"),
    ]
    search_fields = Page.search_fields + [index.SearchField("bio")]

    objects = ReaderPageManager()

    parent_page_types = ["news.AuthorIndexPage"]
    subpage_types = []

    query_params = frozenset({"page"})

    class Meta:
        verbose_name = _("author")

    def articles(self):
        from .article import ArticlePage

        return ArticlePage.objects.by(self)

    def listing_tags(self):
        # Articles of this edition may carry the byline of a translation of this page.
        return [f"list-author-{pk}" for pk in self.translation_pks]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        tags.add(*self.listing_tags())
        context["articles"] = paginate_newest(request, self.articles())
        return context
