"""What search engines and sharing cards read: JSON-LD, Open Graph, canonical and hreflang."""

import json
from urllib.parse import urlsplit

import pytest
from django.conf import settings

from dateline.conftest import get_soup, to_second, url_in


def structured_data(page):
    scripts = page.find_all("script", type="application/ld+json")
    assert len(scripts) == 1
    return json.loads(scripts[0].string)


def meta_property(page, name):
    tag = page.find("meta", property=name)
    return tag["content"] if tag else None


def canonical(page):
    links = page.find_all("link", rel="canonical")
    assert len(links) == 1
    return links[0]["href"]


def alternates(page):
    return {link["hreflang"]: link["href"] for link in page.find_all("link", hreflang=True)}


@pytest.fixture
def article_page(site, client):
    return get_soup(client, site.article.url)


class TestNewsArticleJsonLd:
    def test_type_headline_dates_and_language(self, site, article_page):
        data = structured_data(article_page)
        assert data["@context"] == "https://schema.org"
        assert data["@type"] == "NewsArticle"
        assert data["headline"] == site.article.title
        assert data["description"] == site.article.standfirst
        assert data["inLanguage"] == "en"
        published = to_second(site.article.first_published_at)
        assert to_second(data["datePublished"]) == published
        assert to_second(data["dateModified"]) >= published
        assert data["articleSection"] == "Politics"

    def test_authors(self, site, article_page):
        authors = structured_data(article_page)["author"]
        assert [author["@type"] for author in authors] == ["Person", "Person"]
        assert [author["name"] for author in authors] == ["Ana Reyes", "Leo Brandt"]
        assert [urlsplit(author["url"]).path for author in authors] == [
            site.reporter.url,
            site.editor.url,
        ]

    def test_publisher(self, article_page):
        publisher = structured_data(article_page)["publisher"]
        assert publisher["@type"] in {"NewsMediaOrganization", "Organization"}
        assert publisher["name"] == settings.WAGTAIL_SITE_NAME

    def test_image_with_size_credit_publisher_and_date(self, site, article_page):
        images = structured_data(article_page)["image"]
        image = images[0] if isinstance(images, list) else images
        assert image["@type"] == "ImageObject"
        assert urlsplit(image["url"]).scheme in {"http", "https"}
        # The original is 800 px wide, so its largest rendition is too.
        assert image["width"] == site.lead_photo.width == 800
        assert image["height"] == site.lead_photo.height
        assert image["creditText"] == "© Nordic Wire / Ines Varga"
        assert image["publisher"]["name"] == "Nordic Wire"
        assert image["dateCreated"] == "2025-11-04"
        assert urlsplit(image["acquireLicensePage"]).path == url_in(
            "en", "mediabank:photo", pk=site.lead_photo.pk
        )

    def test_url_is_the_canonical_url(self, article_page):
        data = structured_data(article_page)
        assert data["url"] == canonical(article_page)
        assert data["mainEntityOfPage"]["@id"] == canonical(article_page)

    def test_russian_article(self, site, client):
        data = structured_data(get_soup(client, site.article_ru.url))
        assert data["inLanguage"] == "ru"
        assert data["headline"] == site.article_ru.title

    def test_long_headline_is_cut_for_search_engines(self, site, client):
        site.article.title = "A very long headline " * 10
        site.article.save_revision().publish()
        data = structured_data(get_soup(client, site.article.url))
        assert len(data["headline"]) <= 110

    def test_text_cannot_break_out_of_the_script_element(self, site, client):
        site.article.standfirst = 'Fares "frozen" </script><script>alert(1)</script> & <b>more</b>'
        site.article.save_revision().publish()
        page = get_soup(client, site.article.url)
        data = structured_data(page)
        assert data["description"] == site.article.standfirst
        # The text stayed inside the JSON-LD: no script element of its own came out of it.
        injected = [
            script
            for script in page.find_all("script")
            if script.get("type") != "application/ld+json" and "alert(1)" in script.text
        ]
        assert injected == []

    def test_article_without_photo(self, site, client):
        site.article.lead_photo = None
        site.article.save_revision().publish()
        page = get_soup(client, site.article.url)
        data = structured_data(page)
        assert "image" not in data or not data["image"]
        assert meta_property(page, "og:image") is None


class TestOpenGraph:
    def test_article_card(self, site, article_page):
        assert meta_property(article_page, "og:type") == "article"
        assert meta_property(article_page, "og:title") == site.article.title
        assert meta_property(article_page, "og:description") == site.article.standfirst
        assert meta_property(article_page, "og:url") == canonical(article_page)
        image = meta_property(article_page, "og:image")
        assert urlsplit(image).scheme in {"http", "https"}
        assert image.endswith((".jpg", ".jpeg"))
        assert int(meta_property(article_page, "og:image:width")) == 800
        assert int(meta_property(article_page, "og:image:height")) == 533
        published = meta_property(article_page, "article:published_time")
        assert to_second(published) == to_second(site.article.first_published_at)
        twitter = article_page.find("meta", attrs={"name": "twitter:card"})
        assert twitter["content"] == "summary_large_image"

    def test_description(self, site, article_page):
        description = article_page.find("meta", attrs={"name": "description"})
        assert description["content"] == site.article.standfirst


class TestCanonicalAndAlternates:
    @pytest.mark.parametrize(
        "name", ["home", "politics", "article", "person", "reporter", "topic_index"]
    )
    def test_canonical_is_the_page_full_url(self, site, client, name):
        page = getattr(site, name)
        assert canonical(get_soup(client, page.url)) == page.full_url

    def test_translated_article_has_both_alternates(self, site, client):
        for page in (site.article, site.article_ru):
            links = alternates(get_soup(client, page.url))
            assert set(links) == {"en", "ru", "x-default"}
            assert urlsplit(links["en"]).path == site.article.url
            assert urlsplit(links["ru"]).path == site.article_ru.url

    def test_alternates_use_the_canonical_addresses(self, site, client):
        page = get_soup(client, site.article.url)
        links = alternates(page)
        assert links["en"] == canonical(page) == site.article.full_url
        assert links["ru"] == site.article_ru.full_url

    def test_untranslated_article_has_no_russian_alternate(self, site, client):
        links = alternates(get_soup(client, site.related.url))
        assert "ru" not in links

    def test_home_pages_are_alternates_of_each_other(self, site, client):
        links = alternates(get_soup(client, "/ru/"))
        assert urlsplit(links["en"]).path == "/en/"
        assert urlsplit(links["ru"]).path == "/ru/"


class TestWhatSearchEnginesReadInEachEdition:
    def test_hreflang_names_the_default_edition_as_x_default(self, site, client):
        for url in (site.article.url, site.article_ru.url):
            links = alternates(get_soup(client, url))
            assert links["x-default"] == links[settings.LANGUAGE_CODE]
            assert urlsplit(links["x-default"]).path == site.article.url

    def test_open_graph_names_the_language_with_its_territory(self, site, client):
        russian = get_soup(client, site.article_ru.url)
        assert meta_property(russian, "og:locale") == "ru_RU"
        assert meta_property(russian, "og:locale:alternate") == "en_US"
        assert meta_property(get_soup(client, site.article.url), "og:locale") == "en_US"
        assert meta_property(get_soup(client, "/ru/"), "og:locale") == "ru_RU"

    def test_the_article_body_is_plain_text(self, site, client):
        from dateline.conftest import publish

        publish(
            site.article,
            body=[
                ("paragraph", "<p>Fish &amp; chips, the mayor&#x27;s <b>favourite</b>.</p>"),
                ("paragraph", "<p>Prices rise &lt;5%&gt; &quot;at most&quot;.</p>"),
            ],
        )
        body = structured_data(get_soup(client, site.article.url))["articleBody"]
        assert body == 'Fish & chips, the mayor\'s favourite. Prices rise <5%> "at most".'
