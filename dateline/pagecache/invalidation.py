"""Announcing that something changed: the one entry point, for every app.

invalidate() marks the tags changed in the page cache at once and again after the transaction
commits: a page rendered in between, from the data before the commit, would otherwise be
stored as fresh. After the commit it also purges the same pages from the CDNs configured in
WAGTAILFRONTENDCACHE through Wagtail's front-end cache backends, by URL.
"""

import logging

from django.conf import settings
from django.db import transaction

from .serving import get_cache

logger = logging.getLogger(__name__)


def invalidate(tags, hard=False):
    tags = {t for t in tags if t}
    if not tags:
        return

    def mark():
        try:
            get_cache().invalidate(tags, hard=hard)
        except Exception:
            logger.exception("page cache: could not invalidate %s", sorted(tags))

    def run():
        mark()
        cache = get_cache()
        if getattr(settings, "WAGTAILFRONTENDCACHE", None):
            urls = sorted(cache.store.keys_for(tags))
            if urls:
                from .tasks import purge_urls

                purge_urls.enqueue(urls)

    mark()
    transaction.on_commit(run)
