"""The public media bank: newest first, search by text, photo pages with everything on them."""

from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.utils import timezone

from dateline.conftest import get_soup, main_links, url_in
from dateline.mediabank.factories import PhotoFactory
from dateline.mediabank.models import Licence, Photo


def index_url(language="en"):
    return url_in(language, "mediabank:index")


def photo_url(photo, language="en"):
    return url_in(language, "mediabank:photo", pk=photo.pk)


def photo_links(page, language="en"):
    """The photo pages a media bank listing links to, in order, each once."""
    prefix = index_url(language)
    links = []
    for href in main_links(page):
        path = urlsplit(href).path
        if path.startswith(prefix) and path != prefix and path not in links:
            links.append(path)
    return links


@pytest.fixture
def three_new_photos(site):
    """Three photos newer than the rest of the media bank, created in a shuffled order."""
    now = timezone.now()
    photos = {
        "middle": PhotoFactory(title="Lighthouse in fog", caption="Fog over the cape."),
        "newest": PhotoFactory(title="Market square", caption="Stalls on market day."),
        "oldest": PhotoFactory(title="Fishing boats", caption="Boats return at noon."),
    }
    for hours, key in ((2, "middle"), (3, "newest"), (1, "oldest")):
        Photo.objects.filter(pk=photos[key].pk).update(created_at=now + timedelta(hours=hours))
    return photos


class TestIndex:
    def test_newest_first(self, client, three_new_photos):
        page = get_soup(client, index_url())
        expected = [photo_url(three_new_photos[k]) for k in ("newest", "middle", "oldest")]
        assert photo_links(page)[:3] == expected

    def test_every_photo_shows_its_credit(self, site, client):
        page = get_soup(client, index_url())
        item = page.find("main").find("a", href=photo_url(site.lead_photo)).find_parent("li")
        assert "© Nordic Wire / Ines Varga" in item.get_text(" ")
        assert item.find("img") is not None

    def test_pagination(self, site, client, settings, three_new_photos):
        settings.DATELINE_PHOTOS_PER_PAGE = 2
        total = Photo.objects.count()
        pages = -(-total // 2)
        seen = []
        for number in range(1, pages + 1):
            page = get_soup(client, f"{index_url()}?page={number}")
            links = photo_links(page)
            assert 1 <= len(links) <= 2
            seen.extend(links)
            rels = {a["rel"][0] for a in page.select("main a[rel]")}
            assert ("next" in rels) == (number < pages)
        assert len(seen) == len(set(seen)) == total
        assert client.get(f"{index_url()}?page={pages + 1}").status_code == 404

    def test_russian_edition(self, site, client):
        page = get_soup(client, index_url("ru"))
        assert page.find("html")["lang"] == "ru"
        assert photo_url(site.lead_photo, "ru") in photo_links(page, "ru")


class TestSearch:
    @pytest.mark.parametrize(
        ("query", "expected"),
        [
            ("Aurora", "lead_photo"),  # caption
            ("crew", "body_photo"),  # title
            ("Lind", "body_photo"),  # photographer
            ("Nordic", "lead_photo"),  # agency
        ],
    )
    def test_finds_a_photo_by_its_words(self, site, client, query, expected):
        page = get_soup(client, f"{index_url()}?q={query}")
        links = photo_links(page)
        assert photo_url(getattr(site, expected)) in links
        other = "body_photo" if expected == "lead_photo" else "lead_photo"
        assert photo_url(getattr(site, other)) not in links

    def test_nothing_found(self, site, client):
        page = get_soup(client, f"{index_url()}?q=zeppelin")
        assert photo_links(page) == []

    def test_a_new_photo_is_found_at_once(self, site, client):
        photo = PhotoFactory(title="Night ferry", caption="The quay under snowfall.")
        links = photo_links(get_soup(client, f"{index_url()}?q=snowfall"))
        assert links == [photo_url(photo)]

    def test_search_in_the_russian_edition(self, site, client):
        page = get_soup(client, f"{index_url('ru')}?q=Aurora")
        assert page.find("html")["lang"] == "ru"
        assert photo_url(site.lead_photo, "ru") in photo_links(page, "ru")

    @pytest.mark.parametrize("query", ["x" * 500, "%00", "a AND (", '"', "*"])
    def test_odd_queries_never_fail(self, site, client, query):
        response = client.get(index_url(), {"q": query})
        assert response.status_code == 200

    def test_search_results_paginate(self, site, client, settings):
        settings.DATELINE_PHOTOS_PER_PAGE = 1
        for n in range(3):
            PhotoFactory(title=f"Seagull {n}", caption="A seagull on the pier.")
        first = photo_links(get_soup(client, f"{index_url()}?q=seagull&page=1"))
        third = photo_links(get_soup(client, f"{index_url()}?q=seagull&page=3"))
        assert len(first) == len(third) == 1
        assert first != third
        assert client.get(f"{index_url()}?q=seagull&page=4").status_code == 404


@pytest.fixture
def photo_page(site, client):
    site.lead_photo.tags.add("ferry", "harbour")
    return get_soup(client, photo_url(site.lead_photo))


def details(page):
    """The photo's metadata as a {term: description element} mapping."""
    terms = page.find("main").find_all("dt")
    assert terms
    return {dt.get_text(strip=True): dt.find_next_sibling("dd") for dt in terms}


class TestPhotoPage:
    def test_title_picture_caption_and_credit(self, site, photo_page):
        assert photo_page.find("h1").get_text(strip=True) == site.lead_photo.title
        figure = photo_page.find("main").find("figure")
        img = figure.find("img")
        assert img.get("srcset") and img.get("sizes") and img.get("width") and img.get("height")
        caption = figure.find("figcaption").get_text(" ", strip=True)
        assert site.lead_photo.caption in caption
        assert "© Nordic Wire / Ines Varga" in caption

    def test_metadata(self, site, photo_page):
        values = {term: dd.get_text(" ", strip=True) for term, dd in details(photo_page).items()}
        texts = list(values.values())
        assert "© Nordic Wire / Ines Varga" in texts
        assert "Nordic Wire" in texts
        assert "Ines Varga" in texts
        assert Licence.EDITORIAL.label in texts
        assert any("800" in text and "533" in text for text in texts)
        assert any("ferry" in text and "harbour" in text for text in texts)
        dates = [t["datetime"] for t in photo_page.find("main").find_all("time")]
        assert "2025-11-04" in dates

    def test_open_licence_is_linked(self, site, client):
        site.lead_photo.licence = Licence.CC_BY
        site.lead_photo.save()
        page = get_soup(client, photo_url(site.lead_photo))
        link = page.find("a", rel="license")
        assert link["href"] == "https://creativecommons.org/licenses/by/4.0/"

    def test_renditions_are_listed_and_exist(self, photo_page):
        links = [
            a["href"]
            for a in photo_page.find("main").find_all("a", href=True)
            if a["href"].startswith(settings.MEDIA_URL)
        ]
        assert any(href.endswith(".jpg") for href in links)
        assert any(href.endswith(".webp") for href in links)
        for href in links:
            path = Path(settings.MEDIA_ROOT) / href.removeprefix(settings.MEDIA_URL)
            assert path.is_file(), href

    def test_each_rendition_size_is_listed_once_per_format(self, photo_page):
        items = [
            a.get_text(" ", strip=True)
            for a in photo_page.find("main").find_all("a", href=True)
            if a["href"].startswith(settings.MEDIA_URL)
        ]
        assert items
        assert len(items) == len(set(items)), items

    def test_used_in_lists_only_published_public_articles(self, site, photo_page):
        links = main_links(photo_page)
        assert site.article.url in links
        assert site.draft.url not in links
        assert site.private.url not in links

    def test_used_in_lists_the_pages_of_the_edition_being_read(self, site, client):
        english = main_links(get_soup(client, photo_url(site.lead_photo, "en")))
        russian = main_links(get_soup(client, photo_url(site.lead_photo, "ru")))
        assert site.article.url in english and site.article_ru.url not in english
        assert site.article_ru.url in russian and site.article.url not in russian

    def test_used_in_a_body_photo_block(self, site, client):
        links = main_links(get_soup(client, photo_url(site.body_photo)))
        assert site.article.url in links

    def test_unused_photo(self, site, client):
        photo = PhotoFactory(title="Unused")
        page = get_soup(client, photo_url(photo))
        assert page.find("h1").get_text(strip=True) == "Unused"
        assert site.article.url not in main_links(page)

    def test_unknown_photo(self, site, client):
        assert client.get("/en/mediabank/987654/").status_code == 404
        assert client.get("/en/mediabank/not-a-number/").status_code == 404

    def test_russian_edition(self, site, client):
        page = get_soup(client, photo_url(site.lead_photo, "ru"))
        assert page.find("html")["lang"] == "ru"
        assert page.find("h1").get_text(strip=True) == site.lead_photo.title
