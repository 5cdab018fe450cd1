"""Session-wide test isolation: media files and cache keys never leave the test run.

The test settings would put media under var/; every session (and every xdist worker) writes
to its own temporary directory instead, and uses its own cache key prefix so parallel workers
sharing one Redis database cannot read each other's cached site roots or renditions.
"""

import os

import pytest
from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.redis import RedisCache
from django.test.utils import override_settings

from dateline.pagecache.serving import get_cache as get_page_cache
from dateline.pagecache.serving import reset_cache as reset_page_cache


@pytest.fixture(scope="session", autouse=True)
def _isolated_media_and_cache(tmp_path_factory):
    worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
    caches = {name: dict(config) for name, config in settings.CACHES.items()}
    for config in caches.values():
        config["KEY_PREFIX"] = f"{config.get('KEY_PREFIX', '')}-test-{worker}-{os.getpid()}"
    media_root = tmp_path_factory.mktemp("media")
    page_cache = {**settings.DATELINE_PAGE_CACHE}
    page_cache["KEY_PREFIX"] = f"{page_cache.get('KEY_PREFIX', '')}-test-{worker}-{os.getpid()}"
    with override_settings(
        MEDIA_ROOT=str(media_root), CACHES=caches, DATELINE_PAGE_CACHE=page_cache
    ):
        reset_page_cache()
        yield media_root
    reset_page_cache()


def clear_cache():
    """Empty this session's part of the cache.

    On Redis, cache.clear() would flush the whole database, under the feet of the other xdist
    worker (or of another test run sharing the server): delete only our own prefix's keys.
    """
    default = caches["default"]
    if isinstance(default, RedisCache):
        client = default._cache.get_client(write=True)
        keys = list(client.scan_iter(match=f"{default.key_prefix}:*", count=1000))
        if keys:
            client.delete(*keys)
    else:
        default.clear()
    get_page_cache().clear()


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache (Wagtail caches site roots and renditions)."""
    clear_cache()
    yield
