"""The banner's data on every reader page, looked up only when a template uses it."""

from functools import cached_property

from django.conf import settings
from django.utils import translation

from .stream import edition_channel, stream_url


class LiveContext:
    def __init__(self):
        self.language = translation.get_language() or settings.LANGUAGE_CODE

    @cached_property
    def _banner(self):
        from .alerts import banner_state

        # The id and the alert together (one cache get): a page kept in the shared cache
        # shows the alert as it was, and its reader's stream starts after this id
        # (replaying any newer alert).
        return banner_state(self.language)

    @property
    def edition_last_id(self):
        return self._banner[0]

    @property
    def alert(self):
        return self._banner[1]

    @cached_property
    def edition_stream(self):
        return stream_url(edition_channel(self.language))


def live(request):
    return {"live": LiveContext()}
