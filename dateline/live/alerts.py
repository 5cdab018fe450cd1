"""Breaking-news alerts: what an edition shows now, and announcing a change to open pages."""

import json
import logging

from django.core.cache import cache
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation

from dateline.caching.changes import invalidate
from dateline.news.models.home import breaking_news_tag

from .backends import get_broker
from .models import Alert
from .signals import alert_changed
from .stream import edition_channel

logger = logging.getLogger(__name__)

CACHE_TIMEOUT = 60


def banner_tag(language):
    """The tag of an edition's banner on the pages that show it to readers without JavaScript
    (the edition's home: news.models.home); other pages get a new alert by their stream."""
    return breaking_news_tag(language)


def cache_key(language):
    return f"live:alert:{language}"


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


def current_alert(language):
    """The newest active alert of an edition, as a dict for the banner, or None.

    Read from the cache (one get per page), filled from the database on a miss; a cache
    outage falls back to the database instead of failing the page.
    """
    try:
        data = cache.get(cache_key(language))
    except Exception:
        logger.warning("live: cache unavailable for the alert banner", exc_info=True)
        data = None
        use_cache = False
    else:
        use_cache = True
    if data is None:
        alert = Alert.objects.active().for_language(language).newest_first().first()
        data = _as_dict(alert)
        if use_cache:
            try:
                cache.set(cache_key(language), data, CACHE_TIMEOUT)
            except Exception:  # noqa: S110 - logged on get already
                pass
    return _with_label(data)


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

    def push():
        try:
            cache.delete(cache_key(language))
        except Exception:
            logger.warning("live: could not clear the alert cache", exc_info=True)
        invalidate([banner_tag(language)])
        html = render_banner(language)
        get_broker().publish(edition_channel(language), "alert", json.dumps({"html": html}))
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
