"""Bodies over their route's cap are refused before anything reads them (issue 13, item 6):
an anonymous gigabyte is a 413 with nothing read, under WSGI and ASGI alike."""

import asyncio
import io

import pytest
from django.core.wsgi import get_wsgi_application

from dateline.asgi import application as asgi_application
from dateline.guard import conf
from dateline.guard.bodies import body_limit

GIGABYTE = 1024**3


class CountingInput(io.RawIOBase):
    """A wsgi.input that never ends and counts what is read from it."""

    def __init__(self):
        self.read_bytes = 0

    def readable(self):
        return True

    def readinto(self, buffer):
        self.read_bytes += len(buffer)
        buffer[:] = b"x" * len(buffer)
        return len(buffer)


def wsgi_post(path, length, cookie=""):
    stream = CountingInput()
    environ = {
        "REQUEST_METHOD": "POST",
        "PATH_INFO": path,
        "SERVER_NAME": "127.0.0.1",
        "SERVER_PORT": "80",
        "HTTP_HOST": "127.0.0.1",
        "CONTENT_TYPE": "application/x-www-form-urlencoded",
        "CONTENT_LENGTH": str(length),
        "HTTP_COOKIE": cookie,
        "wsgi.input": stream,
        "wsgi.url_scheme": "http",
        "wsgi.errors": io.StringIO(),
    }
    started = {}

    def start_response(status, headers, exc_info=None):
        started["status"] = int(status.split()[0])

    body = b"".join(get_wsgi_application()(environ, start_response))
    return started["status"], body, stream.read_bytes


def asgi_post(path, length=None, chunk=16 * 1024, cookie=b""):
    """POST a body that never ends to the ASGI application: (status, bytes it consumed)."""
    sent = {"bytes": 0}
    answers = []
    headers = [(b"host", b"127.0.0.1"), (b"cookie", cookie)]
    if length is not None:
        headers.append((b"content-length", str(length).encode()))
    else:
        headers.append((b"transfer-encoding", b"chunked"))
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "POST",
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "query_string": b"",
        "root_path": "",
        "headers": headers,
        "client": ("127.0.0.1", 50000),
        "server": ("127.0.0.1", 80),
    }

    async def receive():
        if sent["bytes"] > GIGABYTE:
            raise AssertionError("the whole gigabyte was read")
        sent["bytes"] += chunk
        return {"type": "http.request", "body": b"x" * chunk, "more_body": True}

    async def send(message):
        answers.append(message)

    asyncio.run(asyncio.wait_for(asgi_application(scope, receive, send), timeout=30))
    starts = [m for m in answers if m["type"] == "http.response.start"]
    assert len(starts) == 1, answers
    return starts[0]["status"], sent["bytes"]


@pytest.mark.django_db  # Django's handler closes old connections as a request starts
def test_an_anonymous_gigabyte_is_refused_unread_under_wsgi():
    status, body, read = wsgi_post("/en/accounts/login/", GIGABYTE)
    assert status == 413
    assert b"at most 65536 bytes" in body
    assert read == 0


def test_an_anonymous_gigabyte_is_refused_unread_under_asgi():
    status, consumed = asgi_post("/en/accounts/login/", length=GIGABYTE)
    assert status == 413
    assert consumed == 0


def test_a_chunked_body_is_cut_at_the_cap_under_asgi():
    status, consumed = asgi_post("/en/discussion/post/1/", length=None)
    assert status == 413
    assert consumed <= conf.get("BODY_MAX") + 16 * 1024


@pytest.mark.django_db
def test_a_forged_session_cookie_opens_only_the_admin_caps():
    cookie = "sessionid=forged"
    status, _, read = wsgi_post("/en/accounts/login/", 70 * 1024, cookie=cookie)
    assert (status, read) == (413, 0)
    status, _, read = wsgi_post("/admin/pages/3/edit/", GIGABYTE, cookie=cookie)
    assert (status, read) == (413, 0)
    status, _ = asgi_post("/admin/images/multiple/add/", length=GIGABYTE, cookie=cookie.encode())
    assert status == 413


def test_the_caps_per_route(settings):
    upload = settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE
    assert body_limit("/en/discussion/post/1/", signed_in=True) == 64 * 1024
    assert body_limit("/admin/images/add/", signed_in=False) == 64 * 1024
    assert body_limit("/admin/images/multiple/add/", signed_in=True) == upload + 1024 * 1024
    assert body_limit("/admin/documents/multiple/add/", signed_in=True) == upload + 1024 * 1024
    assert body_limit("/admin/pages/3/edit/", signed_in=True) == (
        settings.DATA_UPLOAD_MAX_MEMORY_SIZE
    )


@pytest.mark.django_db
def test_the_newsroom_posts_more_than_a_reader_may(client, django_user_model):
    editor = django_user_model.objects.create_superuser("editor", "editor@example.org", "pw")
    client.force_login(editor)
    padding = "p" * (200 * 1024)  # a form bigger than a reader's cap, far below the upload's
    response = client.post("/admin/pages/search/", {"q": "ferry", "padding": padding})
    assert response.status_code != 413
    response = client.post("/en/accounts/login/", {"login": "a@b.c", "padding": padding})
    assert response.status_code == 413
