"""The bulk archive's search entries: written in SQL, the same as Wagtail's indexer writes them.

PostgreSQL only (CI runs the suite on it too): on SQLite the bulk loader leaves the archive
to `manage.py update_index`.
"""

import pytest
from django.db import connection
from wagtail.search.backends import get_search_backend
from wagtail.search.models import IndexEntry

from dateline.demo.bulk import index_for_search
from dateline.news.factories import ArticlePageFactory
from dateline.news.models import ArticlePage

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the SQL index fill is PostgreSQL's"
)

COLUMNS = "title::text, autocomplete::text, body::text, title_text, body_text"


def entry(page):
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT {COLUMNS} FROM {IndexEntry._meta.db_table} WHERE object_id = %s",  # noqa: S608
            [str(page.pk)],
        )
        return cursor.fetchall()


@pytest.fixture
def archive_article(site):
    """An article as the bulk loader writes them: paragraphs only, escaped text, no revision."""
    return ArticlePageFactory(
        parent=site.politics,
        title="Ferry fares rise at Port Halvern's north pier",
        standfirst="Tickets cost more from Monday, the operator said.",
        body=[
            ("paragraph", "<p>The operator&#x27;s chief said fares &amp; fees would rise.</p>"),
            ("paragraph", "<p>&quot;Boats &lt;and&gt; crews cost more,&quot; she said.</p>"),
        ],
    )


def test_sql_entries_equal_wagtails(archive_article):
    get_search_backend().add(archive_article)
    wagtails = entry(archive_article)
    assert len(wagtails) == 1

    IndexEntry.objects.filter(object_id=str(archive_article.pk)).delete()
    assert index_for_search([archive_article.pk]) == 1
    assert entry(archive_article) == wagtails


def test_unindexed_archive_rows_are_found_and_indexed_once(archive_article, site):
    before = entry(site.article)
    IndexEntry.objects.filter(object_id=str(archive_article.pk)).delete()
    assert index_for_search() == 1
    assert len(entry(archive_article)) == 1
    assert index_for_search() == 0
    # Articles that have their entry keep it as Wagtail wrote it.
    assert entry(site.article) == before


def test_the_newsroom_finds_indexed_archive_rows(archive_article):
    IndexEntry.objects.filter(object_id=str(archive_article.pk)).delete()
    assert archive_article not in ArticlePage.objects.search("operator")
    index_for_search([archive_article.pk])
    assert archive_article in list(ArticlePage.objects.search("operator"))
    assert archive_article in list(ArticlePage.objects.autocomplete("Ferr"))
