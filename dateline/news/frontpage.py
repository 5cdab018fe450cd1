"""What an edition's home page shows: the top story, the latest news and a rail per section."""

from .models.article import ArticlePage
from .models.section import SectionPage

LATEST_COUNT = 10
RAIL_COUNT = 4


def build_front_page(home):
    sections = list(SectionPage.objects.child_of(home).live().public().order_by("path"))
    articles = (
        ArticlePage.objects.filter(section__in=sections).published().newest_first().for_cards()
    )
    top = None
    if home.top_story_id:
        # The curated top story must be readable by anyone: live and not behind a restriction.
        top = ArticlePage.objects.published().for_cards().filter(pk=home.top_story_id).first()
    latest = list(articles[: LATEST_COUNT + 1])
    if top is None and latest:
        top = latest[0]
    latest = [a for a in latest if a.pk != getattr(top, "pk", None)][:LATEST_COUNT]

    rails = []
    for section in sections:
        rail = list(
            ArticlePage.objects.filter(section=section)
            .published()
            .newest_first()
            .for_cards()[:RAIL_COUNT]
        )
        if rail:
            rails.append({"section": section, "articles": rail})
    return {"top_story": top, "latest": latest, "rails": rails}
