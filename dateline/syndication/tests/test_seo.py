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

    def test_names_the_sitemap(self, robots, client):
        sitemaps = [line.split(":", 1)[1].strip() for line in robots if line.startswith("Sitemap:")]
        assert len(sitemaps) == 1
        location = urlsplit(sitemaps[0])
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
