"""The banner's data on every reader page, looked up only when a template uses it."""

import logging
from functools import cached_property

from django.conf import settings
from django.db import DatabaseError
from django.utils import translation

from .stream import edition_channel, rendered_last_id, stream_url

logger = logging.getLogger(__name__)


class LiveContext:
    def __init__(self):
        self.language = translation.get_language() or settings.LANGUAGE_CODE

    @cached_property
    def edition_last_id(self):
        # Read before the alert: a page kept in the shared cache shows the alert as it was,
        # and its reader's stream starts after this id (replaying any newer alert).
        return rendered_last_id(edition_channel(self.language))

    @cached_property
    def alert(self):
        from .alerts import current_alert

        self.edition_last_id  # noqa: B018 - read first, see above
        try:
            return current_alert(self.language)
        except DatabaseError:
            # The error pages extend the base layout too: they must render without a database.
            logger.warning("live: no alert banner, the database failed", exc_info=True)
            return None

    @cached_property
    def edition_stream(self):
        return stream_url(edition_channel(self.language))


def live(request):
    return {"live": LiveContext()}
