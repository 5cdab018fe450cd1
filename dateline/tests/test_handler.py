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


async def streamed(handler, path, language="en"):
    sent = []

    async def receive():
        return {"type": "http.request", "body": b""}

    async def send(message):
        sent.append(message)

    headers = [(b"host", b"testserver"), (b"accept-language", language.encode())]
    scope = {"type": "http", "method": "GET", "path": path, "query_string": b"", "headers": headers}
    await handler(scope, receive, send)
    return sent


def test_a_stream_is_sent_a_chunk_at_a_time_from_the_thread_that_made_it(handler, recwarn):
    async def four():
        return await asyncio.gather(*(streamed(handler, "/stream/", "ru") for _ in range(4)))

    for sent in asyncio.run(four()):
        assert sent[0]["status"] == 200
        bodies = [m.get("body") for m in sent[1:]]
        assert bodies[-1] is None and len(bodies) == 4
        chunks = [body.decode().rstrip(";").split(":") for body in bodies[:-1]]
        assert [n for n, _, _ in chunks] == ["chunk0", "chunk1", "chunk2"]
        # In the language the middleware activated for this request, on one thread.
        assert {language for _, language, _ in chunks} == {"ru"}
        assert len({thread for _, _, thread in chunks}) == 1
    # Not read whole into memory first, as Django's handler does with a synchronous stream.
    assert not [w for w in recwarn if "synchronous iterators" in str(w.message)]


def test_a_file_is_sent_whole_and_closed(handler):
    from dateline.tests import handler_urls

    sent = asyncio.run(streamed(handler, "/file/"))
    assert sent[0]["status"] == 200
    body = b"".join(m.get("body", b"") for m in sent[1:])
    with open(handler_urls.__file__, "rb") as source:
        assert body == source.read()


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
