"""A change made by another process (a shell, the scheduler's own process, another machine)
reaches this one: its stamps and its purge are in the database, not in anybody's memory."""

import os
import subprocess
import sys
from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone

from dateline.caching.models import Purge
from dateline.conftest import build_world, postgresql_only, restore_wagtail_roots

pytestmark = pytest.mark.django_db(transaction=True)

UNPUBLISH = """
import django; django.setup()
from dateline.news.models import ArticlePage
ArticlePage.objects.get(pk={pk}).unpublish()
"""


def test_a_retraction_made_in_another_process_reaches_this_one(client, shared_cache):
    postgresql_only("another process cannot open the test's SQLite database")
    restore_wagtail_roots()
    world = build_world()
    for _ in range(2):  # indexed for the shared cache, and its fragments kept here
        page = client.get(world.article.url).content.decode()
        assert world.related.url in page
    shared_cache.told()
    db = connection.settings_dict
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "dateline.settings.test",
        "DATABASE_URL": f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}",
        # Its own attempt to purge fails (nothing listens): this process's purger sends it.
        "DATELINE_SHARED_CACHES": "http://127.0.0.1:9",
    }
    subprocess.run(  # noqa: S603 - our own interpreter and code
        [sys.executable, "-c", UNPUBLISH.format(pk=world.related.pk)],
        env=env,
        check=True,
        capture_output=True,
        timeout=120,
    )
    assert Purge.objects.filter(retract=True).exists()
    Purge.objects.update(due=timezone.now() - timedelta(seconds=1))
    told = shared_cache.told()
    assert {(world.related.url, True), (world.article.url, True)} <= told  # and its card
    page = client.get(world.article.url).content.decode()
    assert world.related.url not in page  # this process's kept fragments were not used
    assert client.get(world.related.url).status_code == 404
