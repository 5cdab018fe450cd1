"""sitemap.xml and robots.txt: what crawlers are told, parsed as crawlers parse it."""

from collections import Counter
from datetime import datetime
from urllib.parse import urlsplit
from xml.etree import ElementTree

import pytest
from django.conf import settings

SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def parse_xml(client, path):
    response = client.get(path)
    assert response.status_code == 200, path
    assert "xml" in response["Content-Type"]
    return ElementTree.fromstring(response.content)  # noqa: S314 - our own response


def sitemap_locations(client):
    """The sitemaps the index at /sitemap.xml lists (absolute URLs)."""
    index = parse_xml(client, "/sitemap.xml")
    assert index.tag == f"{{{SITEMAP_NS['sm']}}}sitemapindex"
    return [node.text for node in index.findall("sm:sitemap/sm:loc", SITEMAP_NS)]


def sitemap_entries(client):
    """{location: lastmod} of every URL in every sitemap of the index."""
    entries = {}
    locations = []
    for sitemap in sitemap_locations(client):
        address = urlsplit(sitemap)
        urlset = parse_xml(
            client, f"{address.path}?{address.query}" if address.query else address.path
        )
        assert urlset.tag == f"{{{SITEMAP_NS['sm']}}}urlset"
        for url in urlset.findall("sm:url", SITEMAP_NS):
            location = url.findtext("sm:loc", namespaces=SITEMAP_NS)
            locations.append(location)
            entries[location] = url.findtext("sm:lastmod", namespaces=SITEMAP_NS)
    duplicates = [loc for loc, count in Counter(locations).items() if count > 1]
    assert duplicates == []
    return entries


def paths(entries):
    return {urlsplit(location).path for location in entries}


class TestSitemap:
    def test_the_index_lists_each_editions_pages_and_section_months(self, site, client):
        locations = sitemap_locations(client)
        names = {urlsplit(location).path for location in locations}
        for language, _name in settings.LANGUAGES:
            assert f"/sitemap-{language}.xml" in names
        month = f"{site.article.published_at:%Y-%m}"
        assert f"/sitemap-en.{site.politics.slug}.{month}.xml" in names
        for location in locations:
            assert urlsplit(location).scheme in {"http", "https"}

    def test_lists_published_articles_of_both_editions(self, site, client):
        listed = paths(sitemap_entries(client))
        for page in (site.article, site.related, site.article_ru):
            assert page.url in listed, page.url

    def test_lists_homes_sections_topics_and_authors(self, site, client):
        listed = paths(sitemap_entries(client))
        for page in (site.home, site.home_ru, site.politics, site.politics_ru, site.person):
            assert page.url in listed, page.url
        assert site.reporter.url in listed

    def test_locations_are_absolute_canonical_urls(self, site, client):
        entries = sitemap_entries(client)
        assert site.article.full_url in entries
        for location in entries:
            assert urlsplit(location).scheme in {"http", "https"}

    def test_articles_carry_their_last_modification(self, site, client):
        entries = sitemap_entries(client)
        lastmod = entries[site.article.full_url]
        assert lastmod is not None
        assert datetime.fromisoformat(lastmod).date() == site.article.last_published_at.date()

    def test_leaves_out_drafts_and_private_pages(self, site, client):
        listed = paths(sitemap_entries(client))
        assert site.draft.url not in listed
        assert site.private.url not in listed

    def test_each_edition_sitemap_holds_only_its_edition(self, site, client):
        for location in sitemap_locations(client):
            urlset = parse_xml(client, urlsplit(location).path)
            listed = {
                urlsplit(loc.text).path for loc in urlset.findall("sm:url/sm:loc", SITEMAP_NS)
            }
            prefixes = {path.split("/")[1] for path in listed}
            assert len(prefixes) == 1, prefixes

    def test_unknown_edition_sitemap(self, site, client):
        assert client.get("/sitemap-xx.xml").status_code == 404

    def test_an_unpublished_article_leaves_the_sitemap(self, site, client):
        site.related.unpublish()
        assert site.related.url not in paths(sitemap_entries(client))

    def test_a_newly_published_article_joins_it(self, site, client):
        site.draft.save_revision().publish()
        assert site.draft.url in paths(sitemap_entries(client))


class TestRobots:
    @pytest.fixture
    def robots(self, site, client):
        response = client.get("/robots.txt")
        assert response.status_code == 200
        assert response["Content-Type"].startswith("text/plain")
        return response.content.decode().splitlines()

    def test_names_the_sitemap_index_and_each_editions_news_sitemap(self, robots, client):
        sitemaps = [line.split(":", 1)[1].strip() for line in robots if line.startswith("Sitemap:")]
        paths = [urlsplit(location).path for location in sitemaps]
        news = [f"/sitemap-{language}.news.xml" for language, _name in settings.LANGUAGES]
        assert paths == ["/sitemap.xml", *news]
        for location in map(urlsplit, sitemaps):
            assert location.scheme in {"http", "https"} and location.netloc
            assert client.get(location.path).status_code == 200

    def test_keeps_crawlers_out_of_the_newsroom(self, robots):
        assert "User-agent: *" in robots
        assert "Disallow: /admin/" in robots

    def test_does_not_block_the_reader_site(self, robots):
        disallowed = [
            line.split(":", 1)[1].strip() for line in robots if line.startswith("Disallow")
        ]
        assert "/" not in disallowed
        assert "/en/" not in disallowed

    def test_only_get(self, site, client):
        assert client.post("/robots.txt").status_code == 405


NEWS_NS = {**SITEMAP_NS, "news": "http://www.google.com/schemas/sitemap-news/0.9"}


class TestNewsSitemap:
    def news(self, client, language="en"):
        urlset = parse_xml(client, f"/sitemap-{language}.news.xml")
        assert urlset.tag == f"{{{SITEMAP_NS['sm']}}}urlset"
        return {
            urlsplit(url.findtext("sm:loc", namespaces=NEWS_NS)).path: url
            for url in urlset.findall("sm:url", NEWS_NS)
        }

    def test_lists_the_editions_articles_of_the_last_two_days(self, site, client):
        entries = self.news(client)
        # "related" was published two days ago, a moment before the window opened.
        assert list(entries) == [site.article.url]
        news = entries[site.article.url].find("news:news", NEWS_NS)
        assert news.findtext("news:publication/news:name", namespaces=NEWS_NS) == (
            settings.WAGTAIL_SITE_NAME
        )
        assert news.findtext("news:publication/news:language", namespaces=NEWS_NS) == "en"
        assert news.findtext("news:title", namespaces=NEWS_NS) == site.article.title
        published = datetime.fromisoformat(
            news.findtext("news:publication_date", namespaces=NEWS_NS)
        )
        assert published.replace(microsecond=0) == site.article.published_at.replace(microsecond=0)

    def test_each_edition_has_its_own(self, site, client):
        assert list(self.news(client, "ru")) == [site.article_ru.url]

    def test_leaves_out_drafts_private_and_older_articles(self, site, client):
        from datetime import timedelta

        from dateline.conftest import publish

        publish(
            site.article, first_published_at=site.article.first_published_at - timedelta(days=3)
        )
        assert site.article.url not in self.news(client)
        assert site.draft.url not in self.news(client)
        assert site.private.url not in self.news(client)

    def test_a_new_title_reaches_it(self, site, client, shared_cache):
        from dateline.conftest import publish

        self.news(client)  # kept by the shared cache, and indexed
        publish(site.article, title="Ferry line approved after a night of talks")
        assert "/sitemap-en.news.xml" in shared_cache.paths()
        title = self.news(client)[site.article.url].findtext(
            "news:news/news:title", namespaces=NEWS_NS
        )
        assert title == "Ferry line approved after a night of talks"
