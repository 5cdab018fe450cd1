"""Live blogs for the tests (and the demo, later): built as an editor would publish them."""

from datetime import datetime, timedelta

from django.utils import timezone
from wagtail.rich_text import RichText

from dateline.live.models import LiveBlogPage


def entry(text, *, minutes_ago=0, headline="", now=None):
    time = (now or timezone.now()).replace(microsecond=0) - timedelta(minutes=minutes_ago)
    return (
        "entry",
        {"time": time, "headline": headline, "body": [("text", RichText(f"<p>{text}</p>"))]},
    )


def live_blog(section, *, title="Storm over the northern coast", entries=(), **fields):
    page = LiveBlogPage(
        title=title,
        summary=fields.pop("summary", "A storm is crossing the coast; ferries are suspended."),
        key_points=fields.pop("key_points", [("point", RichText("<p>Ferries suspended</p>"))]),
        entries=list(entries),
        **fields,
    )
    section.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def republish(page, *, add=(), edit=None, remove=()):
    """Publish a new revision: entries added, edited ({id: text}) or removed (ids)."""
    raw = [dict(item) for item in page.entries.raw_data]
    raw = [item for item in raw if item["id"] not in set(remove)]
    for item in raw:
        if edit and item["id"] in edit:
            value = dict(item["value"])
            value["body"] = [{"type": "text", "value": f"<p>{edit[item['id']]}</p>"}]
            item["value"] = value
    page.entries = raw
    for block in add:
        page.entries.append(block)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def iso(value: datetime):
    return value.isoformat()
