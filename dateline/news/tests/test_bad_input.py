"""Readers' bad input: unknown addresses and page numbers get the edition's 404, never a 500."""

import re

import pytest

from dateline.conftest import get_soup, soup, url_in

CYRILLIC = re.compile(r"[\u0400-\u04FF]")


def own_language_text(page):
    """Visible text, leaving out elements marked as another language (the edition switcher)."""
    language = page.find("html")["lang"]
    for element in page.find_all(["script", "style"]):
        element.decompose()
    for element in page.select("body [lang]"):
        if element["lang"] != language:
            element.decompose()
    return page.find("body").get_text(" ", strip=True)


class TestNotFound:
    @pytest.mark.parametrize(
        "path",
        [
            "/en/no-such-page/",
            "/en/politics/no-such-article/",
            "/en/topics/nobody/",
            "/en/mediabank/999999/",
        ],
    )
    def test_english_404(self, site, client, path):
        response = client.get(path)
        assert response.status_code == 404
        page = soup(response)
        assert page.find("html")["lang"] == "en"
        assert page.find("h1") is not None
        assert "/en/" in [a["href"] for a in page.find("main").find_all("a", href=True)]
        robots = page.find("meta", attrs={"name": "robots"})
        assert robots is not None and "noindex" in robots["content"]
        assert page.find("link", rel="canonical") is None
        assert not CYRILLIC.search(own_language_text(page))

    @pytest.mark.parametrize(
        "path",
        ["/ru/no-such-page/", "/ru/politics/no-such-article/", "/ru/mediabank/999999/"],
    )
    def test_russian_404(self, site, client, path):
        response = client.get(path)
        assert response.status_code == 404
        page = soup(response)
        assert page.find("html")["lang"] == "ru"
        assert "/ru/" in [a["href"] for a in page.find("main").find_all("a", href=True)]

    def test_the_russian_404_speaks_russian(self, site, client):
        english = soup(client.get("/en/no-such-page/"))
        russian = soup(client.get("/ru/no-such-page/"))
        english_heading = english.find("h1").get_text(strip=True)
        russian_heading = russian.find("h1").get_text(strip=True)
        assert russian_heading != english_heading
        assert CYRILLIC.search(russian_heading)
        assert CYRILLIC.search(russian.find("title").get_text())

    def test_unknown_edition(self, site, client):
        response = client.get("/xx/politics/", follow=True)
        assert response.status_code == 404

    def test_a_404_without_any_site_set_up_still_renders(self, db, client):
        response = client.get("/en/anything/")
        assert response.status_code == 404
        assert soup(response).find("h1") is not None

    def test_a_page_of_another_edition_under_the_wrong_prefix(self, site, client):
        # The English article's path under /ru/ is the Russian translation, not the English one.
        page = get_soup(client, site.article.url.replace("/en/", "/ru/", 1))
        assert page.find("h1").get_text(strip=True) == site.article_ru.title
        # An English-only article has no Russian address.
        assert client.get(site.related.url.replace("/en/", "/ru/", 1)).status_code == 404


BAD_PAGE_NUMBERS = ["abc", "0", "-1", "999999", "1.5", "2", "9" * 40, "%00", "1%20OR%201=1"]


def listing_paths(site):
    return {
        "section": site.politics.url,
        "topic": site.person.url,
        "author": site.reporter.url,
        "media bank": url_in("en", "mediabank:index"),
        "media bank search": url_in("en", "mediabank:index") + "?q=harbour&",
        "russian section": site.politics_ru.url,
    }


class TestBadPageNumbers:
    @pytest.mark.parametrize(
        "listing",
        ["section", "topic", "author", "media bank", "media bank search", "russian section"],
    )
    @pytest.mark.parametrize("number", BAD_PAGE_NUMBERS)
    def test_bad_page_number_is_a_404(self, site, client, listing, number):
        path = listing_paths(site)[listing]
        separator = "&" if "?" in path else "?"
        url = f"{path.rstrip('&')}{separator}page={number}"
        response = client.get(url)
        assert response.status_code == 404, url
        assert soup(response).find("h1") is not None

    @pytest.mark.parametrize("listing", ["section", "topic", "author", "media bank"])
    def test_first_page_by_number(self, site, client, listing):
        path = listing_paths(site)[listing]
        assert client.get(f"{path}?page=1").status_code == 200

    def test_empty_page_parameter_never_fails(self, site, client):
        response = client.get(f"{site.politics.url}?page=")
        assert response.status_code == 404  # no such page, not a server error
        assert soup(response).find("h1") is not None


class TestServerError:
    @pytest.fixture
    def broken_media_bank(self, monkeypatch):
        from dateline.mediabank import views

        def fail(*args, **kwargs):
            raise RuntimeError("the media bank is down")

        monkeypatch.setattr(views.PhotoIndexView, "get_context_data", fail)

    @pytest.mark.parametrize("language", ["en", "ru"])
    def test_an_error_shows_the_edition_s_500_page(self, site, client, broken_media_bank, language):
        client.raise_request_exception = False
        response = client.get(url_in(language, "mediabank:index"))
        assert response.status_code == 500
        page = soup(response)
        assert page.find("html")["lang"] == language
        assert page.find("h1") is not None
        assert f"/{language}/" in [a["href"] for a in page.find_all("a", href=True)]
        if language == "en":
            assert not CYRILLIC.search(own_language_text(page))
        else:
            assert CYRILLIC.search(page.find("h1").get_text())
