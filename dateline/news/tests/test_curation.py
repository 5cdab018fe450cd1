"""Home page curation: the top story and pinned stories per edition; the rest by recency."""

from datetime import timedelta

from django.utils import timezone

from dateline.conftest import get_soup, hrefs
from dateline.news.factories import ArticlePageFactory
from dateline.news.models import HomePinnedStory


def section_of(page, heading_id):
    return page.find(attrs={"aria-labelledby": heading_id})


def test_pinned_stories_follow_the_top_story_in_the_editors_order(site, client):
    newer = ArticlePageFactory(
        parent=site.defense, title="Newest story", first_published_at=timezone.now()
    )
    site.home.top_story = site.article
    site.home.save()
    HomePinnedStory.objects.create(home=site.home, article=site.related, sort_order=0)
    HomePinnedStory.objects.create(home=site.home, article=newer, sort_order=1)
    page = get_soup(client, "/en/")
    assert site.article.url in hrefs(section_of(page, "top-story-heading"))
    pinned = [h for h in hrefs(section_of(page, "pinned-heading")) if "/mediabank/" not in h]
    assert list(dict.fromkeys(pinned)) == [site.related.url, newer.url]
    latest_section = section_of(page, "latest-heading")
    latest = hrefs(latest_section) if latest_section else []
    # Neither the top story nor a pinned story repeats in the latest list.
    assert site.article.url not in latest
    assert site.related.url not in latest
    assert newer.url not in latest


def test_the_rest_fills_by_recency(site, client):
    now = timezone.now()
    stories = [
        ArticlePageFactory(
            parent=site.politics,
            title=f"Story {n}",
            first_published_at=now - timedelta(minutes=n),
        )
        for n in range(3)
    ]
    page = get_soup(client, "/en/")
    # Without a chosen top story, the newest leads; the others follow, newest first.
    assert stories[0].url in hrefs(section_of(page, "top-story-heading"))
    latest = hrefs(section_of(page, "latest-heading"))
    positions = [latest.index(story.url) for story in stories[1:]]
    assert positions == sorted(positions)
    assert latest.index(site.article.url) > positions[-1]


def test_unpublished_private_and_foreign_pins_are_not_shown(site, client):
    for article in (site.draft, site.private, site.article_ru):
        HomePinnedStory.objects.create(home=site.home, article=article)
    page = get_soup(client, "/en/")
    assert page.find(attrs={"aria-labelledby": "pinned-heading"}) is None
    for article in (site.draft, site.private):
        assert article.title not in page.get_text(" ")


def test_each_edition_has_its_own_pins(site, client):
    HomePinnedStory.objects.create(home=site.home_ru, article=site.article_ru)
    ru = get_soup(client, "/ru/")
    assert site.article_ru.url in hrefs(section_of(ru, "pinned-heading"))
    en = get_soup(client, "/en/")
    assert en.find(attrs={"aria-labelledby": "pinned-heading"}) is None
