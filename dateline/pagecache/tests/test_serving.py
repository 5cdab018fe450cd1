"""What the page cache stores, what it never stores, and how it answers."""

import asyncio

import pytest
from django.contrib.auth import get_user_model
from django.test import override_settings

from dateline.pagecache.asgi import PageCacheApp
from dateline.pagecache.serving import get_cache

from .helpers import HOST

pytestmark = pytest.mark.django_db


def test_a_public_page_is_rendered_once_then_served_from_the_cache(
    site, client, django_assert_num_queries
):
    first = client.get(site.article.url)
    assert first["X-Page-Cache"] == "miss"
    with django_assert_num_queries(0):
        second = client.get(site.article.url)
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert second["ETag"] == first["ETag"]
    assert second["Content-Type"] == first["Content-Type"]
    assert second["Content-Language"] == "en"


def test_headers_for_browsers_and_cdns(site, client):
    response = client.get(site.article.url)
    cache_control = {part.strip() for part in response["Cache-Control"].split(",")}
    assert "public" in cache_control
    assert any(part.startswith("s-maxage=") for part in cache_control)
    assert any(part.startswith("stale-while-revalidate=") for part in cache_control)
    keys = response["Surrogate-Key"].split()
    assert f"page-{site.article.pk}" in keys
    assert f"photo-{site.lead_photo.pk}" in keys
    assert set(response["Cache-Tag"].split(",")) == set(keys)
    assert response["ETag"].startswith('"')


def test_a_matching_etag_gets_304(site, client):
    etag = client.get(site.article.url)["ETag"]
    response = client.get(site.article.url, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 304
    assert response.content == b""
    other = client.get(site.article.url, HTTP_IF_NONE_MATCH='"something-else"')
    assert other.status_code == 200


def test_head_has_headers_and_no_body(site, client):
    client.get(site.article.url)
    response = client.head(site.article.url)
    assert response["X-Page-Cache"] == "hit"
    assert response.content == b""
    assert int(response["Content-Length"]) > 1000


def test_campaign_parameters_share_the_page_and_other_queries_do_not(site, client):
    client.get(site.politics.url)
    assert client.get(site.politics.url + "?utm_source=x&fbclid=1")["X-Page-Cache"] == "hit"
    assert client.get(site.politics.url + "?sort=x").get("X-Page-Cache") != "hit"


def test_logged_in_readers_never_get_or_fill_the_cache(site, client):
    reader = get_user_model().objects.create_user(
        "reader", "reader@example.org", "a-long-pass-phrase", display_name="Wendeline Oort"
    )
    client.force_login(reader)
    response = client.get(site.article.url)
    assert "X-Page-Cache" not in response
    assert get_cache().state(HOST + site.article.url) == "absent"
    client.logout()
    client.get(site.article.url)  # stored for anonymous readers now
    client.force_login(reader)
    assert "X-Page-Cache" not in client.get(site.article.url)


def test_pages_with_a_csrf_token_or_a_cookie_are_never_stored(site, client):
    # The login form carries a CSRF token (and sets its cookie).
    response = client.get("/en/accounts/login/")
    assert response.status_code == 200
    assert "csrfmiddlewaretoken" in response.content.decode()
    assert get_cache().state(HOST + "/en/accounts/login/") == "absent"
    # With the CSRF cookie already set, the token still marks the page personal.
    response = client.get("/en/accounts/login/")
    assert get_cache().state(HOST + "/en/accounts/login/") == "absent"


def test_a_password_protected_page_is_never_stored(site, client):
    response = client.get(site.private.url)
    assert response.status_code == 200  # the password form
    assert get_cache().state(HOST + site.private.url) == "absent"


def test_errors_and_redirects_are_not_stored(site, client):
    assert client.get("/en/no-such-page/").status_code == 404
    assert get_cache().state(HOST + "/en/no-such-page/") == "absent"
    assert client.get("/").status_code == 302
    assert get_cache().state(HOST + "/") == "absent"


def test_the_cache_can_be_turned_off(site, client):
    with override_settings(DATELINE_PAGE_CACHE={"ENABLED": False}):
        assert "X-Page-Cache" not in client.get(site.article.url)


class Recorder:
    """Stands for Django behind the ASGI front: counts what reaches it."""

    def __init__(self):
        self.calls = 0

    async def __call__(self, scope, receive, send):
        self.calls += 1
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": b"rendered by django"})


def asgi_get(app, path, headers=(), method="GET"):
    sent = []

    async def receive():
        return {"type": "http.request", "body": b""}

    async def send(message):
        sent.append(message)

    scope = {
        "type": "http",
        "method": method,
        "path": path,
        "query_string": b"",
        "scheme": "http",
        "headers": [(b"host", b"testserver"), *headers],
    }
    asyncio.run(app(scope, receive, send))
    start = sent[0]
    body = b"".join(m.get("body", b"") for m in sent[1:])
    return start["status"], dict(start["headers"]), body


def test_the_asgi_front_answers_hits_without_django(site, client):
    stored = client.get(site.article.url)
    django = Recorder()
    app = PageCacheApp(django)
    status, headers, body = asgi_get(app, site.article.url)
    assert django.calls == 0
    assert status == 200
    assert body == stored.content
    assert headers[b"x-page-cache"] == b"hit"
    assert headers[b"etag"] == stored["ETag"].encode()
    assert int(headers[b"content-length"]) == len(body)

    status, headers, body = asgi_get(
        app, site.article.url, [(b"if-none-match", stored["ETag"].encode())]
    )
    assert (status, body, django.calls) == (304, b"", 0)

    status, headers, zipped = asgi_get(app, site.article.url, [(b"accept-encoding", b"gzip, br")])
    import gzip

    assert headers[b"content-encoding"] == b"gzip"
    assert gzip.decompress(zipped) == stored.content
    assert b"Accept-Encoding" in headers[b"vary"]


def test_the_asgi_front_passes_sessions_misses_and_posts_to_django(site, client):
    client.get(site.article.url)
    django = Recorder()
    app = PageCacheApp(django)
    asgi_get(app, site.article.url, [(b"cookie", b"theme=dark; sessionid=abc")])
    asgi_get(app, site.politics.url)  # never rendered: a miss
    asgi_get(app, site.article.url, method="POST")
    asgi_get(app, site.article.url, [(b"authorization", b"Basic eDp5")])
    assert django.calls == 4
    # A cookie that merely contains the name is not a session.
    _, headers, _ = asgi_get(app, site.article.url, [(b"cookie", b"notsessionid=1")])
    assert headers[b"x-page-cache"] == b"hit"


def test_what_goes_to_django_waits_its_turn(settings):
    """A flood of misses does not start a thread per connection: N at a time per worker."""
    settings.DATELINE_DJANGO_CONCURRENCY = 3
    inside = {"now": 0, "most": 0}

    async def slow_django(scope, receive, send):
        inside["now"] += 1
        inside["most"] = max(inside["most"], inside["now"])
        await asyncio.sleep(0.01)
        inside["now"] -= 1
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": b"ok"})

    app = PageCacheApp(slow_django)

    async def one(n):
        sent = []

        async def receive():
            return {"type": "http.request", "body": b""}

        async def send(message):
            sent.append(message)

        scope = {"type": "http", "method": "POST", "path": f"/en/x{n}/", "query_string": b"",
                 "scheme": "http", "headers": [(b"host", b"testserver")]}  # fmt: skip
        await app(scope, receive, send)
        return sent[0]["status"]

    async def flood():
        return await asyncio.gather(*(one(n) for n in range(12)))

    assert asyncio.run(flood()) == [200] * 12
    assert inside["most"] == 3


def test_the_asgi_front_forgets_a_page_as_soon_as_it_changes(site, client):
    client.get(site.article.url)
    django = Recorder()
    app = PageCacheApp(django)
    asgi_get(app, site.article.url)
    asgi_get(app, site.article.url)  # from the front's own memory now
    assert django.calls == 0
    article = site.article.specific
    article.title = "Council keeps the ferry route open"
    article.save_revision().publish()
    status, _, body = asgi_get(app, site.article.url)
    assert django.calls == 1  # rendered again, not the copy from before
    assert body == b"rendered by django"
