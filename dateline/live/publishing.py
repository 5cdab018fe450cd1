"""Pushing a live blog's published changes to its open copies: only what changed."""

import hashlib
import json

from django.template.loader import render_to_string
from django.utils import translation

from dateline.mediabank.embargo import readers_view

from .backends import get_broker
from .models import LiveBlogState
from .stream import blog_channel


def _digest(value):
    text = json.dumps(value, sort_keys=True, default=str)
    return hashlib.sha256(text.encode()).hexdigest()


def entry_digest(entry):
    return _digest(entry.block.get_prep_value(entry.value))


def header_digest(page):
    return _digest(
        [page.title, page.summary, page.key_points.get_prep_value(), page.coverage_ended]
    )


def readers_may_see(page):
    """Only a live page without a view restriction is pushed to the public stream."""
    return page.live and not page.get_view_restrictions().exists()


def announce_blog(page):
    """Publish an event for every entry added, changed or deleted since the last announcement,
    and for the summary and key points when they changed. Returns the events' ids."""
    if not readers_may_see(page):
        return []
    state, _ = LiveBlogState.objects.get_or_create(page_id=page.pk)
    current = {entry.id: entry_digest(entry) for entry in page.entries}
    header = header_digest(page)
    broker = get_broker()
    channel = blog_channel(page.pk)
    ids = []
    # Rendered for readers even when an editor's request publishes: no embargoed photo.
    with translation.override(page.locale.language_code), readers_view():
        for entry in page.sorted_entries():
            if state.entries.get(entry.id) == current[entry.id]:
                continue
            html = render_to_string("live/includes/entry.html", {"entry": entry, "page": page})
            payload = {"id": entry.id, "time": entry.value["time"].isoformat(), "html": html}
            ids.append(broker.publish(channel, "entry", json.dumps(payload)))
        for gone in sorted(set(state.entries) - set(current)):
            ids.append(broker.publish(channel, "remove", json.dumps({"id": gone})))
        if state.header != header:
            html = render_to_string("live/includes/key_points.html", {"page": page})
            ids.append(broker.publish(channel, "summary", json.dumps({"html": html})))
    state.entries, state.header = current, header
    state.save()
    return ids
