"""Failed sign-in attempts counted in the shared cache, per account and per client address.

A throttle is a limit of failures within a window (seconds), counted from the first failure.
Each attempt reserves its place with an atomic increment (cache.add, then cache.incr: one
Redis INCR shared by every worker) before the password is checked, and gives the place back
if the password was right. However many attempts arrive at once, no more than the limit are
checked: the next ones find the counter past it and are refused, right password or not, until
the window has passed. docs/security.md, "Staff sign-in", gives the limits.

With the cache down the counters open (dateline/caching/redis_cache.py): sign-in keeps working,
unthrottled, rather than locking everybody out.
"""

import hashlib
import math
import time

from allauth.account.adapter import get_adapter
from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import PermissionDenied

KEY_PREFIX = "signin-throttle"


class Throttle:
    """At most `limit` failures of one kind per identity (an account, an address) per `window`."""

    def __init__(self, name):
        self.name = name
        self.limit, self.window = settings.DATELINE_SIGN_IN_THROTTLES[name]

    def key(self, identity):
        digest = hashlib.sha256(str(identity).encode()).hexdigest()[:32]
        return f"{KEY_PREFIX}:{self.name}:{digest}"

    def failures(self, identity):
        return cache.get(self.key(identity), 0)

    def reserve(self, identity):
        """Count one more attempt; the count, this one included."""
        key = self.key(identity)
        # The window starts with the first failure: add() sets it only when there is none.
        # incr() keeps the expiry (Redis INCR, or the local cache's own).
        if cache.add(key, 0, timeout=self.window):
            cache.set(f"{key}:ends", time.time() + self.window, timeout=self.window)
        try:
            return cache.incr(key)
        except ValueError:
            # Expired between add() and incr(), or the cache is unreachable (then it opens).
            return 1 if cache.add(key, 1, timeout=self.window) else 0

    def release(self, identity):
        """Give an attempt's place back (its password was right)."""
        try:
            cache.decr(self.key(identity))
        except ValueError:
            pass  # the window has ended meanwhile: nothing to give back

    def retry_after(self, identity):
        """Seconds until the window ends (the whole window if unknown)."""
        ends = cache.get(f"{self.key(identity)}:ends")
        return min(self.window, max(0, ends - time.time())) if ends else self.window


class Attempt:
    """One sign-in attempt against several throttles (each with the identity it counts).

    Use as::

        attempt = Attempt(request, [(by_account, username), (by_address, None)])
        if not attempt.begin():
            refuse (attempt.minutes_left() to say when to come back)
        ... check the password ...
        if right: attempt.succeeded()

    An identity of None stands for the client's address.
    """

    def __init__(self, request, throttles):
        self.address = client_address(request)
        self.throttles = [
            (throttle, self.address if identity is None else identity)
            for throttle, identity in throttles
        ]
        self.reserved = []
        self.locked_by = None

    def begin(self):
        """Reserve a place under every throttle; False (nothing reserved) if one is full."""
        for throttle, identity in self.throttles:
            # A cheap read first: a locked account is not counted any further.
            if throttle.failures(identity) >= throttle.limit:
                return self._refuse(throttle, identity)
            count = throttle.reserve(identity)
            self.reserved.append((throttle, identity))
            if count > throttle.limit:
                return self._refuse(throttle, identity)
        return True

    def succeeded(self):
        for throttle, identity in self.reserved:
            throttle.release(identity)
        self.reserved = []

    def minutes_left(self):
        throttle, identity = self.locked_by
        return max(1, math.ceil(throttle.retry_after(identity) / 60))

    def _refuse(self, throttle, identity):
        # Refused attempts are not failures: they do not keep the lock going.
        self.succeeded()
        self.locked_by = (throttle, identity)
        return False


def client_address(request):
    """The client's address as the readers' login sees it (allauth's adapter: the proxies it
    is told to trust, ALLAUTH_TRUSTED_PROXY_COUNT or ALLAUTH_TRUSTED_CLIENT_IP_HEADER)."""
    try:
        return get_adapter(request).get_client_ip(request)
    except PermissionDenied:
        return "unknown"
