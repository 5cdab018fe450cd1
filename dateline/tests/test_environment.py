"""The suite runs where CI says it runs: on PostgreSQL and Redis when they are configured.

CI sets DATELINE_REQUIRE_SERVICES=1 with DATABASE_URL and REDIS_URL; then these tests fail,
not skip, if the suite would silently fall back to SQLite or the local-memory cache.
"""

import os
import uuid

from django.conf import settings
from django.core.cache import cache
from django.db import connection

REQUIRED = os.environ.get("DATELINE_REQUIRE_SERVICES") == "1"


def test_database_is_the_configured_one(db):
    url = os.environ.get("DATABASE_URL", "")
    expected = "postgresql" if url.startswith(("postgres", "postgresql")) else "sqlite"
    if REQUIRED:
        assert expected == "postgresql", "CI requires DATABASE_URL to point at PostgreSQL"
    assert connection.vendor == expected
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        assert cursor.fetchone()[0] == 1


def test_cache_is_the_configured_one():
    backend = settings.CACHES["default"]["BACKEND"]
    if REQUIRED or os.environ.get("REDIS_URL"):
        assert backend == "dateline.caching.redis_cache.ResilientRedisCache"
    else:
        assert backend == "django.core.cache.backends.locmem.LocMemCache"
    key, value = f"probe-{uuid.uuid4()}", uuid.uuid4().hex
    cache.set(key, value, 30)
    assert cache.get(key) == value
    cache.delete(key)
    assert cache.get(key) is None


def test_development_settings_keep_nothing_between_requests():
    """A template edit shows on the next reload: no kept fragments, no cached templates."""
    import json
    import subprocess
    import sys

    probe = (
        "import json, django; django.setup()\n"
        "from django.conf import settings\n"
        "from django.template import engines\n"
        "loaders = engines['django'].engine.loaders\n"
        "print(json.dumps({'fragments': settings.DATELINE_FRAGMENTS,\n"
        "  'backend': settings.CACHES['fragments']['BACKEND'],\n"
        "  'cached_loader': any('cached' in str(l) for l in loaders)}))\n"
    )
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "dateline.settings.development"}
    out = subprocess.run(  # noqa: S603 - our own interpreter and code
        [sys.executable, "-c", probe], capture_output=True, text=True, env=env, check=True
    ).stdout
    found = json.loads(out.splitlines()[-1])
    assert found == {
        "fragments": False,
        "backend": "django.core.cache.backends.dummy.DummyCache",
        "cached_loader": False,
    }
