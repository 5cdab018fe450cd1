"""The three feed formats, as Django feed generators: RSS 2.0 and Atom 1.0 with every byline
and the lead photo as Media RSS (with its credit), and JSON Feed 1.1.

Each item carries, besides Django's keys, `authors` (a list of {"name", "url"}), `summary` (the
standfirst as plain text) and `photo` (None or {"url", "type", "width", "height", "length",
"caption", "credit", "page"}), given by ArticleFeed.item_extra_kwargs.
"""

import json

from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed, SyndicationFeed, rfc3339_date
from django.utils.html import escape

MEDIA_NS = "http://search.yahoo.com/mrss/"
DC_NS = "http://purl.org/dc/elements/1.1/"


def _add_media_content(handler, photo):
    """The lead photo as <media:content>, with its caption and credit line."""
    handler.startElement(
        "media:content",
        {
            "url": photo["url"],
            "type": photo["type"],
            "medium": "image",
            "width": str(photo["width"]),
            "height": str(photo["height"]),
        },
    )
    if photo["caption"]:
        handler.addQuickElement("media:description", photo["caption"], {"type": "plain"})
    handler.addQuickElement("media:credit", photo["credit"])
    handler.endElement("media:content")


class RssFeed(Rss201rev2Feed):
    def rss_attributes(self):
        return {**super().rss_attributes(), "xmlns:dc": DC_NS, "xmlns:media": MEDIA_NS}

    def add_item_elements(self, handler, item):
        # Many RSS readers render <title> as HTML: escape it once more, as Django's own
        # Feed.item_title does (Django ticket #6533). Atom and JSON Feed say "text" instead.
        super().add_item_elements(handler, {**item, "title": escape(item["title"])})
        for author in item["authors"]:
            handler.addQuickElement("dc:creator", author["name"])
        if item["photo"]:
            _add_media_content(handler, item["photo"])


class AtomFeed(Atom1Feed):
    def root_attributes(self):
        return {**super().root_attributes(), "xmlns:media": MEDIA_NS}

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        # Atom allows one <author> per person; Django writes at most one.
        for author in item["authors"]:
            handler.startElement("author", {})
            handler.addQuickElement("name", author["name"])
            if author["url"]:
                handler.addQuickElement("uri", author["url"])
            handler.endElement("author")
        if item["photo"]:
            _add_media_content(handler, item["photo"])


class JSONFeed(SyndicationFeed):
    """JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/)."""

    content_type = "application/feed+json; charset=utf-8"

    def write(self, outfile, encoding):
        feed = {
            "version": "https://jsonfeed.org/version/1.1",
            "title": self.feed["title"],
            "home_page_url": self.feed["link"],
            "feed_url": self.feed["feed_url"],
            "description": self.feed["description"],
            "language": self.feed["language"],
            "items": [self.item_json(item) for item in self.items],
        }
        json.dump(feed, outfile, ensure_ascii=False, indent=1)

    def item_json(self, item):
        data = {
            "id": item["unique_id"],
            "url": item["link"],
            "title": item["title"],
            "summary": item["summary"],
            # A JSON Feed item must have content; ours is the standfirst, as in the other formats.
            "content_text": item["summary"],
            "authors": [
                {key: value for key, value in author.items() if value} for author in item["authors"]
            ],
            "tags": list(item["categories"]),
        }
        if item["pubdate"]:
            data["date_published"] = rfc3339_date(item["pubdate"])
        if item["updateddate"]:
            data["date_modified"] = rfc3339_date(item["updateddate"])
        photo = item["photo"]
        if photo:
            data["image"] = photo["url"]
            data["attachments"] = [
                {"url": photo["url"], "mime_type": photo["type"], "title": photo["caption"]}
            ]
            # Extensions start with an underscore (JSON Feed 1.1, "Extensions").
            data["_dateline"] = {
                "image_caption": photo["caption"],
                "image_credit": photo["credit"],
                "image_page": photo["page"],
            }
        return data


FORMATS = {"rss": RssFeed, "atom": AtomFeed, "json": JSONFeed}
