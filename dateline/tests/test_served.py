"""The production entry points under a real server (in a thread of the test process, on the
test database): dateline.asgi's application under uvicorn, answering a reader's pages, a
live stream and a form post, and dateline.wsgi's, which serves pages in production (granian
there; uvicorn's WSGI interface here, in a thread)."""

import urllib.error
import urllib.request

import pytest
from bs4 import BeautifulSoup

from dateline.conftest import build_world, restore_wagtail_roots
from dateline.live.tests.sse import SSEClient, StreamServer


@pytest.fixture
def served(transactional_db, settings):
    settings.ALLOWED_HOSTS = ["127.0.0.1"]
    restore_wagtail_roots()
    world = build_world()
    from dateline.asgi import application

    with StreamServer(application) as server:
        yield server, world


@pytest.fixture
def served_wsgi(transactional_db, settings):
    settings.ALLOWED_HOSTS = ["127.0.0.1"]
    restore_wagtail_roots()
    world = build_world()
    from dateline.wsgi import application

    with StreamServer(application, interface="wsgi") as server:
        yield server, world


def get(server, path, data=None):
    url = f"http://127.0.0.1:{server.port}{path}"
    try:
        with urllib.request.urlopen(urllib.request.Request(url, data=data), timeout=20) as r:  # noqa: S310
            return r.status, r.headers, r.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode()


def test_pages_are_served_through_the_production_asgi_app(served):
    server, world = served
    status, headers, body = get(server, world.article.url)
    assert status == 200
    page = BeautifulSoup(body, "html.parser")
    assert page.find("h1").get_text(strip=True) == world.article.title
    assert headers["X-Accel-Expires"] == "600"
    for path in ("/en/", world.politics.url, "/en/feeds/rss/", "/sitemap.xml", "/robots.txt"):
        status, headers, body = get(server, path)
        assert status == 200, path
        assert body, path
    status, headers, _ = get(server, "/en/no-such-page/")
    assert status == 404
    assert headers["X-Accel-Expires"] == "5"
    status, _, _ = get(server, world.private.url)
    assert status == 200  # the password form of a restricted page, never the article
    _, _, body = get(server, world.private.url)
    assert world.private.title not in BeautifulSoup(body, "html.parser").get_text()


def test_a_post_without_its_token_is_refused_and_streams_answer(served):
    server, world = served
    status, _, _ = get(server, "/en/accounts/login/", data=b"login=a%40b.c&password=x")
    assert status == 403  # CSRF
    stream = SSEClient(server.port, "/live/stream/edition-en/")
    try:
        assert stream.status == 200
        assert stream.headers["content-type"].startswith("text/event-stream")
    finally:
        stream.close()


def test_pages_are_served_through_the_production_wsgi_app(served_wsgi):
    server, world = served_wsgi
    status, headers, body = get(server, world.article.url)
    assert status == 200
    assert BeautifulSoup(body, "html.parser").find("h1").get_text(strip=True) == world.article.title
    assert headers["X-Accel-Expires"] == "600"
    status, headers, _ = get(server, "/en/no-such-page/")
    assert (status, headers["X-Accel-Expires"]) == (404, "5")
