from functools import cache, cached_property, partial

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from dateline.caching import tags
from dateline.mediabank.renditions import load_photos
from dateline.news.blocks import ArticleBodyBlock
from dateline.news.forms import ArticlePageForm

from .editions import EditionPageMixin, active_locale, og_locale
from .querysets import ArticleManager
from .section import SectionPage

# What a byline or a topic chip shows of a page: its title, linked (if live) to its address.
# Read alone: a page's other columns cost a third of the query for nothing.
LINK_FIELDS = ("title", "url_path", "live")


class ArticlePage(EditionPageMixin, Page):
    """A news article: the model page of the product brief."""

    standfirst = models.TextField(
        _("standfirst"),
        max_length=600,
        help_text=_("The lead: one or two sentences that set the context and date the news."),
    )
    dateline_place = models.CharField(
        _("dateline"),
        max_length=80,
        blank=True,
        help_text=_("Where the story was filed from, e.g. PORT HALVERN."),
    )
    lead_photo = models.ForeignKey(
        "mediabank.Photo",
        verbose_name=_("lead photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="lead_of_articles",
    )
    lead_photo_caption = models.CharField(
        _("lead photo caption"),
        max_length=300,
        blank=True,
        help_text=_("Leave blank to use the caption from the media bank."),
    )
    body = StreamField(ArticleBodyBlock(), verbose_name=_("body"))
    topics = ParentalManyToManyField(
        "news.TopicPage",
        verbose_name=_("topics"),
        blank=True,
        related_name="tagged_articles",
        help_text=_("People, organisations and places the story is about."),
    )
    # Copies of the tree position and of Wagtail's first_published_at, kept on this table so
    # that every listing is one index range scan, whatever the size of the archive.
    section = models.ForeignKey(
        "news.SectionPage",
        verbose_name=_("section"),
        null=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    published_at = models.DateTimeField(_("published at"), null=True, editable=False)
    updated_at = models.DateTimeField(
        _("updated at"),
        null=True,
        blank=True,
        help_text=_("Set when the story changed in substance; shown to readers as Updated."),
    )

    content_panels = [
        FieldPanel("title", heading=_("Headline")),
        FieldPanel("standfirst"),
        FieldPanel("dateline_place"),
        InlinePanel("article_authors", label=_("Authors"), min_num=1),
        MultiFieldPanel(
            [FieldPanel("lead_photo"), FieldPanel("lead_photo_caption")], heading=_("Lead photo")
        ),
        FieldPanel("body"),
        FieldPanel("topics"),
        MultiFieldPanel(
            [FieldPanel("substantive_update"), InlinePanel("corrections", label=_("Notes"))],
            heading=_("Corrections and updates"),
        ),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("standfirst"),
        index.SearchField("body"),
        index.FilterField("first_published_at"),
    ]

    parent_page_types = ["news.SectionPage"]
    subpage_types = []

    objects = ArticleManager()

    @property
    def query_params(self):
        from dateline.news.extensions import article_query_params

        return article_query_params()

    base_form_class = ArticlePageForm

    class Meta:
        verbose_name = _("article")
        # Reader listings sort on (published_at, key), newest first: with the key in the index
        # a page's keys are read from the index alone, however deep the page.
        indexes = [
            models.Index(
                fields=["section", "-published_at", "-page_ptr"],
                name="news_article_section_newest",
            ),
            models.Index(fields=["-published_at", "-page_ptr"], name="news_article_newest"),
        ]

    def save(self, *args, **kwargs):
        self.sync_listing_fields()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            kwargs["update_fields"] = {*update_fields, "section", "published_at"}
        return super().save(*args, **kwargs)

    def sync_listing_fields(self):
        self.published_at = self.first_published_at
        parent_path = self.path[: -self.steplen] if self.path else ""
        if parent_path and (self.section_id is None or self.section.path != parent_path):
            self.section = SectionPage.objects.filter(path=parent_path).first()

    @property
    def og_locale(self):
        """The page's language as Open Graph names it (ru_RU)."""
        return og_locale(self.language_code)

    @cached_property
    def language_code(self):
        """The page's language: no query when it is the edition's (looked up once per request)."""
        active = active_locale()
        return active.language_code if active.pk == self.locale_id else self.locale.language_code

    @cached_property
    def shown_lead_photo(self):
        """The lead photo with its renditions, read once for the picture, share image and
        structured data (falsy when there is none or it is under embargo)."""
        load_photos([self], "lead_photo", "lead")
        return self.lead_photo

    @property
    def lead_caption(self):
        if self.lead_photo_caption:
            return self.lead_photo_caption
        return self.lead_photo.caption if self.lead_photo else ""

    @property
    def display_updated_at(self):
        """The Updated time shown to readers, only when it says something."""
        if (
            self.updated_at
            and self.first_published_at
            and self.updated_at > self.first_published_at
        ):
            return self.updated_at
        return None

    @cached_property
    def correction_notes(self):
        return sorted(self.corrections.all(), key=lambda note: (note.noted_at, note.pk or 0))

    @cached_property
    def byline_authors(self):
        links = self.article_authors.select_related("author").only(
            "article", "author", *(f"author__{name}" for name in LINK_FIELDS)
        )
        return [link.author for link in links if link.author.live]

    @cached_property
    def published_topics(self):
        return [topic for topic in self.topics.only(*LINK_FIELDS) if topic.live]

    def get_context(self, request, *args, **kwargs):
        from dateline.news.structured_data import article_structured_data, largest_rendition

        def share_image():
            rendition = largest_rendition(self.shown_lead_photo)
            if rendition is None:
                return None
            return {
                "url": request.build_absolute_uri(rendition.url),
                "width": rendition.width,
                "height": rendition.height,
            }

        context = super().get_context(request, *args, **kwargs)
        context["section"] = self.section
        # Shown in the kicker; routing hands it over already loaded, so it is tagged here.
        tags.add(tags.page(self.section_id))
        # Computed when the template asks: a render often finds them in kept fragments.
        context["structured_data"] = cache(partial(article_structured_data, self, request))
        context["share_image"] = cache(share_image)
        return context


class ArticleAuthor(Orderable):
    """A byline: the order of authors matters, so it is not a plain many-to-many."""

    article = ParentalKey(ArticlePage, on_delete=models.CASCADE, related_name="article_authors")
    author = models.ForeignKey(
        "news.AuthorPage", verbose_name=_("author"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("author")]

    class Meta(Orderable.Meta):
        verbose_name = _("author")
        indexes = [models.Index(fields=["author", "article"], name="news_byline_author")]


class CorrectionKind(models.TextChoices):
    CORRECTION = "correction", _("Correction")
    CLARIFICATION = "clarification", _("Clarification")
    UPDATE = "update", _("Update")


class ArticleCorrection(Orderable):
    """A note to readers at the end of the article: what was corrected, clarified or updated."""

    article = ParentalKey(ArticlePage, on_delete=models.CASCADE, related_name="corrections")
    kind = models.CharField(
        _("kind"), max_length=16, choices=CorrectionKind.choices, default=CorrectionKind.CORRECTION
    )
    text = models.TextField(_("text"), max_length=1000)
    noted_at = models.DateTimeField(_("time"), default=timezone.now)

    panels = [FieldPanel("kind"), FieldPanel("text"), FieldPanel("noted_at")]

    class Meta(Orderable.Meta):
        verbose_name = _("correction or update")
        verbose_name_plural = _("corrections and updates")
