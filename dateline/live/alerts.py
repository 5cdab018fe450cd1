"""Breaking-news alerts: what an edition shows now, and announcing a change to open pages."""

import json
import logging

from django.core.cache import cache
from django.db import DatabaseError, transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation

from dateline.caching.changes import invalidate
from dateline.news.models.home import breaking_news_tag

from .backends import get_broker
from .models import Alert
from .signals import alert_changed
from .stream import edition_channel, rendered_last_id

logger = logging.getLogger(__name__)

CACHE_TIMEOUT = 60


def banner_tag(language):
    """The tag of an edition's banner on the pages that show it to readers without JavaScript
    (the edition's home: news.models.home); other pages get a new alert by their stream."""
    return breaking_news_tag(language)


def cache_key(language):
    """The cache entry of an edition's banner state (banner_state()). Its last event id
    belongs to the broker's log: a broker of its own (a test's) has entries of its own."""
    return f"live:banner:{get_broker().key_prefix}:{language}"


def _as_dict(alert):
    if alert is None:
        return {}
    return {
        "id": alert.pk,
        "headline": alert.headline,
        "link": alert.link,
        "level": alert.level,
    }


def _with_label(data):
    if not data:
        return None
    label = dict(Alert._meta.get_field("level").flatchoices).get(data["level"], "")
    return {**data, "level_label": label}


def _newest(language):
    return _as_dict(Alert.objects.active().for_language(language).newest_first().first())


def current_alert(language):
    """The newest active alert of an edition, as a dict for the banner, or None (read from
    the database: what an announcement publishes)."""
    return _with_label(_newest(language))


def banner_state(language):
    """(the edition channel's last event id, its alert as a dict or None), as pages render
    the banner: one cache get for both.

    On a miss the id is read before the alert (docs/live.md): whatever changes after the id
    is replayed by the reader's stream, so the pair, kept together, is never older than its
    id. It is kept only when the broker could tell the id. A cache outage falls back to the
    broker and the database; a database outage shows no alert (the error pages extend the
    base layout too: they render without a database).
    """
    key = cache_key(language)
    try:
        state = cache.get(key)
    except Exception:
        logger.warning("live: cache unavailable for the alert banner", exc_info=True)
        state = None
        use_cache = False
    else:
        use_cache = True
    if state is None:
        last_id = rendered_last_id(edition_channel(language))
        try:
            data = _newest(language)
        except DatabaseError:
            logger.warning("live: no alert banner, the database failed", exc_info=True)
            return last_id, None
        state = (last_id, data)
        if use_cache and last_id:
            try:
                cache.set(key, state, CACHE_TIMEOUT)
            except Exception:  # noqa: S110 - logged on get already
                pass
    return state[0], _with_label(state[1])


def render_banner(language):
    """The inside of the banner for an edition, as pages render it."""
    with translation.override(language):
        alert = current_alert(language)
        if alert is None:
            return ""
        return render_to_string("live/includes/alert.html", {"alert": alert}).strip()


def announce(language):
    """After a change to an edition's alerts: refresh the cache, push to open pages, tell apps.

    Runs after the transaction commits, so nobody sees an alert that was rolled back.
    """

    def forget():
        try:
            cache.delete(cache_key(language))
        except Exception:
            logger.warning("live: could not clear the alert cache", exc_info=True)

    def push():
        forget()
        invalidate([banner_tag(language)])
        html = render_banner(language)
        get_broker().publish(edition_channel(language), "alert", json.dumps({"html": html}))
        # Again: a render that read the old id and alert meanwhile may have kept them, right
        # together (its readers' streams replay this event) but stale without scripts.
        forget()
        alert_changed.send(sender=Alert, language=language)

    transaction.on_commit(push)


def raise_alert(*, headline, locale, link="", level="breaking"):
    alert = Alert(headline=headline, locale=locale, link=link, level=level)
    alert.full_clean()
    alert.save()
    announce(locale.language_code)
    return alert


def retire_alert(alert):
    alert.active = False
    alert.retired_at = timezone.now()
    alert.save(update_fields=["active", "retired_at"])
    announce(alert.locale.language_code)
    return alert
