"""The banner's data on every reader page, looked up only when a template uses it."""

import logging
from functools import cached_property

from django.conf import settings
from django.db import DatabaseError
from django.utils import translation

from dateline.pagecache import kept

from .stream import edition_channel, rendered_last_id, stream_url

logger = logging.getLogger(__name__)


class LiveContext:
    def __init__(self):
        self.language = translation.get_language() or settings.LANGUAGE_CODE

    @property
    def slot_name(self):
        from .alerts import banner_slot

        return banner_slot(self.language)

    @cached_property
    def alert(self):
        from .alerts import CACHE_TIMEOUT, banner_slot, current_alert

        def load():
            try:
                return (current_alert(self.language),)
            except DatabaseError:
                # The error pages extend the base layout too: they must render without a
                # database.
                logger.warning("live: no alert banner, the database failed", exc_info=True)
                return None

        # Kept in the worker until the banner changes (its slot's tag), as long as the cache.
        found = kept.remember(
            ("live-alert", self.language),
            {banner_slot(self.language)},
            load,
            max_age=CACHE_TIMEOUT,
        )
        return found[0] if found else None

    @cached_property
    def edition_stream(self):
        return stream_url(edition_channel(self.language))

    @cached_property
    def edition_last_id(self):
        from .alerts import CACHE_TIMEOUT, banner_slot

        # Only alerts are sent on an edition's channel, and announce() marks the banner's tag
        # before sending: an id kept from before is at worst older, and a reader connecting
        # with it is sent the newest alert again.
        channel = edition_channel(self.language)
        return kept.remember(
            ("live-last-id", channel),
            {banner_slot(self.language)},
            lambda: rendered_last_id(channel),
            max_age=CACHE_TIMEOUT,
        )


def live(request):
    return {"live": LiveContext()}
