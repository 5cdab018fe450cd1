"""The URL index: which URLs the shared cache may hold, and which tags each one shows.

Written before a response leaves for the shared cache (middleware.py), read by the purger to
turn a change's tags into addresses. Tags are added to a URL, not replaced: several nginx
servers may each hold another version of it. After RESET_AFTER the set starts again from the
current tags: no shared cache holds anything that old (nginx drops unread copies after 12 h,
deploy/nginx/dateline.conf). URLs no longer served are forgotten by prune() (the
prune_url_index command, daily).
"""

import hashlib
from datetime import timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone

from .models import CachedURL, URLTag

RESET_AFTER = timedelta(days=1)
SEEN_EVERY = timedelta(hours=1)
# Not served for this long, a URL cannot be in any shared cache (pages are kept 10 minutes,
# unread copies dropped after 12 hours): prune() forgets it.
FORGET_AFTER = timedelta(days=2)


def digest(tag_names):
    return hashlib.blake2b(" ".join(sorted(tag_names)).encode(), digest_size=16).hexdigest()


def register(url, tag_names):
    """Make sure a purge of any of these tags will reach url (one query when it already does,
    and a write an hour to say it is still served: prune() forgets what is not)."""
    new = digest(tag_names)
    row = CachedURL.objects.filter(url=url).values_list("pk", "digest", "since", "seen").first()
    now = timezone.now()
    if row is not None and row[1] == new:
        if row[3] < now - SEEN_EVERY:
            CachedURL.objects.filter(pk=row[0]).update(seen=now)
        return
    try:
        with transaction.atomic():
            if row is None:
                cached = CachedURL.objects.create(url=url, digest=new, since=now, seen=now)
            else:
                cached = CachedURL(pk=row[0], url=url, digest=new, since=row[2], seen=now)
                if row[2] < now - RESET_AFTER:
                    URLTag.objects.filter(url=cached).delete()
                    cached.since = now
                cached.save(update_fields=["digest", "since", "seen"])
            URLTag.objects.bulk_create(
                [URLTag(tag=name, url=cached) for name in tag_names], ignore_conflicts=True
            )
    except IntegrityError:  # another process registered it at the same moment
        register(url, tag_names)


def urls_for(tag_names, after=0, limit=200):
    """[(id, url)] of the URLs showing any of these tags, by id after `after`."""
    ids = (
        URLTag.objects.filter(tag__in=list(tag_names), url_id__gt=after)
        .order_by("url_id")
        .values_list("url_id", flat=True)
        .distinct()[:limit]
    )
    ids = list(ids)
    urls = dict(CachedURL.objects.filter(pk__in=ids).values_list("pk", "url"))
    return [(pk, urls[pk]) for pk in ids if pk in urls]


def prune(dry_run=False):
    """Forget URLs no shared cache can hold any more (their purges would go nowhere): how
    many."""
    old = CachedURL.objects.filter(seen__lt=timezone.now() - FORGET_AFTER)
    count = old.count()
    if not dry_run:
        old.delete()
    return count
