"""What an edition's home page shows: the top story, the latest news and a rail per section."""

import heapq

from .models.article import ArticlePage
from .models.section import SectionPage

LATEST_COUNT = 10
RAIL_COUNT = 4


def build_front_page(home):
    sections = list(SectionPage.objects.child_of(home).live().public().order_by("path"))
    top = None
    if home.top_story_id:
        # The curated top story must be readable by anyone: live and not behind a restriction.
        top = ArticlePage.objects.published().for_cards().filter(pk=home.top_story_id).first()

    # One indexed query per section (section, newest first) feeds both its rail and the
    # latest list: a single query over all sections would sort the whole archive.
    wanted = LATEST_COUNT + 1
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
    latest = [article for article in latest if article.pk != getattr(top, "pk", None)]
    rails = [
        {"section": section, "articles": newest[section.pk][:RAIL_COUNT]}
        for section in sections
        if newest[section.pk]
    ]
    return {"top_story": top, "latest": latest[:LATEST_COUNT], "rails": rails}
