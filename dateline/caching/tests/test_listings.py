"""Every page or photo a listing shows reaches it when it changes, however it was read.

Pages and photos loaded as models are tagged by themselves; rows read with values() are not,
and a listing that shows them must tag them (a renamed topic once stayed in the feeds, a
renamed section's addresses in the sitemaps). This guards every listing, new ones too: for
each page linked from a listing, publishing that page must invalidate a tag the listing's
URL was indexed with, and saving a photo shown must too.
"""

import json
import re
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from defusedxml import ElementTree
from django.utils import timezone
from wagtail.models import Page

from dateline.caching import rules
from dateline.caching.models import CachedURL
from dateline.conftest import clear_cache
from dateline.mediabank.models import PhotoRendition

from .helpers import month, public_urls

pytestmark = pytest.mark.django_db

HOST = "http://testserver"


def listings(site):
    urls = public_urls(site)
    listing_names = {
        "home", "politics", "defense", "person", "reporter", "topics", "authors", "mediabank",
        "sitemaps", "pages_sitemap", "politics_sitemap", "defense_sitemap",
    }  # fmt: skip
    found = {name: url for name, url in urls.items() if name in listing_names}
    for fmt in ("rss", "atom", "json"):
        found[f"edition {fmt}"] = f"/en/feeds/{fmt}/"
        found[f"section {fmt}"] = f"/en/feeds/section/{site.politics.slug}/{fmt}/"
        found[f"topic {fmt}"] = f"/en/feeds/topic/{site.person.slug}/{fmt}/"
        found[f"author {fmt}"] = f"/en/feeds/author/{site.reporter.slug}/{fmt}/"
    found["russian feed"] = "/ru/feeds/rss/"
    day = timezone.localdate(site.article.specific.published_at).strftime("%Y/%m/%d")
    found["edition day"] = f"/en/{day}/"
    found["news sitemap"] = "/sitemap-en.news.xml"
    found["section day"] = f"{site.politics.url}{day}/"
    found["api pages"] = "/api/v2/pages/?type=news.ArticlePage&fields=title,standfirst"
    found["api images"] = "/api/v2/images/"
    assert month(site.article)  # the sitemaps of both months are in public_urls
    return found


def shown_urls(response):
    """Every address a response shows: links, sources, sitemap locations, JSON strings."""
    body = response.content.decode()
    kind = response["Content-Type"]
    if "json" in kind:
        found = set()

        def walk(value):
            if isinstance(value, dict):
                for item in value.values():
                    walk(item)
            elif isinstance(value, list):
                for item in value:
                    walk(item)
            elif isinstance(value, str) and (value.startswith(("http", "/"))):
                found.add(value)

        walk(json.loads(body))
        return found
    if "xml" in kind and "<urlset" in body or "<sitemapindex" in body:
        return {
            node.text for node in ElementTree.fromstring(body).iter() if node.tag.endswith("loc")
        }
    if "xml" in kind:
        return set(re.findall(r"https?://[^<\"' ]+", body))
    soup = BeautifulSoup(body, "html.parser")
    return {
        node.get(attr) for attr in ("href", "src") for node in soup.find_all(attrs={attr: True})
    }


def shown_names(response):
    """The exact texts of a feed's or the API's elements, attributes and strings (HTML names
    pages by linking them)."""
    body = response.content.decode()
    if "json" in response["Content-Type"]:
        names = set()

        def walk(value):
            if isinstance(value, dict):
                value = list(value.values())
            if isinstance(value, list):
                for item in value:
                    walk(item)
            elif isinstance(value, str):
                names.add(value.strip())

        walk(json.loads(body))
        return names
    if "xml" in response["Content-Type"]:
        nodes = list(ElementTree.fromstring(body).iter())
        return {(n.text or "").strip() for n in nodes} | {
            v.strip() for n in nodes for v in n.attrib.values()
        }
    return set()


def path_of(url):
    return urlsplit(url).path


@pytest.fixture
def indexed(client, shared_cache):
    """Ask for a URL as the shared cache would; its shown addresses and its indexed tags."""

    def ask(url):
        response = client.get(url)
        assert response.status_code == 200, url
        entry = CachedURL.objects.get(url=HOST + url)
        return shown_urls(response), shown_names(response), {link.tag for link in entry.tags.all()}

    return ask


def change_tags(page):
    """What publishing the page may touch: the rules compare with what they remember (the
    masthead, an article's listings); forgotten, they name everything."""
    clear_cache()
    return rules.apply(rules.Change("publish", page)).tags | {f"address-{page.pk}"}


def test_every_page_and_photo_a_listing_shows_reaches_it(site, indexed):
    pages = {page.url: page for page in Page.objects.live().specific()}
    renditions = dict(PhotoRendition.objects.values_list("file", "image_id"))
    checked = 0
    for name, url in listings(site).items():
        shown, names, indexed_tags = indexed(url)
        paths = {path_of(address) for address in shown}
        for page in pages.values():
            linked = page.url in paths
            named = page.title in names
            # Its address in others': its own articles, its sitemaps' names.
            sitemap = f"/sitemap-{page.locale.language_code}.{page.slug}."
            addressed = page.depth > 2 and any(
                path.startswith((page.url, sitemap)) and path != page.url for path in paths
            )
            if linked or named or addressed:
                what = "links" if linked else "names" if named else "addresses"
                tags = change_tags(page)
                assert tags & indexed_tags, f"{name} ({url}) {what} {page.url}, untagged"
                checked += 1
        for path in paths:
            media = path.removeprefix("/media/")
            if media in renditions:
                assert f"photo-{renditions[media]}" in indexed_tags, f"{name} shows {media}"
                checked += 1
    assert checked > 200  # the parsing found what the listings show
