"""What an edition's home page shows: the top story, the latest news and a rail per section."""

import heapq

from .models.article import ArticlePage
from .models.section import SectionPage

LATEST_COUNT = 10  # after the top story and the pinned stories
RAIL_COUNT = 4


def build_front_page(home):
    sections = list(SectionPage.objects.child_of(home).live().public().order_by("path"))
    top = None
    if home.top_story_id:
        # The curated top story must be readable by anyone: live and not behind a restriction.
        top = ArticlePage.objects.published().for_cards().filter(pk=home.top_story_id).first()

    pinned = _pinned_stories(home, exclude=getattr(top, "pk", None))

    # One indexed query per section (section, newest first) feeds both its rail and the
    # latest list: a single query over all sections would sort the whole archive.
    wanted = LATEST_COUNT + 1 + len(pinned)
    newest = {
        section.pk: list(
            ArticlePage.objects.filter(section=section)
            .published()
            .newest_first()
            .for_cards()[:wanted]
        )
        for section in sections
    }
    latest = heapq.nlargest(
        wanted,
        (article for articles in newest.values() for article in articles),
        key=lambda article: (article.published_at, article.pk),
    )
    if top is None and latest:
        top = latest[0]
    shown = {getattr(top, "pk", None), *(article.pk for article in pinned)}
    latest = [article for article in latest if article.pk not in shown]
    rails = [
        {"section": section, "articles": newest[section.pk][:RAIL_COUNT]}
        for section in sections
        if newest[section.pk]
    ]
    return {
        "top_story": top,
        "pinned": pinned,
        "latest": latest[:LATEST_COUNT],
        "rails": rails,
    }


def _pinned_stories(home, exclude=None):
    """The edition's pinned stories readers may open, in the editors' order."""
    wanted = [pin.article_id for pin in home.pinned_stories.all() if pin.article_id != exclude]
    if not wanted:
        return []
    readable = (
        ArticlePage.objects.published()
        .for_cards()
        .filter(pk__in=wanted, locale_id=home.locale_id)
        .in_bulk()
    )
    return [readable[pk] for pk in dict.fromkeys(wanted) if pk in readable]
