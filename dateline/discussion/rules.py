"""Where a discussion stands: its moderation mode and whether it is open, closed or off.

Settings are looked up on the article first, then on its section, then the site default.
"""

from dataclasses import dataclass
from datetime import timedelta

from django.utils import timezone

from . import conf
from .models import DiscussionSettings, Mode, State


@dataclass(frozen=True)
class Discussion:
    mode: str
    state: str
    closes_at: object = None

    @property
    def is_open(self):
        return self.state == State.OPEN

    @property
    def is_off(self):
        return self.state == State.OFF

    @property
    def premoderated(self):
        return self.mode == Mode.PRE


def discussion_for(article, now=None):
    now = now or timezone.now()
    page_ids = [article.pk] + ([article.section_id] if article.section_id else [])
    found = {s.page_id: s for s in DiscussionSettings.objects.filter(page_id__in=page_ids)}
    layers = [found.get(article.pk), found.get(article.section_id)]

    def pick(field, default):
        for layer in layers:
            value = getattr(layer, field, None) if layer else None
            if value not in (None, ""):
                return value
        return default

    mode = pick("mode", conf.get("MODE"))
    state = pick("state", State.OPEN)
    days = pick("close_after_days", conf.get("CLOSE_AFTER_DAYS"))
    closes_at = None
    published = article.first_published_at
    if days and published:
        closes_at = published + timedelta(days=days)
        if state == State.OPEN and now >= closes_at:
            state = State.CLOSED
    if not article.live:
        state = State.OFF
    return Discussion(mode=mode, state=state, closes_at=closes_at)


def off_among(articles):
    """The ids of the articles whose discussion is turned off, from (id, section id) pairs,
    in one query (the article's own setting first, then its section's, as above)."""
    page_ids = {pk for pk, _section in articles} | {s for _pk, s in articles if s}
    states = dict(
        DiscussionSettings.objects.filter(page_id__in=page_ids)
        .exclude(state="")
        .values_list("page_id", "state")
    )
    return {
        pk for pk, section_id in articles if states.get(pk, states.get(section_id)) == State.OFF
    }
