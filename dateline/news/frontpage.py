"""What an edition's home page shows: the top story, the latest news and a rail per section."""

import heapq

from django.utils import timezone

from .models.article import ArticlePage
from .models.section import SectionPage

LATEST_COUNT = 10  # after the top story and the pinned stories
RAIL_COUNT = 4


def build_front_page(home):
    sections = list(SectionPage.objects.child_of(home).live().public().order_by("path"))
    pins = [pin.article_id for pin in home.pinned_stories.all()]

    # Keys first: one index-only query per section (section, newest first) feeds both its rail
    # and the latest list (a single query over all sections would sort the whole archive).
    # Only the articles shown are then loaded, with their photos, in one query.
    wanted = LATEST_COUNT + 1 + len(pins)
    newest = {
        section.pk: list(
            ArticlePage.objects.filter(section=section)
            .published()
            .newest_first()
            .values_list("published_at", "pk")[:wanted]
        )
        for section in sections
    }
    latest_keys = [
        pk for _, pk in heapq.nlargest(wanted, (k for ks in newest.values() for k in ks))
    ]
    rail_keys = {
        section_pk: [pk for _, pk in keys[:RAIL_COUNT]] for section_pk, keys in newest.items()
    }
    curated = [home.top_story_id] if home.top_story_id else []
    articles = (
        ArticlePage.objects.published()
        .for_cards()
        .in_bulk({*curated, *pins, *latest_keys, *(pk for ks in rail_keys.values() for pk in ks)})
    )

    # The curated top story must be readable by anyone: live and not behind a restriction.
    top = articles.get(home.top_story_id) if home.top_story_id else None
    pinned = [
        articles[pk]
        for pk in dict.fromkeys(pins)
        if pk in articles
        and pk != getattr(top, "pk", None)
        and articles[pk].locale_id == home.locale_id
    ]
    if top is None and latest_keys:
        top = articles.get(latest_keys[0])
    shown = {getattr(top, "pk", None), *(article.pk for article in pinned)}
    latest = [articles[pk] for pk in latest_keys if pk not in shown and pk in articles]
    rails = [
        {"section": section, "articles": [articles[pk] for pk in rail_keys[section.pk]]}
        for section in sections
        if rail_keys[section.pk]
    ]
    latest = latest[:LATEST_COUNT]
    return {
        "top_story": top,
        "pinned": pinned,
        "latest": latest,
        "latest_items": with_day_changes(latest),
        "rails": rails,
    }


def with_day_changes(articles, today=None):
    """[{"article", "new_day"}]: new_day is the article's day where the list enters a day
    other than the one before it (today's for the first), None elsewhere."""
    day = today or timezone.localdate()
    items = []
    for article in articles:
        when = article.first_published_at
        published = timezone.localdate(when) if when else day
        items.append({"article": article, "new_day": published if published != day else None})
        day = published
    return items
