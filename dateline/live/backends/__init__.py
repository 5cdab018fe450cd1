"""Brokers carry live events from whoever publishes them to every open stream.

One module per backend behind ``base.Broker``: ``memory`` (in-process, the embedded default)
and ``redis`` (publish/subscribe across processes and machines, production).
"""

from django.conf import settings
from django.utils.module_loading import import_string

_broker = None


def live_settings():
    options = dict(settings.DATELINE_LIVE)
    if not options.get("KEY_PREFIX"):
        # Follow the cache's prefix, so test runs sharing a Redis never mix their events.
        cache_prefix = settings.CACHES["default"].get("KEY_PREFIX") or "dateline"
        options["KEY_PREFIX"] = f"{cache_prefix}:live"
    return options


def build_broker(**overrides):
    options = live_settings()
    options.update(overrides)
    backend = import_string(options.pop("BACKEND"))
    return backend(**{name.lower(): value for name, value in options.items()})


def get_broker():
    """The process's broker, built from settings.DATELINE_LIVE on first use."""
    global _broker
    if _broker is None:
        _broker = build_broker()
    return _broker


def set_broker(broker):
    """Replace the process's broker (tests); returns the previous one."""
    global _broker
    previous, _broker = _broker, broker
    return previous
