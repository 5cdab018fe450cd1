"""A page renders the id of its channel's latest event: a reader who got the page (perhaps from
the page cache) and connects later first receives what happened in between."""

import json

from django.utils import timezone
from wagtail.models import Locale

from dateline.conftest import get_soup
from dateline.live.alerts import raise_alert

from .factories import entry, live_blog, republish
from .sse import SSEClient


def rendered_id(page, selector):
    node = page.select_one(selector)
    assert node is not None and node.has_attr("data-last-event-id")
    return node["data-last-event-id"]


def test_a_reader_connecting_after_loading_a_live_blog_receives_what_happened_since(
    site, client, stream_server, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        blog = live_blog(site.politics, entries=[entry("Winds reach 90 km/h.", minutes_ago=10)])
    page = get_soup(client, blog.url)
    after = rendered_id(page, "[data-live-blog]")
    assert after and after != "0-0"  # the first entry's event is already on the page
    # The reader reads for a while; meanwhile the desk posts an update.
    with django_capture_on_commit_callbacks(execute=True):
        republish(blog, add=[entry("The harbour wall has been breached.", minutes_ago=-1)])

    stream = page.select_one("[data-live-blog]")["data-live-stream"]
    reader = SSEClient(stream_server.port, f"{stream}?last-event-id={after}")
    try:
        [event] = reader.wait_events(1)
        assert event["event"] == "entry"
        assert "The harbour wall has been breached." in json.loads(event["data"])["html"]
        assert "Winds reach 90 km/h." not in event["data"]
    finally:
        reader.close()


def test_the_banner_renders_its_channels_last_id_even_before_any_event(
    site, client, stream_server, django_capture_on_commit_callbacks
):
    page = get_soup(client, site.article.url)
    after = rendered_id(page, "#live-banner")
    assert after == "0-0"  # nothing published yet: everything later is news to this page
    with django_capture_on_commit_callbacks(execute=True):
        raise_alert(
            headline=f"Bridge closed at {timezone.now():%H:%M}",
            locale=Locale.objects.get(language_code="en"),
        )
    reader = SSEClient(stream_server.port, f"/live/stream/edition-en/?last-event-id={after}")
    try:
        [event] = reader.wait_events(1)
        assert event["event"] == "alert" and "Bridge closed" in event["data"]
    finally:
        reader.close()


def test_a_broker_that_cannot_tell_leaves_the_id_empty(site, client, broker, monkeypatch):
    monkeypatch.setattr(broker, "_last_id", lambda channel: 1 / 0)
    page = get_soup(client, site.article.url)
    assert rendered_id(page, "#live-banner") == ""
