"""The blocks of a live blog: an entry is a time, an optional headline and article blocks."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.embeds.blocks import EmbedBlock

from dateline.news.blocks import PARAGRAPH_FEATURES, PhotoBlock, QuoteBlock


class KeyPointBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        super().__init__(features=PARAGRAPH_FEATURES, label=_("Key point"), **kwargs)

    class Meta:
        icon = "pick"


class EntryBodyBlock(blocks.StreamBlock):
    text = blocks.RichTextBlock(
        features=PARAGRAPH_FEATURES, label=_("Text"), template="news/blocks/paragraph.html"
    )
    photo = PhotoBlock()
    quote = QuoteBlock()
    embed = EmbedBlock(label=_("Embed"), template="news/blocks/embed.html")

    class Meta:
        min_num = 1


class LiveEntryBlock(blocks.StructBlock):
    time = blocks.DateTimeBlock(
        label=_("Time"), required=False, help_text=_("Leave blank for the time of saving.")
    )
    headline = blocks.CharBlock(label=_("Headline"), required=False, max_length=200)
    body = EntryBodyBlock(label=_("Entry"))

    class Meta:
        icon = "time"
        label = _("Entry")
        template = "live/blocks/entry.html"
