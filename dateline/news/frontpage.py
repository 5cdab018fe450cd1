"""What an edition's home page shows: the top story, the latest news and a rail per section."""

from .models.article import ArticlePage
from .models.section import SectionPage

LATEST_COUNT = 10
RAIL_COUNT = 4


def build_front_page(home):
    articles = ArticlePage.objects.descendant_of(home).published().newest_first().for_cards()
    top = home.top_story if home.top_story_id and home.top_story.live else None
    latest = list(articles[: LATEST_COUNT + 1])
    if top is None and latest:
        top = latest[0]
    latest = [a for a in latest if a.pk != getattr(top, "pk", None)][:LATEST_COUNT]

    rails = []
    for section in SectionPage.objects.child_of(home).live().public().order_by("path"):
        rail = list(
            ArticlePage.objects.child_of(section)
            .published()
            .newest_first()
            .for_cards()[:RAIL_COUNT]
        )
        if rail:
            rails.append({"section": section, "articles": rail})
    return {"top_story": top, "latest": latest, "rails": rails}
