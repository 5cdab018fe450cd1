"""The SSE endpoint over HTTP: live entries, Last-Event-ID replay, limits and disconnects."""

import json
import time

import pytest

from dateline.live.backends import get_broker
from dateline.live.stream import LiveStreamApp

from .factories import entry, live_blog, republish
from .sse import SSEClient, StreamServer


def blog_path(page):
    return f"/live/stream/blog-{page.pk}/"


@pytest.fixture
def blog(site, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return live_blog(site.politics, entries=[entry("Winds reach 90 km/h.", minutes_ago=10)])


def test_the_stream_is_an_uncached_event_stream(stream_server):
    client = SSEClient(stream_server.port, "/live/stream/edition-en/")
    try:
        assert client.status == 200
        assert client.headers["content-type"].startswith("text/event-stream")
        assert "no-cache" in client.headers["cache-control"]
        client.read_until(lambda events, text: "retry: 3000" in text)
    finally:
        client.close()


def test_a_connected_client_receives_a_new_entry(
    stream_server, blog, django_capture_on_commit_callbacks
):
    client = SSEClient(stream_server.port, blog_path(blog))
    try:
        client.read_until(lambda events, text: ": live" in text)
        with django_capture_on_commit_callbacks(execute=True):
            republish(blog, add=[entry("The harbour wall has been breached.")])
        [event] = client.wait_events(1, timeout=2)
        assert event["event"] == "entry"
        data = json.loads(event["data"])
        assert "The harbour wall has been breached." in data["html"]
        assert f'id="entry-{data["id"]}"' in data["html"]
    finally:
        client.close()


def test_a_reconnect_with_last_event_id_receives_what_it_missed(
    stream_server, blog, django_capture_on_commit_callbacks
):
    client = SSEClient(stream_server.port, blog_path(blog))
    with django_capture_on_commit_callbacks(execute=True):
        republish(blog, add=[entry("First missed? No, this one is seen.")])
    [seen] = client.wait_events(1)
    client.close()

    with django_capture_on_commit_callbacks(execute=True):
        republish(blog, add=[entry("Missed one.", minutes_ago=-1)])
    with django_capture_on_commit_callbacks(execute=True):
        republish(blog, add=[entry("Missed two.", minutes_ago=-2)])

    again = SSEClient(stream_server.port, blog_path(blog), last_event_id=seen["id"])
    try:
        events = again.wait_events(2)
        texts = [json.loads(e["data"])["html"] for e in events]
        assert "Missed one." in texts[0] and "Missed two." in texts[1]
        assert all(e["id"] != seen["id"] for e in events)
    finally:
        again.close()


def test_edited_and_deleted_entries_are_pushed_and_unchanged_ones_are_not(
    stream_server, site, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        page = live_blog(
            site.politics,
            entries=[entry("Keep me.", minutes_ago=30), entry("Fix me.", minutes_ago=20)],
        )
    keep, fix = (item["id"] for item in page.entries.raw_data)
    client = SSEClient(stream_server.port, blog_path(page))
    try:
        client.read_until(lambda events, text: ": live" in text)
        with django_capture_on_commit_callbacks(execute=True):
            republish(page, edit={fix: "Fixed."})
        with django_capture_on_commit_callbacks(execute=True):
            republish(page, remove=[fix])
        events = client.wait_events(2)
        assert [e["event"] for e in events] == ["entry", "remove"]
        assert json.loads(events[0]["data"])["id"] == fix
        assert "Fixed." in json.loads(events[0]["data"])["html"]
        assert json.loads(events[1]["data"]) == {"id": fix}
        assert keep not in "".join(e["data"] for e in events)
    finally:
        client.close()


def test_a_page_readers_cannot_see_pushes_nothing(site, broker, django_capture_on_commit_callbacks):
    from wagtail.models import PageViewRestriction

    from dateline.live.publishing import announce_blog

    page = live_blog(site.politics, entries=[entry("Secret.")])
    PageViewRestriction.objects.create(page=page, restriction_type="password", password="x")  # noqa: S106
    assert announce_blog(page) == []


def test_an_unknown_channel_is_not_found_and_only_get_is_allowed(stream_server):
    assert SSEClient(stream_server.port, "/live/stream/anything-else/").status == 404
    assert SSEClient(stream_server.port, "/live/stream/blog-12x/").status == 404


def test_connections_per_ip_are_capped(broker):
    app = StreamServer().app
    app.max_per_ip = 2
    with StreamServer(app) as server:
        clients = [SSEClient(server.port, "/live/stream/edition-en/") for _ in range(2)]
        refused = SSEClient(server.port, "/live/stream/edition-en/")
        assert [c.status for c in clients] == [200, 200]
        assert refused.status == 429 and refused.headers["retry-after"]
        clients[0].close()
        deadline = time.monotonic() + 3
        while app.connections["127.0.0.1"] > 1 and time.monotonic() < deadline:
            time.sleep(0.02)
        replacement = SSEClient(server.port, "/live/stream/edition-en/")
        assert replacement.status == 200
        for client in [*clients, replacement, refused]:
            client.close()


def test_heartbeats_keep_a_quiet_stream_open(broker):
    app = LiveStreamApp(None)
    app.heartbeat = 0.2
    with StreamServer(app) as server:
        client = SSEClient(server.port, "/live/stream/edition-ru/")
        try:
            client.read_until(lambda events, text: text.count(": heartbeat") >= 2, timeout=3)
        finally:
            client.close()


def test_the_stream_ends_when_the_client_leaves(stream_server, broker):
    clients = [SSEClient(stream_server.port, "/live/stream/edition-en/") for _ in range(3)]
    for client in clients:
        client.read_until(lambda events, text: ": live" in text)
    assert broker.subscriber_count("edition-en") == 3
    for client in clients:
        client.close()
    deadline = time.monotonic() + 3
    while broker.subscriber_count() and time.monotonic() < deadline:
        time.sleep(0.02)
    assert broker.subscriber_count() == 0
    assert get_broker() is broker
