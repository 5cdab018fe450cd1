"""The blocks an article body is made of, as the newsroom's structured editor offers them."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

PARAGRAPH_FEATURES = ["bold", "italic", "link"]


class SubheadingBlock(blocks.CharBlock):
    class Meta:
        icon = "title"
        label = _("Subheading")
        template = "news/blocks/subheading.html"


class QuoteBlock(blocks.StructBlock):
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

    def get_context(self, value, parent_context=None):
        from dateline.news.models import TopicPage
        from dateline.news.models.editions import readable_translation

        context = super().get_context(value, parent_context=parent_context)
        # Link the speaker only to a topic page readers may open, in their edition.
        context["speaker_page"] = readable_translation(
            TopicPage.objects.live().public(), value.get("speaker")
        )
        return context

    def clean(self, value):
        value = super().clean(value)
        speaker = value.get("speaker")
        if speaker is not None and speaker.specific.kind != "person":
            raise blocks.StructBlockValidationError(
                block_errors={"speaker": ValidationError(_("The speaker must be a person."))}
            )
        return value


class PhotoBlock(blocks.StructBlock):
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


class RelatedArticleBlock(blocks.StructBlock):
    article = blocks.PageChooserBlock(page_type="news.ArticlePage", label=_("Article"))

    class Meta:
        icon = "link"
        label = _("Related story card")
        template = "news/blocks/related.html"

    def get_context(self, value, parent_context=None):
        from dateline.news.models import ArticlePage
        from dateline.news.models.editions import readable_translation

        context = super().get_context(value, parent_context=parent_context)
        # A card must never show an unpublished, expired or restricted story, and shows the
        # story in the reader's edition when it has been translated.
        context["article"] = readable_translation(
            ArticlePage.objects.published().for_cards(), value.get("article")
        )
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
