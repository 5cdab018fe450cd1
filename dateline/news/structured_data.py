"""NewsArticle structured data (schema.org JSON-LD) for article pages."""

import html
import json

from django.conf import settings
from django.utils.html import strip_tags

from dateline.mediabank.renditions import KINDS, filters


def largest_rendition(photo):
    """The widest JPEG rendition: the 1920 px one unless the original is smaller."""
    if not photo:  # None, or under embargo for readers (mediabank/embargo.py)
        return None
    renditions = photo.get_renditions(*filters(*KINDS["lead"].specs("jpeg")))
    return max(renditions.values(), key=lambda r: r.width)


def _image_object(photo, request):
    largest = largest_rendition(photo)
    if largest is None:
        return None
    data = {
        "@type": "ImageObject",
        "url": request.build_absolute_uri(largest.url),
        "contentUrl": request.build_absolute_uri(largest.url),
        "width": largest.width,
        "height": largest.height,
        "caption": photo.caption,
        "creditText": photo.credit_line,
        "copyrightNotice": photo.credit_line,
        "publisher": {"@type": "Organization", "name": photo.agency_name},
        "acquireLicensePage": request.build_absolute_uri(photo.get_absolute_url()),
    }
    if photo.photographer:
        data["creator"] = {"@type": "Person", "name": photo.photographer}
    if photo.date_taken:
        data["dateCreated"] = photo.date_taken.isoformat()
    if photo.licence_url:
        data["license"] = photo.licence_url
    return data


def article_structured_data(article, request):
    """The JSON-LD text for an article, safe to place inside a <script> element."""
    # The same URL as the canonical link: built from the Site, not from the request's host.
    url = article.get_full_url(request) or request.build_absolute_uri(article.get_url(request))
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "url": url,
        "headline": article.title[:110],
        "description": article.standfirst,
        "inLanguage": article.language_code,
        "articleSection": article.section.title,
        "author": [
            {
                "@type": "Person",
                "name": author.title,
                "url": request.build_absolute_uri(author.get_url(request)),
            }
            for author in article.byline_authors
        ],
        "publisher": {"@type": "NewsMediaOrganization", "name": settings.WAGTAIL_SITE_NAME},
        "keywords": [topic.title for topic in article.published_topics],
    }
    if article.first_published_at:
        data["datePublished"] = article.first_published_at.isoformat()
        data["dateModified"] = (
            article.display_updated_at or article.first_published_at
        ).isoformat()
    if article.dateline_place:
        data["locationCreated"] = {"@type": "Place", "name": article.dateline_place}
    notes = article.correction_notes
    if notes:
        data["correction"] = [
            {
                "@type": "CorrectionComment",
                "name": note.get_kind_display(),
                "text": note.text,
                "datePublished": note.noted_at.isoformat(),
            }
            for note in notes
        ]
    image = _image_object(article.shown_lead_photo, request)
    if image:
        data["image"] = [image]
    # Plain text, as readers read it: tags gone, entities decoded, spaces collapsed.
    text = html.unescape(strip_tags(" ".join(_body_text(article))))
    data["articleBody"] = " ".join(text.split())[:5000]
    # Escape "<" so no string inside can close the script element.
    return json.dumps(data, ensure_ascii=False).replace("<", "\\u003c")


def _body_text(article):
    # From the stored values: the text needs no block converted (no speaker or story looked
    # up), when the body itself may come from a kept fragment.
    for block in article.body.raw_data:
        if block["type"] in {"paragraph", "subheading"}:
            yield str(block["value"])
        elif block["type"] == "quote":
            yield block["value"].get("text", "")
