"""Listings cost a fixed number of queries, whatever the number of articles they show."""

import io
from datetime import timedelta

import pytest
from django.core.files.images import ImageFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from dateline.mediabank.factories import PhotoFactory, draw_picture
from dateline.news.factories import ArticlePageFactory, SectionPageFactory

# Generous enough for the page's fixed costs (site, edition, masthead, sections), far below
# what one query per article would cost on a page of 20.
MAX_QUERIES = 40


@pytest.fixture(autouse=True)
def rendered_every_time(settings):
    """The page cache off: these count what a full render costs, not what a hit costs."""
    settings.DATELINE_PAGE_CACHE = {**settings.DATELINE_PAGE_CACHE, "ENABLED": False}


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
    client.get(url)  # Renditions are made on the first view; count the steady state.
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


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
    with django_assert_max_num_queries(MAX_QUERIES):
        client.get(url)


def test_article_page_queries_are_bounded(site, client, django_assert_max_num_queries):
    client.get(site.article.url)
    with django_assert_max_num_queries(MAX_QUERIES):
        response = client.get(site.article.url)
    assert response.status_code == 200
