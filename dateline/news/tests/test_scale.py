"""The archive at scale: every reader page costs the same queries with 5 articles or with 80.

A million articles cannot run in a test; what makes them cheap can be checked here: no query
per article, no count of the listing, a deep page reached by number. Timings are measured by
bench/archive.py, never here. The page cache is off: a cache hit costs no query at all.
"""

from datetime import datetime, timedelta
from urllib.parse import urlsplit
from xml.etree import ElementTree

import pytest
from django.db import connection, transaction
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from dateline.conftest import cold_queries, get_soup, main_links, small_photo, soup, url_in
from dateline.news.factories import ArticlePageFactory, SectionPageFactory
from dateline.news.models import ArticlePage
from dateline.pagination import ListingPage, paginate_newest

# The page's fixed costs (site, edition, masthead, sections, restrictions), far below what
# one query per article would cost on a page of 20.
MAX_QUERIES = 40
SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}
PER_PAGE = 2


@pytest.fixture(autouse=True)
def few_per_page(settings):
    settings.DATELINE_ARTICLES_PER_PAGE = PER_PAGE


@pytest.fixture
def archive(site):
    """A section whose archive grows on demand: archive(n) makes it hold n articles.

    Articles are a day apart (so the sitemap index spans several months), about the world's
    person and by its reporter, sharing three photos (renditions are made once).
    """
    section = SectionPageFactory(parent=site.home, title="Archive", slug="archive")
    photos = [small_photo(f"archive-{n}") for n in range(3)]
    made = []

    def grow(count):
        now = timezone.now()
        while len(made) < count:
            n = len(made)
            made.append(
                ArticlePageFactory(
                    parent=section,
                    title=f"Ferry timetable changes, part {n}",
                    lead_photo=photos[n % len(photos)],
                    first_published_at=now - timedelta(days=n, hours=1),
                    authors=[site.reporter],
                    topics=[site.person],
                )
            )
        return section

    grow.made = made
    return grow


def sitemap_paths(client, path="/sitemap.xml"):
    response = client.get(path)
    assert response.status_code == 200, path
    tree = ElementTree.fromstring(response.content)  # noqa: S314 - our own response
    return [urlsplit(loc.text).path for loc in tree.iterfind(".//sm:loc", SITEMAP_NS)]


def reader_urls(site, section, newest, deep_page):
    """Every kind of reader page, for the archive in its current size."""
    month = f"{newest.published_at:%Y-%m}"
    return {
        "home": "/en/",
        "section page 1": section.url,
        "section deep page": f"{section.url}?page={deep_page}",
        "article": site.article.url,
        "topic": site.person.url,
        "author": site.reporter.url,
        "sitemap index": "/sitemap.xml",
        "sitemap of pages": "/sitemap-en.xml",
        "sitemap of a month": f"/sitemap-en.{section.slug}.{month}.xml",
        "media bank": url_in("en", "mediabank:index"),
    }


def count_queries(client, url):
    return len(cold_queries(client, url))


PAGES = [
    "home",
    "section page 1",
    "section deep page",
    "article",
    "topic",
    "author",
    "sitemap index",
    "sitemap of pages",
    "sitemap of a month",
    "media bank",
]


def test_reader_page_queries_are_the_same_with_few_and_many_articles(
    site, client, archive, django_assert_max_num_queries
):
    # One test for every page: growing the archive is the slow part.
    section = archive(5)
    newest = archive.made[0]
    urls = reader_urls(site, section, newest, deep_page=3)
    few = {page: count_queries(client, urls[page]) for page in PAGES}

    archive(80)
    urls = reader_urls(site, section, newest, deep_page=40)
    many = {page: count_queries(client, urls[page]) for page in PAGES}

    assert many == few
    assert max(many.values()) <= MAX_QUERIES, many


class TestDeepPages:
    def test_page_by_number_shows_that_slice_newest_first(self, site, client, archive):
        section = archive(41)
        expected = archive.made  # made newest first
        page = get_soup(client, f"{section.url}?page=20")
        links = main_links(page)
        shown = [a for a in expected if a.url in links]
        assert shown == expected[38:40]
        nav = {a["rel"][0]: a["href"] for a in page.select("a[rel]")}
        assert nav["prev"].endswith("page=19")
        assert nav["next"].endswith("page=21")
        assert "Page 20" in page.find("nav", class_="pagination").get_text()

    def test_the_last_page_has_no_older_link(self, site, client, archive):
        section = archive(41)
        page = get_soup(client, f"{section.url}?page=21")
        assert archive.made[40].url in main_links(page)
        nav = {a["rel"][0]: a["href"] for a in page.select("a[rel]")}
        assert "next" not in nav
        assert nav["prev"].endswith("page=20")

    @pytest.mark.parametrize(
        "number", ["22", "40000", "0", "-3", "x", "2.5", "9" * 40, "", "1e3", "%00"]
    )
    def test_pages_beyond_the_archive_and_bad_numbers_are_404(self, client, archive, number):
        section = archive(41)
        assert client.get(f"{section.url}?page={number}").status_code == 404

    def test_first_page_of_an_empty_section_is_fine(self, site, client):
        section = SectionPageFactory(parent=site.home, title="New desk", slug="new-desk")
        assert client.get(section.url).status_code == 200
        assert client.get(f"{section.url}?page=2").status_code == 404

    def test_deep_topic_and_author_pages(self, site, client, archive):
        archive(30)
        for page in (site.person, site.reporter):
            assert client.get(f"{page.url}?page=15").status_code == 200
            assert client.get(f"{page.url}?page=40").status_code == 404

    def test_a_page_hides_what_readers_may_not_see(self, site, archive):
        section = archive(6)
        hidden = archive.made[1]
        hidden.unpublish()
        request = RequestFactory().get("/", {"page": "1"})
        page = paginate_newest(request, section.articles(), per_page=5)
        assert hidden.pk not in [a.pk for a in page]
        assert [a.pk for a in page] == [a.pk for a in archive.made if a.pk != hidden.pk][:5]
        assert not page.has_next()


class TestListingPage:
    def test_numbers_and_links(self):
        page = ListingPage(["a", "b"], 3, has_next=True)
        assert list(page) == ["a", "b"] and len(page) == 2
        assert page.has_previous() and page.has_next() and page.has_other_pages()
        assert (page.previous_page_number(), page.next_page_number()) == (2, 4)

    def test_a_single_page_has_no_others(self):
        page = ListingPage(["a"], 1, has_next=False)
        assert not page.has_other_pages()


class TestPublishedWithoutJoin:
    """published() excludes hidden pages by subquery: same rows as Wagtail's live().public()."""

    def test_same_rows_as_live_and_public(self, site):
        ours = set(ArticlePage.objects.published().values_list("pk", flat=True))
        wagtails = set(ArticlePage.objects.live().public().values_list("pk", flat=True))
        assert ours == wagtails
        assert site.draft.pk not in ours and site.private.pk not in ours
        assert site.article.pk in ours

    def test_a_listing_reads_its_keys_from_the_article_table_alone(self, site):
        sql = str(site.politics.articles().values_list("pk", flat=True).query)
        keys_query = sql.split("WHERE")[0]
        assert "wagtailcore_page" not in keys_query
        assert "COUNT(" not in sql.upper()


class TestSitemaps:
    def test_every_published_article_is_in_its_month(self, client, archive):
        archive(40)
        listed = set()
        for path in sitemap_paths(client):
            listed.update(sitemap_paths(client, path))
        for article in archive.made:
            assert article.url in listed

    def test_unknown_or_malformed_sitemaps_are_404(self, client, archive):
        section = archive(3)
        for name in [
            "xx",
            f"en.{section.slug}.2024-5",
            f"en.{section.slug}.2024-13",
            f"en.{section.slug}.9999-12",
            f"en.{section.slug}.month",
            "en.no-such-section.2024-05",
            "en..2024-05",
        ]:
            assert client.get(f"/sitemap-{name}.xml").status_code == 404, name
        assert client.get("/sitemap-en.xml?p=2").status_code == 404
        assert client.get("/sitemap-en.xml?p=x").status_code == 404


class TestNewsroomArticlesListing:
    """The newsroom's Articles listing (news/wagtail_hooks.py): capped counts, search, pages."""

    @pytest.fixture
    def pages_of(self, monkeypatch):
        """Pages of `per_page` articles and counts capped at `cap`: a million made small."""
        from dateline.news import wagtail_hooks

        def set_sizes(per_page, cap):
            monkeypatch.setattr(wagtail_hooks.ArticleIndexView, "paginate_by", per_page)
            monkeypatch.setattr(wagtail_hooks, "COUNT_CAP", cap)
            monkeypatch.setattr(wagtail_hooks, "SEARCH_COUNT_CAP", cap)

        return set_sizes

    @staticmethod
    def found(response):
        assert response.status_code == 200
        return [page.pk for page in response.context["object_list"]]

    @staticmethod
    def count_labels(response):
        """What the page says about the count: above the titles, and beside the pages."""
        page = soup(response)
        header = " ".join(page.select_one("th.title").get_text(" ").split())
        pagination = page.select_one(".pagination__end")
        return header, pagination and " ".join(pagination.get_text(" ").split())

    def test_listing_counts_and_pages(self, site, admin_client, archive, monkeypatch):
        from dateline.news import wagtail_hooks

        monkeypatch.setattr(wagtail_hooks, "COUNT_CAP", 60)
        archive(70)
        response = admin_client.get("/admin/articles/")
        assert response.status_code == 200
        paginator = response.context["paginator"]
        assert paginator.count == 60  # capped: no COUNT(*) over the whole archive
        assert paginator.is_capped
        # The count says there are more, where Wagtail shows it.
        assert self.count_labels(response) == ("Title 1-50 of 60+ articles", "60+ articles")
        assert admin_client.get("/admin/articles/?p=2").status_code == 200

    def test_search_finds_by_title(self, site, admin_client, archive):
        archive(5)
        response = admin_client.get("/admin/articles/?q=timetable")
        assert response.status_code == 200
        found = {page.pk for page in response.context["object_list"]}
        assert found == {article.pk for article in archive.made}
        assert response.context["paginator"].count == 5
        assert self.count_labels(response) == ("Title 1-5 of 5 articles", "5 articles")

    @pytest.mark.parametrize(
        "query",
        [
            "timetable",
            "Ferry TIMETABLE",
            "ferry timet",  # the last word is being typed: its beginning is enough
            "changes ferry",  # words in any order
            "ferry-timetable",
            "part",
            "council",
            "northern ferry",
            "Harb",
            "zebra",
            "ferry zebra",  # every word must be there
            "imetable",  # inside a word: not the beginning of one
            "part 1",  # "1" typed last: 1, 10, 11...
            "ferry's",
        ],
    )
    def test_search_finds_what_wagtails_index_finds(self, site, admin_client, archive, query):
        """The listing matches the title column; Wagtail's autocomplete index holds titles."""
        archive(4)
        indexed = ArticlePage.objects.autocomplete(query, order_by_relevance=False)
        expected = {page.pk for page in indexed}
        found = self.found(admin_client.get("/admin/articles/", {"q": query}))
        assert set(found) == expected
        assert len(found) == len(expected)
        if query.startswith(("timetable", "ferry timet", "changes")):
            assert expected == {article.pk for article in archive.made}

    def test_a_rare_word_is_found_newest_first_with_its_count(
        self, site, admin_client, archive, pages_of
    ):
        """A word in few titles, among many without it: every match, newest first, counted.

        Titles that hold its letters otherwise (inside another word, apart) are not matches.
        """
        pages_of(per_page=2, cap=4)
        section = archive(8)
        now = timezone.now()
        titles_and_hours = [
            ("Research ship Skarra returns", 7),
            ("Hull of the SKARRA repainted", 2),
            ("Unskarra is not the ship", 1),
            ("Skarrafjord divers find a wreck", 40),
            ("Skar ra, two words", 3),
            ("Students sail on the skarra", 12),
        ]
        made = [
            ArticlePageFactory(
                parent=section,
                title=title,
                latest_revision_created_at=now - timedelta(hours=hours, minutes=30),
            )
            for title, hours in titles_and_hours
        ]
        newest_first = [made[n].pk for n in (1, 0, 5, 3)]
        indexed = ArticlePage.objects.autocomplete("skarra", order_by_relevance=False)
        assert {page.pk for page in indexed} == set(newest_first)
        shown = []
        for number in (1, 2):
            response = admin_client.get("/admin/articles/", {"q": "skarra", "p": number})
            shown += self.found(response)
            assert response.context["paginator"].count == 4
            assert not response.context["paginator"].is_capped
        assert shown == newest_first
        response = admin_client.get("/admin/articles/", {"q": "Skarra ship"})
        assert self.found(response) == [made[0].pk]

    @pytest.mark.parametrize(
        ("query", "word"),
        [
            ("skarra", "skarra"),
            ("Ferry timet", "Ferry"),
            ("ferry-timetable", "timetable"),
            ("research ship skarra's", "research"),
            ("2.1", None),
            ("x²", None),
            ("водолазы", None),
            ("  ", None),
        ],
    )
    def test_the_word_looked_for_in_titles(self, query, word):
        """Only a word that every matching title holds as lowercase text is looked for."""
        from dateline.news.wagtail_hooks import title_word_to_look_for

        assert title_word_to_look_for(query) == word

    @pytest.mark.skipif(connection.vendor != "postgresql", reason="looked for on PostgreSQL only")
    def test_the_search_looks_for_its_longest_plain_word_in_titles(
        self, site, admin_client, archive
    ):
        archive(3)

        def statements(query, found):
            with CaptureQueriesContext(connection) as captured:
                response = admin_client.get("/admin/articles/", {"q": query})
            assert len(self.found(response)) == found
            return [q["sql"] for q in captured if "to_tsquery" in q["sql"]]

        count, page = statements("ferry timetable", found=3)
        for sql in (count, page):
            assert """STRPOS(LOWER("wagtailcore_page"."title"), 'timetable') > 0""" in sql
        # A word with an apostrophe is two to PostgreSQL ("ferry" then "s"): not looked for.
        assert all("STRPOS" not in sql for sql in statements("ferry's", found=0))

    @pytest.mark.parametrize("query", ["-", " -- ", "zebra"])
    def test_a_search_without_a_match_is_an_empty_listing(self, site, admin_client, query):
        response = admin_client.get("/admin/articles/", {"q": query})
        assert self.found(response) == []
        assert response.context["paginator"].count == 0

    def test_search_results_are_newest_first_page_by_page(self, site, admin_client, pages_of):
        pages_of(per_page=2, cap=10)
        section = SectionPageFactory(parent=site.home, title="Ferries", slug="ferries")
        now = timezone.now()
        made = [
            ArticlePageFactory(
                parent=section,
                title=f"Ferry timetable, part {n}",
                latest_revision_created_at=now - timedelta(hours=hours),
            )
            for n, hours in enumerate([5, 1, 30, 3, 2])
        ]
        newest_first = [made[n].pk for n in (1, 4, 3, 0, 2)]
        shown = []
        for number in (1, 2, 3):
            response = admin_client.get("/admin/articles/", {"q": "timetable", "p": number})
            assert response.context["page_obj"].number == number
            shown += self.found(response)
        assert shown == newest_first
        assert response.context["paginator"].count == 5
        # Beyond the last page: the last page, as everywhere in Wagtail.
        response = admin_client.get("/admin/articles/", {"q": "timetable", "p": 9})
        assert self.found(response) == newest_first[4:]

    def test_a_capped_search_count_says_there_are_more(self, site, admin_client, archive, pages_of):
        pages_of(per_page=2, cap=4)
        archive(5)
        response = admin_client.get("/admin/articles/?q=timetable")
        paginator = response.context["paginator"]
        assert (paginator.count, paginator.num_pages, paginator.is_capped) == (4, 2, True)
        assert self.count_labels(response) == ("Title 1-2 of 4+ articles", "4+ articles")
        second = admin_client.get("/admin/articles/?q=timetable&p=2")
        assert len(self.found(second)) == 2

    def test_a_count_that_reaches_the_cap_exactly_is_not_more(
        self, site, admin_client, archive, pages_of
    ):
        pages_of(per_page=2, cap=4)
        archive(4)
        response = admin_client.get("/admin/articles/?q=timetable")
        assert not response.context["paginator"].is_capped
        assert self.count_labels(response) == ("Title 1-2 of 4 articles", "4 articles")

    def test_filters_combine_with_search(self, site, admin_client, archive, admin_user):
        archive(5)
        made = [article.pk for article in archive.made]
        ArticlePage.objects.filter(pk__in=made[1:3]).update(owner=admin_user)
        ArticlePage.objects.filter(pk__in=made[2:4]).update(
            latest_revision_created_at=timezone.make_aware(datetime(2020, 1, 1))
        )
        mine = {"owner": admin_user.pk}
        old = {"latest_revision_created_at_to": "2020-12-31"}
        for filters, expected in [
            (mine, made[1:3]),
            (old, made[2:4]),
            ({**mine, **old}, made[2:3]),
        ]:
            response = admin_client.get("/admin/articles/", {"q": "timetable", **filters})
            assert sorted(self.found(response)) == sorted(expected), filters
            assert response.context["paginator"].count == len(expected)
        response = admin_client.get("/admin/articles/", {"q": "zebra", **mine})
        assert self.found(response) == []

    def test_search_queries_do_not_grow_with_the_matches(self, site, admin_client, archive):
        from dateline.news.wagtail_hooks import SEARCH_COUNT_CAP

        def queries(count):
            archive(count)
            admin_client.get("/admin/articles/?q=timetable")
            with CaptureQueriesContext(connection) as captured:
                response = admin_client.get("/admin/articles/?q=timetable")
            assert len(self.found(response)) == count
            return [query["sql"] for query in captured]

        few, many = queries(3), queries(30)
        assert len(many) == len(few)
        # Counted in one statement that stops one row past the cap.
        counts = [sql for sql in many if sql.startswith("SELECT COUNT(")]
        assert len(counts) == 1
        assert f"LIMIT {SEARCH_COUNT_CAP + 1}" in counts[0]

    @pytest.mark.skipif(
        connection.vendor != "postgresql", reason="migration 0006 indexes PostgreSQL only"
    )
    def test_the_search_can_use_the_title_index(self, site, admin_client, archive):
        """Index and query must spell the same expression, or the index is never used."""
        archive(3)
        with CaptureQueriesContext(connection) as captured:
            admin_client.get("/admin/articles/?q=timetable")
        (count_sql,) = [q["sql"] for q in captured if q["sql"].startswith("SELECT COUNT(")]
        with transaction.atomic(), connection.cursor() as cursor:
            # Left with no other way to the page table than a bitmap of an index.
            for scan in ("seqscan", "indexscan", "indexonlyscan"):
                cursor.execute(f"SET LOCAL enable_{scan} = off")
            cursor.execute(f"EXPLAIN {count_sql}")
            plan = "\n".join(row[0] for row in cursor.fetchall())
        assert "Bitmap Index Scan on news_page_title_autocomplete" in plan, plan
