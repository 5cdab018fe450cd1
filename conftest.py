"""Session-wide test isolation: media files and cache keys never leave the test run.

The test settings would put media under var/; every session (and every xdist worker) writes
to its own temporary directory instead, and uses its own cache key prefix so parallel workers
sharing one Redis database cannot read each other's cached site roots or renditions.
"""

import os

import pytest
from django.conf import settings
from django.test.utils import override_settings

from dateline.conftest import clear_cache



@pytest.fixture(scope="session", autouse=True)
def _isolated_media_and_cache(tmp_path_factory):
    worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
    caches = {name: dict(config) for name, config in settings.CACHES.items()}
    for config in caches.values():
        config["KEY_PREFIX"] = f"{config.get('KEY_PREFIX', '')}-test-{worker}-{os.getpid()}"
    media_root = tmp_path_factory.mktemp("media")
    with override_settings(MEDIA_ROOT=str(media_root), CACHES=caches):
        yield media_root


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with empty caches (Wagtail caches site roots and renditions; a
    rolled-back test leaves no stamps behind, but fragments it kept would still be there,
    with seqs the next test's database reaches again, as a database restored from a backup
    would: docs/caching.md)."""
    clear_cache()
    yield
