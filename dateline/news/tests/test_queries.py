"""Listings cost a fixed number of queries, whatever the number of articles they show.

Counted on cold renders (every cache empty, nothing kept: a fresh process after a deploy),
so an N+1 anywhere in a page, a card's template included, shows.
"""

import io
from datetime import timedelta

import pytest
from django.core.files.images import ImageFile
from django.utils import timezone

from dateline.conftest import cold_queries
from dateline.mediabank.factories import PhotoFactory, draw_picture
from dateline.news.factories import ArticlePageFactory, SectionPageFactory

# Generous enough for the page's fixed costs (site, edition, masthead, sections), far below
# what one query per article would cost on a page of 20.
MAX_QUERIES = 40


def small_photo(n):
    picture = draw_picture(96, 64, seed=n)
    return PhotoFactory(file=ImageFile(io.BytesIO(picture), name=f"small-{n}.jpg"))


@pytest.fixture
def economy(site):
    """A section to fill with articles, each with its own photo and both bylines."""
    section = SectionPageFactory(parent=site.home, title="Economy", slug="economy")

    def fill(count):
        now = timezone.now()
        for n in range(count):
            ArticlePageFactory(
                parent=section,
                lead_photo=small_photo(n),
                first_published_at=now - timedelta(minutes=n),
                authors=[site.reporter, site.editor],
                topics=[site.person, site.place],
            )
        return section

    return fill


def count_queries(client, url):
    return len(cold_queries(client, url))


def listing_urls(site, section):
    return {
        "home": "/en/",
        "section": section.url,
        "topic": site.person.url,
        "author": site.reporter.url,
        "media bank": "/en/mediabank/",
    }


@pytest.mark.parametrize("listing", ["home", "section", "topic", "author", "media bank"])
def test_listing_queries_do_not_grow_with_articles(
    site, client, economy, listing, django_assert_max_num_queries
):
    section = economy(5)
    url = listing_urls(site, section)[listing]
    few = count_queries(client, url)

    economy(25)  # 30 in all: more than a page of them
    many = count_queries(client, url)

    assert many == few, f"{listing}: {few} queries with 5 articles, {many} with 30"
    assert many <= MAX_QUERIES


def test_article_page_queries_are_bounded(site, client):
    assert len(cold_queries(client, site.article.url)) <= MAX_QUERIES


def test_the_budget_sees_a_query_added_to_the_card_template(site, client, economy, settings):
    """An N+1 added to the card (each card asking for its section's parent) fails the count."""
    import copy

    section = economy(5)
    url = listing_urls(site, section)["section"]
    few = count_queries(client, url)
    templates = copy.deepcopy(settings.TEMPLATES)
    loader = ("django.template.loaders.locmem.Loader", {
        "news/includes/card.html": "{{ article.title }} {{ article.get_parent.get_parent.title }}"
    })  # fmt: skip
    templates[0]["APP_DIRS"] = False
    templates[0]["OPTIONS"]["loaders"] = [
        loader,
        "django.template.loaders.filesystem.Loader",
        "django.template.loaders.app_directories.Loader",
    ]
    settings.TEMPLATES = templates  # Django builds its template engines again
    assert count_queries(client, url) > few
