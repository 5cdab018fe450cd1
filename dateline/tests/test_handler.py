"""Django's answers under ASGI, each request run in one thread of a small pool (handler.py)."""

import asyncio

import pytest

from dateline.handler import ThreadedASGIHandler

pytestmark = pytest.mark.urls("dateline.tests.handler_urls")


def call(handler, path, method="GET", body=b""):
    sent = []
    messages = [{"type": "http.request", "body": body[:3], "more_body": True},
                {"type": "http.request", "body": body[3:]}]  # fmt: skip

    async def receive():
        return messages.pop(0) if messages else {"type": "http.disconnect"}

    async def send(message):
        sent.append(message)

    scope = {
        "type": "http", "method": method, "path": path, "query_string": b"", "scheme": "http",
        "headers": [(b"host", b"testserver"), (b"content-type", b"text/plain")],
    }  # fmt: skip
    asyncio.run(handler(scope, receive, send))
    return (
        sent[0]["status"],
        dict(sent[0]["headers"]),
        b"".join(m.get("body", b"") for m in sent[1:]),
    )


@pytest.fixture
def handler(settings):
    settings.ALLOWED_HOSTS = ["testserver"]
    return ThreadedASGIHandler(threads=2)


def test_a_request_is_answered_from_a_thread_of_the_pool_with_its_body(handler):
    status, headers, body = call(handler, "/echo/", method="POST", body=b"hello-world")
    assert status == 200
    assert headers[b"Content-Type"] == b"text/plain"
    method, text, _, thread = body.decode().rsplit(" ", 3)
    assert (method, text) == ("POST", "hello-world")
    assert thread.startswith("django")


def test_nothing_one_request_sets_in_a_context_variable_reaches_the_next(handler):
    for path in ("/echo/", "/echo/", "/echo/"):
        _, _, body = call(handler, path)
        assert body.decode().split(" ")[2] == "None"


def test_a_streamed_answer_is_sent_a_chunk_at_a_time(handler, recwarn):
    sent = []

    async def receive():
        return {"type": "http.request", "body": b""}

    async def send(message):
        sent.append(message)

    scope = {"type": "http", "method": "GET", "path": "/stream/", "query_string": b"",
             "headers": [(b"host", b"testserver")]}  # fmt: skip
    asyncio.run(handler(scope, receive, send))
    assert sent[0]["status"] == 200
    assert [m.get("body") for m in sent[1:]] == [b"chunk0;", b"chunk1;", b"chunk2;", None]
    # Not read whole into memory first, as Django's handler does with a synchronous stream.
    assert not [w for w in recwarn if "synchronous iterators" in str(w.message)]


def test_a_failing_view_gets_a_500_page_not_a_dropped_connection(handler, settings):
    settings.DEBUG = False
    status, _, _ = call(handler, "/broken/")
    assert status == 500


def test_a_client_gone_before_its_body_arrived_is_not_answered(handler):
    sent = []

    async def receive():
        return {"type": "http.disconnect"}

    async def send(message):
        sent.append(message)

    scope = {"type": "http", "method": "POST", "path": "/echo/", "query_string": b"",
             "headers": [(b"host", b"testserver")]}  # fmt: skip
    asyncio.run(handler(scope, receive, send))
    assert sent == []
