"""Fixed-window counters in the cache, safe under concurrent requests.

cache.add() creates the counter only if it is missing and cache.incr() is atomic on
Redis (INCR) and on the local-memory cache (under its lock), so two requests never both
read the same count. A missing or unreachable cache lets the request through.
"""

import time

from django.core.cache import cache

from . import conf


def hit(name, ident, now=None):
    """Count one request of kind `name` by `ident`; False when over the limit."""
    limit, window = conf.get("RATES")[name]
    bucket = int((now or time.time()) // window)
    key = f"discussion:rate:{name}:{ident}:{bucket}"
    try:
        cache.add(key, 0, timeout=window + 1)
        count = cache.incr(key)
    except ValueError:  # expired between add() and incr()
        cache.add(key, 1, timeout=window + 1)
        count = 1
    except Exception:  # noqa: BLE001 - a cache outage must not stop the discussion
        return True
    return count <= limit


def client_ip(request):
    """The client's address as the server saw it (behind a proxy, set REMOTE_ADDR there)."""
    return request.META.get("REMOTE_ADDR") or "unknown"
