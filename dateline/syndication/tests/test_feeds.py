"""Feeds (RSS, Atom, JSON Feed) of editions, sections, topics and authors, parsed as readers do."""

import json
from datetime import timedelta
from email.utils import parsedate_to_datetime
from xml.etree import ElementTree

import pytest
from django.test import RequestFactory
from django.utils import timezone, translation
from django.utils.html import escape

from dateline.caching import tags
from dateline.conftest import cold_queries, get_soup, publish_translation, small_photo
from dateline.news.factories import ArticlePageFactory
from dateline.syndication.feeds import FEED_LENGTH, SectionFeed, TopicFeed

NS = {
    "atom": "http://www.w3.org/2005/Atom",
    "dc": "http://purl.org/dc/elements/1.1/",
    "media": "http://search.yahoo.com/mrss/",
}


def fetch(client, url, content_type):
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"] == f"{content_type}; charset=utf-8"
    assert response["Last-Modified"]
    return response


def rss_items(client, url):
    response = fetch(client, url, "application/rss+xml")
    root = ElementTree.fromstring(response.content)  # noqa: S314 - our own response
    assert root.tag == "rss" and root.get("version") == "2.0"
    return root.find("channel"), root.findall("channel/item")


def atom_entries(client, url):
    response = fetch(client, url, "application/atom+xml")
    root = ElementTree.fromstring(response.content)  # noqa: S314 - our own response
    assert root.tag == f"{{{NS['atom']}}}feed"
    return root, root.findall("atom:entry", NS)


def json_feed(client, url):
    return json.loads(fetch(client, url, "application/feed+json").content)


def rss_links(client, url):
    return [item.findtext("link") for item in rss_items(client, url)[1]]


class TestEditionFeed:
    def test_rss_lists_live_public_articles_newest_first(self, site, client):
        channel, items = rss_items(client, "/en/feeds/rss/")
        assert channel.findtext("title") == "Dateline"
        assert channel.findtext("language") == "en"
        assert [item.findtext("link") for item in items] == [
            site.article.full_url,
            site.related.full_url,
        ]

    def test_rss_item_fields(self, site, client):
        item = rss_items(client, "/en/feeds/rss/")[1][0]
        # RSS and Atom "html" carry the text HTML-escaped once more: readers render it as HTML.
        assert item.findtext("title") == escape(site.article.title)
        assert item.findtext("description") == escape(site.article.standfirst)
        guid = item.find("guid")
        assert guid.text == site.article.full_url and guid.get("isPermaLink") == "true"
        published = parsedate_to_datetime(item.findtext("pubDate"))
        assert published == site.article.first_published_at.replace(microsecond=0)
        assert [c.text for c in item.findall("dc:creator", NS)] == ["Ana Reyes", "Leo Brandt"]
        assert [c.text for c in item.findall("category")] == [
            "Politics",
            "Harbour Council",
            "Marta Kovac",
            "Port Halvern",
        ]
        enclosure = item.find("enclosure")
        assert enclosure.get("type") == "image/jpeg"
        assert int(enclosure.get("length")) > 0
        media = item.find("media:content", NS)
        assert media.get("url") == enclosure.get("url")
        assert media.findtext("media:credit", namespaces=NS) == "© Nordic Wire / Ines Varga"
        assert media.findtext("media:description", namespaces=NS) == site.lead_photo.caption

    def test_atom_entry_fields(self, site, client):
        root, entries = atom_entries(client, "/en/feeds/atom/")
        assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == "en"
        entry = entries[0]
        assert entry.findtext("atom:title", namespaces=NS) == site.article.title
        assert entry.findtext("atom:id", namespaces=NS) == site.article.full_url
        assert entry.find("atom:summary", NS).text == escape(site.article.standfirst)
        authors = [a.findtext("atom:name", namespaces=NS) for a in entry.findall("atom:author", NS)]
        assert authors == ["Ana Reyes", "Leo Brandt"]
        rels = {link.get("rel"): link for link in entry.findall("atom:link", NS)}
        assert rels["alternate"].get("href") == site.article.full_url
        assert rels["enclosure"].get("type") == "image/jpeg"
        assert entry.findtext("atom:published", namespaces=NS)
        assert entry.findtext("atom:updated", namespaces=NS)
        assert {c.get("term") for c in entry.findall("atom:category", NS)} >= {"Politics"}

    def test_json_feed_fields(self, site, client):
        feed = json_feed(client, "/en/feeds/json/")
        assert feed["version"] == "https://jsonfeed.org/version/1.1"
        assert feed["feed_url"].endswith("/en/feeds/json/")
        item = feed["items"][0]
        assert item["id"] == item["url"] == site.article.full_url
        assert item["title"] == site.article.title
        assert item["summary"] == item["content_text"] == site.article.standfirst
        assert [a["name"] for a in item["authors"]] == ["Ana Reyes", "Leo Brandt"]
        assert item["authors"][0]["url"] == site.reporter.full_url
        assert item["tags"][0] == "Politics"
        assert item["image"].endswith(".jpg")
        assert item["_dateline"]["image_credit"] == "© Nordic Wire / Ines Varga"
        assert item["date_published"].startswith(
            site.article.first_published_at.strftime("%Y-%m-%dT%H:%M:%S")
        )
        assert [i["url"] for i in feed["items"]] == [site.article.full_url, site.related.full_url]

    def test_russian_edition_has_its_own_articles(self, site, client):
        feed = json_feed(client, "/ru/feeds/json/")
        assert feed["language"] == "ru"
        assert [item["url"] for item in feed["items"]] == [site.article_ru.full_url]

    def test_not_modified_since_the_newest_article(self, site, client):
        last_modified = client.get("/en/feeds/rss/")["Last-Modified"]
        again = client.get("/en/feeds/rss/", headers={"if-modified-since": last_modified})
        assert again.status_code == 304


class TestScopedFeeds:
    def test_section_feed(self, site, client):
        assert rss_links(client, "/en/feeds/section/politics/rss/") == [site.article.full_url]
        assert rss_links(client, "/en/feeds/section/defense/rss/") == [site.related.full_url]
        feed = json_feed(client, "/ru/feeds/section/politics/json/")
        assert [item["url"] for item in feed["items"]] == [site.article_ru.full_url]

    def test_topic_feed(self, site, client):
        assert rss_links(client, "/en/feeds/topic/marta-kovac/rss/") == [site.article.full_url]
        _root, entries = atom_entries(client, "/en/feeds/topic/port-halvern/atom/")
        assert [e.findtext("atom:id", namespaces=NS) for e in entries] == [site.article.full_url]

    def test_author_feed(self, site, client):
        assert rss_links(client, "/en/feeds/author/leo-brandt/rss/") == [
            site.article.full_url,
            site.related.full_url,
        ]
        feed = json_feed(client, "/en/feeds/author/ana-reyes/json/")
        assert [item["url"] for item in feed["items"]] == [site.article.full_url]

    @pytest.mark.parametrize(
        "url",
        [
            "/en/feeds/xml/",
            "/en/feeds/section/nowhere/rss/",
            "/en/feeds/section/marta-kovac/rss/",  # a topic, not a section
            "/en/feeds/topic/politics/atom/",
            "/en/feeds/author/marta-kovac/json/",
            "/en/feeds/section/politics/pdf/",
            "/en/feeds/section/%3Cscript%3E/rss/",
        ],
    )
    def test_unknown_feeds_are_404(self, site, client, url):
        assert client.get(url).status_code == 404

    def test_an_edition_that_does_not_exist_has_no_feed(self, site, client):
        # The language prefix is unknown: the reader is sent to /en/de/..., which is not found.
        assert client.get("/de/feeds/rss/", follow=True).status_code == 404

    def test_an_unpublished_or_private_section_has_no_feed(self, site, client):
        site.defense.unpublish()
        assert client.get("/en/feeds/section/defense/rss/").status_code == 404

    def test_post_is_not_allowed_but_head_is(self, site, client):
        assert client.post("/en/feeds/rss/").status_code == 405
        assert client.head("/en/feeds/rss/").status_code == 200


class TestWhatFeedsLeaveOut:
    def test_drafts_private_and_scheduled_articles_are_absent(self, site, client):
        scheduled = ArticlePageFactory(
            parent=site.politics, title="Scheduled harbour story", live=False
        )
        scheduled.go_live_at = timezone.now() + timedelta(hours=2)
        scheduled.save_revision().publish()
        hidden = {site.draft.pk, site.private.pk, scheduled.pk}
        for fmt in ("rss", "atom", "json"):
            for url in (
                f"/en/feeds/{fmt}/",
                f"/en/feeds/section/politics/{fmt}/",
                f"/en/feeds/topic/marta-kovac/{fmt}/",
                f"/en/feeds/author/ana-reyes/{fmt}/",
            ):
                body = client.get(url).content.decode()
                for title in ("Unannounced budget", "Members-only", "Scheduled harbour"):
                    assert title not in body, (url, title)
        assert hidden.isdisjoint({site.article.pk, site.related.pk})

    def test_an_embargoed_lead_photo_is_left_out(self, site, client):
        photo = site.lead_photo
        photo.embargo_until = timezone.now() + timedelta(days=1)
        photo.save()
        item = rss_items(client, "/en/feeds/rss/")[1][0]
        assert item.find("enclosure") is None
        assert item.find("media:content", NS) is None
        assert "image" not in json_feed(client, "/en/feeds/json/")["items"][0]

    def test_at_most_fifty_items(self, site, client):
        now = timezone.now()
        for n in range(FEED_LENGTH + 2):
            ArticlePageFactory(
                parent=site.defense,
                title=f"Convoy report {n}",
                lead_photo=None,
                first_published_at=now - timedelta(minutes=n),
            )
        for url in ("/en/feeds/rss/", "/en/feeds/section/defense/rss/"):
            links = rss_links(client, url)
            assert len(links) == FEED_LENGTH
            assert links[0].endswith("/convoy-report-0/")


class TestHostileContent:
    HEADLINE = '<script>alert("x")</script> Ferries & <b>fares</b>\x0b'

    @pytest.fixture
    def hostile(self, site):
        return ArticlePageFactory(
            parent=site.politics,
            title=self.HEADLINE,
            slug="hostile",
            standfirst="<img src=x onerror=alert(1)> fares \x01rise",
            lead_photo=None,
            authors=[site.reporter],
        )

    def test_headlines_are_escaped_in_every_format(self, hostile, client):
        clean = self.HEADLINE.replace("\x0b", "")
        rss = rss_items(client, "/en/feeds/rss/")[1][0]
        # RSS readers treat titles as HTML: the text is the escaped headline.
        assert rss.findtext("title") == escape(clean)
        assert rss.findtext("description") == escape("<img src=x onerror=alert(1)> fares rise")
        entry = atom_entries(client, "/en/feeds/atom/")[1][0]
        assert entry.findtext("atom:title", namespaces=NS) == clean
        assert entry.find("atom:summary", NS).get("type") == "html"
        assert "<img" not in entry.findtext("atom:summary", namespaces=NS)
        item = json_feed(client, "/en/feeds/json/")["items"][0]
        assert item["title"] == clean
        assert item["content_text"] == "<img src=x onerror=alert(1)> fares rise"


def test_queries_do_not_grow_with_items(site, client):
    for n in range(6):
        ArticlePageFactory(
            parent=site.defense,
            title=f"Patrol {n}",
            lead_photo=small_photo(f"patrol{n}"),
            authors=[site.editor],
            topics=[site.place],
        )
    assert len(cold_queries(client, "/en/feeds/rss/")) <= 20


def test_a_feed_names_the_list_it_shows_for_the_caches(site):
    request = RequestFactory().get("/en/feeds/section/politics/rss/")
    collector = tags.start(since=0)
    try:
        with translation.override("en"):
            SectionFeed(request, "rss").items(site.politics)
    finally:
        tags.stop()
    assert f"list-section-{site.politics.pk}" in collector.tags


def test_a_topic_feed_follows_the_translations_of_its_topic(site):
    # A Russian article may still link the English topic page: its changes refresh this feed.
    person_ru = publish_translation(site.person, site.home_ru.locale)
    request = RequestFactory().get("/ru/feeds/topic/marta-kovac/rss/")
    collector = tags.start(since=0)
    try:
        with translation.override("ru"):
            TopicFeed(request, "rss").items(person_ru)
    finally:
        tags.stop()
    assert {f"list-topic-{site.person.pk}", f"list-topic-{person_ru.pk}"} <= collector.tags


class TestAutodiscovery:
    @pytest.mark.parametrize(
        "page_name, feed_path",
        [
            ("home", "/en/feeds/{fmt}/"),
            ("politics", "/en/feeds/section/politics/{fmt}/"),
            ("person", "/en/feeds/topic/marta-kovac/{fmt}/"),
            ("reporter", "/en/feeds/author/ana-reyes/{fmt}/"),
        ],
    )
    def test_listing_pages_link_their_feeds(self, site, client, page_name, feed_path):
        page = get_soup(client, getattr(site, page_name).url)
        alternates = {
            link["type"]: link["href"]
            for link in page.head.find_all("link", rel="alternate")
            if link.get("type")
        }
        assert alternates == {
            "application/rss+xml": feed_path.format(fmt="rss"),
            "application/atom+xml": feed_path.format(fmt="atom"),
            "application/feed+json": feed_path.format(fmt="json"),
        }
        footer = page.find("footer", class_="site-footer")
        assert feed_path.format(fmt="rss") in [a["href"] for a in footer.find_all("a")]

    def test_an_article_links_the_edition_feeds_in_its_footer(self, site, client):
        page = get_soup(client, site.article.url)
        assert not page.head.find_all("link", type="application/rss+xml")
        assert "/en/feeds/rss/" in [
            a["href"] for a in page.find("footer", class_="site-footer").find_all("a")
        ]

    def test_the_russian_edition_links_russian_feeds(self, site, client):
        page = get_soup(client, site.politics_ru.url)
        link = page.head.find("link", type="application/rss+xml")
        assert link["href"] == "/ru/feeds/section/politics/rss/"
