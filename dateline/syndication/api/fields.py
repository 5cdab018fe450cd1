"""How an article and a photo appear in the content API: only what readers may see.

Each field reads the whole object (get_attribute returns it), so one field may combine several
attributes, and returns None (null) for what readers may not see, e.g. an embargoed photo.
"""

from rest_framework.fields import Field

from dateline.mediabank.renditions import FORMATS, KINDS
from dateline.news.models import ArticlePage, TopicPage


def absolute(request, url):
    return request.build_absolute_uri(url) if url else None


def photo_renditions(photo, request):
    """Every published rendition of a photo (the lead widths, WebP and JPEG)."""
    kind = KINDS["lead"]
    renditions = photo.get_renditions(*kind.all_specs)
    return [
        {
            "format": fmt,
            "width": renditions[spec].width,
            "height": renditions[spec].height,
            "url": absolute(request, renditions[spec].url),
        }
        for fmt in FORMATS
        for spec in kind.specs(fmt)
    ]


def photo_summary(photo, request, caption=None):
    if photo is None or photo.is_embargoed:
        return None
    return {
        "id": photo.pk,
        "title": photo.title,
        "caption": caption or photo.caption,
        "credit": photo.credit_line,
        "licence": photo.licence,
        "html_url": absolute(request, photo.get_absolute_url()),
        "renditions": photo_renditions(photo, request),
    }


def page_summary(page, request):
    return {"id": page.pk, "title": page.title, "html_url": page.get_full_url(request)}


class WholeObjectField(Field):
    def __init__(self, **kwargs):
        super().__init__(read_only=True, **kwargs)

    def get_attribute(self, instance):
        return instance

    @property
    def request(self):
        return self.context["request"]


class SectionField(WholeObjectField):
    def to_representation(self, article):
        if article.section is None:
            return None
        return page_summary(article.section, self.request)


class AuthorsField(WholeObjectField):
    def to_representation(self, article):
        return [
            page_summary(link.author, self.request)
            for link in article.article_authors.all()
            if link.author.live
        ]


class TopicsField(WholeObjectField):
    def to_representation(self, article):
        return [
            {**page_summary(topic, self.request), "kind": topic.kind}
            for topic in article.topics.all()
            if topic.live
        ]


class LeadPhotoField(WholeObjectField):
    def to_representation(self, article):
        return photo_summary(article.lead_photo, self.request, caption=article.lead_photo_caption)


class UpdatedField(WholeObjectField):
    def to_representation(self, article):
        updated = article.display_updated_at
        return updated.isoformat() if updated else None


class CorrectionsField(WholeObjectField):
    def to_representation(self, article):
        return [
            {"kind": note.kind, "text": note.text, "noted_at": note.noted_at.isoformat()}
            for note in article.correction_notes
        ]


class BodyField(WholeObjectField):
    """The body as a list of {"type", "value"} blocks, with pages and photos as readers see
    them: a related card to an unpublished story is left out, an embargoed photo is null."""

    def to_representation(self, article):
        blocks = list(article.body)
        readable = self.readable_pages(blocks)
        body = []
        for block in blocks:
            value = self.block_value(block.block_type, block.value, readable)
            if value is not None:
                body.append({"type": block.block_type, "value": value})
        return body

    def readable_pages(self, blocks):
        """{pk: page} of the speakers and related stories readers may open: one query each."""
        speakers = {b.value["speaker"].pk for b in blocks if b.block_type == "quote"} - {None}
        related = {
            b.value["article"].pk
            for b in blocks
            if b.block_type == "related" and b.value["article"] is not None
        }
        readable = {}
        if speakers:
            readable.update(TopicPage.objects.live().public().in_bulk(speakers))
        if related:
            readable.update(ArticlePage.objects.published().in_bulk(related))
        return readable

    def speaker(self, speaker, readable):
        """Named as on the article page; linked only when readers may open the topic."""
        if speaker is None:
            return None
        page = readable.get(speaker.pk)
        if page is None:
            return {"name": speaker.title, "role": getattr(speaker, "role", "")}
        return {**page_summary(page, self.request), "name": page.title, "role": page.role}

    def block_value(self, block_type, value, readable):
        request = self.request
        if block_type in {"paragraph", "subheading"}:
            return str(value)
        if block_type == "quote":
            return {
                "text": value["text"],
                "speaker": self.speaker(value["speaker"], readable),
                "circumstance": value["circumstance"],
            }
        if block_type == "photo":
            return {"photo": photo_summary(value["photo"], request, caption=value["caption"])}
        if block_type == "related":
            story = value["article"]
            if story is None or story.pk not in readable:
                return None
            return {"article": page_summary(readable[story.pk], request)}
        if block_type == "fact_box":
            return {"title": value["title"], "body": str(value["body"])}
        if block_type == "embed":
            return {"url": value.url if value else None}
        return None


class PhotoCreditField(WholeObjectField):
    def to_representation(self, photo):
        return photo.credit_line


class PhotoLicenceURLField(WholeObjectField):
    def to_representation(self, photo):
        return photo.licence_url or None


class PhotoPageField(WholeObjectField):
    def to_representation(self, photo):
        return absolute(self.request, photo.get_absolute_url())


class PhotoRenditionsField(WholeObjectField):
    def to_representation(self, photo):
        return photo_renditions(photo, self.request)
