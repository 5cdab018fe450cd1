"""Settings of the page cache (DATELINE_PAGE_CACHE), with their defaults."""

from django.conf import settings

DEFAULTS = {
    "ENABLED": True,
    # "memory" (one process: the embedded default) or "redis" (shared by every worker).
    "STORE": "memory",
    "REDIS_URL": "",
    "KEY_PREFIX": "dateline",
    # How long a stored page is kept at most; freshness itself comes from its tags.
    "TIMEOUT": 24 * 3600,
    # How long a worker trusts its own copy before asking the shared store again.
    "LOCAL_TTL": 0.5,
    "LOCAL_MAX_BYTES": 48 * 1024 * 1024,
    "MEMORY_MAX_BYTES": 128 * 1024 * 1024,
    # Parts of pages kept rendered (rendercache.py): article bodies, cards. In the memory
    # store they have a budget of their own.
    "RENDER_CACHE": True,
    "RENDER_MAX_BYTES": 32 * 1024 * 1024,
    # While one request re-renders a changed page, others get the previous copy this long.
    "STALE_GRACE": 10,
    # Headers for browsers and CDNs (seconds).
    "BROWSER_MAX_AGE": 30,
    "SHARED_MAX_AGE": 600,
    "STALE_WHILE_REVALIDATE": 60,
    "STALE_IF_ERROR": 86400,
    # Query parameters that never change a page (campaign tracking): left out of the key.
    "IGNORED_PARAMS": ["utm_", "fbclid", "gclid", "mc_cid", "mc_eid"],
    # After a Redis failure, skip Redis for this long before trying again.
    "RETRY_AFTER": 5.0,
    "SOCKET_TIMEOUT": 0.25,
}


def get(name):
    return {**DEFAULTS, **getattr(settings, "DATELINE_PAGE_CACHE", {})}[name]


def options():
    return {**DEFAULTS, **getattr(settings, "DATELINE_PAGE_CACHE", {})}
