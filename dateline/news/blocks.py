"""The blocks an article body is made of, as the newsroom's structured editor offers them."""

from django.core.exceptions import ValidationError
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

from dateline.mediabank.renditions import load_photos, prefetch_renditions

PARAGRAPH_FEATURES = ["bold", "italic", "link"]


def readable_translations(queryset, pages):
    """{page.pk: editions.readable_translation(queryset, page)} for many pages, in one query."""
    from dateline.news.models.editions import active_locale

    pages = [page for page in pages if page is not None]
    if not pages:
        return {}
    active = active_locale()
    found = queryset.filter(
        translation_key__in={page.translation_key for page in pages},
        locale_id__in={active.pk, *(page.locale_id for page in pages)},
    ).order_by()  # picked by key below: no sort to compile or run
    candidates = {
        (candidate.translation_key, candidate.locale_id): candidate for candidate in found
    }
    return {
        page.pk: candidates.get((page.translation_key, active.pk))
        or candidates.get((page.translation_key, page.locale_id))
        for page in pages
    }


def readable_as_is(page):
    """Whether readers of the edition being read see this very page where it is chosen:
    live, public and of that edition (what readable_translations would find for it)."""
    from dateline.news.models.editions import active_locale
    from dateline.news.models.querysets import restricted_pages

    return (
        page.live
        and page.locale_id == active_locale().pk
        and not any(page.path.startswith(private.path) for private in restricted_pages())
    )


class Batch:
    """The values of a stream's blocks of one type, converted together by the stream.

    What rendering them needs is looked up once for all of them, when the first renders: an
    article with five related stories or photos costs the queries of one.
    """

    def __init__(self, values):
        self.values = values
        self.found = {}

    def once(self, name, look_up):
        if name not in self.found:
            self.found[name] = look_up(self.values)
        return self.found[name]


class RenderedInBatches:
    """A struct block whose values know their batch (see Batch)."""

    def bulk_to_python(self, values):
        struct_values = super().bulk_to_python(values)
        batch = Batch(struct_values)
        for value in struct_values:
            value.batch = batch
        return struct_values

    def batch_of(self, value):
        # A value converted on its own (a preview, a form, a test) is a batch of one.
        return getattr(value, "batch", None) or Batch([value])


class ChoosesPage(RenderedInBatches):
    """A struct block that shows the page chosen in its `chosen` field, as readers may see it.

    Subclasses say what readers may see (`readable_pages()`).
    """

    chosen = None

    def readable_pages(self):
        raise NotImplementedError

    def shown_pages(self, chosen):
        """{chosen page's key: the page readers see in its place, or None}."""
        chosen = [page for page in chosen if page is not None]
        if all(readable_as_is(page) for page in chosen):
            return {page.pk: page for page in chosen}  # the usual case: no query
        return readable_translations(self.readable_pages(), chosen)

    def shown_page(self, value):
        page = value.get(self.chosen)
        if page is None:
            return None
        # Per edition: the pages readers see depend on the language being read.
        shown = self.batch_of(value).once(
            ("shown", translation.get_language()),
            lambda values: self.shown_pages([v.get(self.chosen) for v in values]),
        )
        return shown.get(page.pk)


class SubheadingBlock(blocks.CharBlock):
    class Meta:
        icon = "title"
        label = _("Subheading")
        template = "news/blocks/subheading.html"


class QuoteBlock(ChoosesPage, blocks.StructBlock):
    chosen = "speaker"

    text = blocks.TextBlock(label=_("Quote"), help_text=_("The words as spoken, without quotes."))
    speaker = blocks.PageChooserBlock(
        page_type="news.TopicPage",
        label=_("Speaker"),
        help_text=_("A person from the topics. Add them there first if they are new."),
    )
    circumstance = blocks.CharBlock(
        label=_("Circumstance"),
        required=False,
        max_length=200,
        help_text=_(
            'Where and when it was said, e.g. "in an interview with a weekly on Thursday".'
        ),
    )

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "news/blocks/quote.html"

    def readable_pages(self):
        from dateline.news.models import TopicPage

        return TopicPage.objects.live().public()

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        # Link the speaker only to a topic page readers may open, in their edition.
        context["speaker_page"] = self.shown_page(value)
        return context

    def clean(self, value):
        value = super().clean(value)
        speaker = value.get("speaker")
        if speaker is not None and speaker.specific.kind != "person":
            raise blocks.StructBlockValidationError(
                block_errors={"speaker": ValidationError(_("The speaker must be a person."))}
            )
        return value


class PhotoBlock(RenderedInBatches, blocks.StructBlock):
    photo = ImageChooserBlock(label=_("Photo"))
    caption = blocks.CharBlock(
        label=_("Caption"),
        required=False,
        max_length=300,
        help_text=_("Leave blank to use the media bank caption."),
    )

    class Meta:
        icon = "image"
        label = _("Photo")
        template = "news/blocks/photo.html"

    def get_context(self, value, parent_context=None):
        # The renditions of every photo block of the stream, in one query.
        self.batch_of(value).once(
            "renditions",
            lambda values: prefetch_renditions([v.get("photo") for v in values], "lead"),
        )
        return super().get_context(value, parent_context=parent_context)


class RelatedArticleBlock(ChoosesPage, blocks.StructBlock):
    chosen = "article"

    article = blocks.PageChooserBlock(page_type="news.ArticlePage", label=_("Article"))

    class Meta:
        icon = "link"
        label = _("Related story card")
        template = "news/blocks/related.html"

    def readable_pages(self):
        from dateline.news.models import ArticlePage

        # A card never shows the body; the photos are read below, with their renditions.
        return ArticlePage.objects.published().defer_streamfields()

    def shown_pages(self, chosen):
        shown = super().shown_pages(chosen)
        load_photos([article for article in shown.values() if article], "lead_photo", "card")
        return shown

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        # A card must never show an unpublished, expired or restricted story, and shows the
        # story in the reader's edition when it has been translated.
        context["article"] = self.shown_page(value)
        return context


class FactBoxBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=120)
    body = blocks.RichTextBlock(label=_("Facts"), features=["bold", "italic", "link", "ul", "ol"])

    class Meta:
        icon = "list-ul"
        label = _("Fact box")
        template = "news/blocks/fact_box.html"


class ArticleBodyBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(
        features=PARAGRAPH_FEATURES, label=_("Paragraph"), template="news/blocks/paragraph.html"
    )
    subheading = SubheadingBlock()
    quote = QuoteBlock()
    photo = PhotoBlock()
    related = RelatedArticleBlock()
    fact_box = FactBoxBlock()
    embed = EmbedBlock(label=_("Embed"), template="news/blocks/embed.html")

    class Meta:
        block_counts = {"paragraph": {"min_num": 1}}
