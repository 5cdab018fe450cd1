"""LiveBlogPosting structured data (schema.org JSON-LD) for live blogs."""

import json

from django.conf import settings
from django.utils.html import strip_tags
from wagtail.rich_text import RichText


def _entry_text(entry):
    parts = []
    for block in entry.value["body"]:
        if block.block_type == "text":
            parts.append(strip_tags(str(RichText(block.value.source))))
        elif block.block_type == "quote":
            parts.append(block.value["text"])
    return " ".join(" ".join(parts).split())


def live_blog_structured_data(page, request):
    """The JSON-LD text for a live blog, safe to place inside a <script> element."""
    url = page.get_full_url(request) or request.build_absolute_uri(page.url)
    updates = []
    for entry in page.sorted_entries():
        time = entry.value.get("time")
        text = _entry_text(entry)
        updates.append(
            {
                "@type": "BlogPosting",
                "headline": (entry.value.get("headline") or text or page.title)[:110],
                "url": f"{url}#entry-{entry.id}",
                **({"datePublished": time.isoformat()} if time else {}),
                "articleBody": text,
            }
        )
    data = {
        "@context": "https://schema.org",
        "@type": "LiveBlogPosting",
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "url": url,
        "headline": page.title[:110],
        "description": page.summary,
        "inLanguage": page.locale.language_code,
        "publisher": {"@type": "Organization", "name": settings.WAGTAIL_SITE_NAME},
        "liveBlogUpdate": updates,
    }
    if page.first_published_at:
        data["datePublished"] = page.first_published_at.isoformat()
        data["coverageStartTime"] = page.first_published_at.isoformat()
    if page.last_published_at:
        data["dateModified"] = page.last_published_at.isoformat()
        if page.coverage_ended:
            data["coverageEndTime"] = page.last_published_at.isoformat()
    text = json.dumps(data, ensure_ascii=False)
    # Inside <script>, "</" must not appear literally.
    return text.replace("</", "<\\/")
