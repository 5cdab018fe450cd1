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


def test_the_demo_shows_readers_the_designed_error_pages():
    """scripts/demo serves with DEBUG off: a wrong address in the Russian edition is the
    edition's own 404 page, never Django's debug page listing every URL pattern; the demo's
    static files are served all the same."""
    import subprocess
    import sys

    probe = (
        "import django; django.setup()\n"
        "from django.conf import settings\n"
        "from django.core.management import call_command\n"
        "from django.test import Client\n"
        "call_command('migrate', verbosity=0)\n"
        "from dateline.news.sitetree import ensure_editions\n"
        "ensure_editions()\n"
        "client = Client(HTTP_HOST='127.0.0.1')\n"
        "missing = client.get('/ru/no-such-page/')\n"
        "style = client.get('/static/dateline/css/site.css')\n"
        "print(settings.DEBUG, missing.status_code, style.status_code)\n"
        "print(missing.content.decode())\n"
    )
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "dateline.settings.demo",
        "DATABASE_URL": "sqlite://:memory:",
        "REDIS_URL": "",
    }
    out = subprocess.run(  # noqa: S603 - our own interpreter and code
        [sys.executable, "-c", probe], capture_output=True, text=True, env=env, check=True
    ).stdout
    status, _, page = out.partition("\n")
    assert status.split() == ["False", "404", "200"]
    assert "Страница не найдена" in page
    assert "URLconf" not in page and "Using the URLconf" not in page
