"""What the caches are validated and purged against, kept in the database beside the content.

A change writes its stamps and its purge in the same transaction as (or right after) the
content it changes, so neither a Redis outage nor a crash can lose it.
"""

from django.db import models

# The stamp every change advances: its seq orders all changes, commit order included (its row
# lock is held until commit). A render remembers it when it starts (tags.Collector.since).
EVERYTHING = "*"


class Stamp(models.Model):
    """The sequence number of the last change to a tag; never deleted."""

    tag = models.CharField(max_length=200, primary_key=True)
    seq = models.BigIntegerField()

    def __str__(self):
        return f"{self.tag}@{self.seq}"


class CachedURL(models.Model):
    """A URL the shared cache may hold, and a digest of the tags it was stored with."""

    url = models.CharField(max_length=2000, unique=True)
    digest = models.CharField(max_length=32)
    since = models.DateTimeField()  # the tags below are those registered since then
    seen = models.DateTimeField(db_index=True)  # last registered (to the hour)

    class Meta:
        verbose_name = "cached URL"

    def __str__(self):
        return self.url


class URLTag(models.Model):
    """The URL index: which cached URL shows which tag."""

    tag = models.CharField(max_length=200)
    url = models.ForeignKey(CachedURL, on_delete=models.CASCADE, related_name="tags")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["tag", "url"], name="caching_urltag_pair")]

    def __str__(self):
        return f"{self.tag} -> {self.url_id}"


class Purge(models.Model):
    """A change the shared cache and the CDNs still have to hear about (an outbox row).

    Sent after the commit, then once more a moment later (a fetch in flight during the first
    pass may have stored the old copy); retried with backoff until it succeeds.
    """

    tags = models.JSONField(default=list)
    urls = models.JSONField(default=list)  # addresses the change names itself (a page's own)
    retract = models.BooleanField(default=False)
    created = models.DateTimeField(auto_now_add=True)
    due = models.DateTimeField(db_index=True)
    claimed_until = models.DateTimeField(null=True, blank=True)
    passes_left = models.PositiveSmallIntegerField(default=2)
    cursor = models.BigIntegerField(default=0)  # the URL index id reached in this pass
    attempts = models.PositiveIntegerField(default=0)
    last_error = models.TextField(blank=True)

    class Meta:
        ordering = ["-retract", "due", "pk"]

    def __str__(self):
        return f"{'retract' if self.retract else 'refresh'} {', '.join(self.tags[:5])}"
