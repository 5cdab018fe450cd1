"""Redis down or hanging: pages are still served, logins do not hang, the cache comes back.

Same Redis policy as the live tests: with REDIS_URL set (CI's second run) the real Redis must
answer; without it a local Redis is used when there is one.
"""

import os
from urllib.parse import urlparse

import pytest
from django.contrib.auth import get_user_model
from django.contrib.sessions.models import Session
from django.core.cache import caches
from django.test import override_settings

from dateline.live.tests.conftest import redis_url
from dateline.pagecache import resilience
from dateline.pagecache.serving import get_cache, reset_cache

from .flaky_redis import FlakyRedis
from .helpers import HOST

pytestmark = pytest.mark.django_db


class Clock:
    """The breakers' clock, moved by hand: no sleeping in tests."""

    def __init__(self, monkeypatch):
        import time

        self.offset = 0.0
        real = time.monotonic
        monkeypatch.setattr(resilience.time, "monotonic", lambda: real() + self.offset)

    def advance(self, seconds):
        self.offset += seconds


@pytest.fixture
def flaky(monkeypatch):
    target = urlparse(redis_url())
    proxy = FlakyRedis(target.hostname, target.port or 6379)
    prefix = f"degrade-{os.getpid()}"
    cache_settings = {
        "default": {
            "BACKEND": "dateline.pagecache.resilience.ResilientRedisCache",
            "LOCATION": proxy.url,
            "KEY_PREFIX": prefix,
            "RETRY_AFTER": 5,
            "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
        }
    }
    page_cache = {
        "STORE": "redis",
        "REDIS_URL": proxy.url,
        "KEY_PREFIX": prefix,
        "SOCKET_TIMEOUT": 0.2,
    }
    with override_settings(CACHES=cache_settings, DATELINE_PAGE_CACHE=page_cache):
        caches._settings = caches.settings = cache_settings
        caches._connections.__dict__.pop("default", None)
        reset_cache()
        proxy.clock = Clock(monkeypatch)
        yield proxy
        get_cache().clear()
        reset_cache()
    caches._connections.__dict__.pop("default", None)
    proxy.close()


def test_pages_are_served_while_redis_hangs_and_cached_again_when_it_returns(site, client, flaky):
    assert client.get(site.article.url)["X-Page-Cache"] == "miss"
    assert client.get(site.article.url)["X-Page-Cache"] == "hit"  # through Redis

    flaky.mode = "hang"
    get_cache().store.client.connection_pool.disconnect()
    get_cache().local.clear()
    response = client.get(site.article.url)
    assert response.status_code == 200
    assert response["X-Page-Cache"] == "miss"  # rendered: the store did not answer
    assert get_cache().store.breaker.is_open
    assert client.get(site.politics.url).status_code == 200
    tried = flaky.accepted
    for _ in range(5):
        assert client.get(site.politics.url).status_code == 200
    # While the breaker is open nobody waits on Redis again.
    assert flaky.accepted == tried

    flaky.mode = "forward"
    flaky.clock.advance(6)
    assert client.get(site.politics.url)["X-Page-Cache"] == "miss"
    assert get_cache().state(HOST + site.politics.url) == "fresh"
    assert client.get(site.politics.url)["X-Page-Cache"] in ("hit",)


def test_logins_work_and_sessions_survive_while_redis_hangs(site, client, flaky):
    user = get_user_model().objects.create_user(
        "reader", "reader@example.org", "a-long-pass-phrase", display_name="Wendeline Oort"
    )
    from allauth.account.models import EmailAddress

    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    flaky.mode = "hang"
    caches["default"]._cache.get_client().connection_pool.disconnect()
    response = client.post(
        "/en/accounts/login/", {"login": "reader@example.org", "password": "a-long-pass-phrase"}
    )
    assert response.status_code == 302
    assert Session.objects.count() == 1  # in the database, not only in the cache
    assert caches["default"].breaker.is_open
    assert client.get("/en/account/").status_code in (200, 302)
    assert "_auth_user_id" in client.session

    flaky.mode = "forward"
    flaky.clock.advance(6)
    caches["default"].set("back", "yes")
    assert caches["default"].get("back") == "yes"
