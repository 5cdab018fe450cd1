"""A change refreshes exactly the pages that show it: one test per kind of content."""

from datetime import timedelta
from unittest import mock

import pytest
from django.utils import timezone

from dateline.conftest import publish
from dateline.news.factories import ArticlePageFactory
from dateline.pagecache.serving import get_cache

from .helpers import HOST, public_urls, refreshed, warm

pytestmark = pytest.mark.django_db

EN_PAGES = {
    "home", "politics", "defense", "article", "related", "person", "organisation", "place",
    "reporter", "editor", "topics", "authors", "mediabank", "lead_photo", "body_photo",
}  # fmt: skip


@pytest.fixture
def pages(site, client):
    urls = public_urls(site)
    warm(client, urls)
    return urls


def test_editing_an_article_refreshes_the_pages_that_show_it(site, pages):
    publish(site.article, title="Council keeps the ferry route open")
    assert refreshed(pages) == {
        "article", "article_ru",  # itself, and its translation (the edition switcher)
        "home", "politics",  # the home's latest and rails, its section
        "person", "organisation", "place", "reporter", "editor",  # its topics and authors
        "lead_photo", "body_photo",  # "used in" of its photos
    }  # fmt: skip


def test_editing_the_related_article_refreshes_the_article_that_shows_its_card(site, pages):
    publish(site.related, title="Navy escorts the second convoy")
    assert refreshed(pages) == {"related", "article", "article_ru", "home", "defense", "editor"}


def test_publishing_a_new_article_refreshes_its_listings_only(site, pages):
    ArticlePageFactory(
        parent=site.defense,
        title="Coast guard opens a station at Port Halvern",
        topics=[site.place],
        authors=[site.editor],
        lead_photo=site.body_photo,
        first_published_at=timezone.now(),
    ).save_revision().publish()
    assert refreshed(pages) == {"home", "defense", "place", "editor", "body_photo"}


def test_unpublishing_refreshes_every_page_that_showed_it_and_never_serves_it_stale(
    site, pages, client
):
    site.related.specific.unpublish()
    assert refreshed(pages) == {
        "related", "article", "article_ru", "home", "defense", "editor",
    }  # fmt: skip
    response = client.get(pages["article"])
    assert response["X-Page-Cache"] == "miss"
    assert site.related.url not in response.content.decode()
    assert client.get(pages["related"]).status_code == 404


def test_moving_an_article_refreshes_both_sections(site, pages):
    site.related.move(site.politics, pos="last-child")
    assert {"politics", "defense", "related", "article"} <= refreshed(pages)
    assert "person" not in refreshed(pages)


def test_a_photo_caption_or_credit_refreshes_the_pages_that_show_the_photo(site, pages):
    photo = site.body_photo
    photo.caption = "Crew members load the last cargo of the night."
    photo.save()
    assert refreshed(pages) == {"article", "article_ru", "mediabank", "body_photo"}
    photo = site.lead_photo
    photo.agency = "Harbour Light Agency"
    photo.save()
    assert refreshed(pages) >= {"home", "politics", "person", "reporter", "lead_photo"}
    assert "defense" not in refreshed(pages)


def test_renaming_a_person_refreshes_quotes_and_topic_pages(site, pages):
    publish(site.person, title="Marta Kovač")
    assert refreshed(pages) == {"person", "article", "article_ru", "topics"}


def test_renaming_an_author_refreshes_bylines_and_author_pages(site, pages):
    publish(site.reporter, title="Ana Reyes-Molina")
    assert refreshed(pages) == {"reporter", "article", "article_ru", "authors"}


def test_renaming_a_section_refreshes_the_masthead_of_its_edition_only(site, pages):
    publish(site.defense, title="Defence")
    assert refreshed(pages) == EN_PAGES
    assert "home_ru" not in refreshed(pages)


def test_changing_a_section_introduction_leaves_the_masthead_alone(site, pages):
    section = site.defense.specific
    field = next(f for f in ("intro", "description", "search_description") if hasattr(section, f))
    publish(section, **{field: "Everything about the armed forces of Marendia."})
    # The section's name shows on its articles and in the home's rails.
    assert refreshed(pages) == {"defense", "related", "home"}


def test_home_page_curation_refreshes_the_home_page_only(site, pages):
    publish(site.home, top_story=site.related.specific)
    # The Russian home links to the English one in its edition switcher.
    assert refreshed(pages) == {"home", "home_ru"}


def test_a_new_photo_refreshes_the_media_bank_listing_only(site, pages):
    from dateline.conftest import small_photo

    small_photo("harbour-night", caption="The harbour at night.")
    assert refreshed(pages) == {"mediabank"}


def test_a_render_that_raced_a_change_is_not_kept_as_fresh(site, client, pages):
    """Rendered from the data before a change, stored after it: stale, not fresh."""
    cache = get_cache()
    key = HOST + pages["defense"]
    entry = cache.store.get(key)
    publish(site.related, title="Navy escorts the third convoy")
    entry.rendered_at -= 0.001  # as if it had started rendering just before
    cache.store.set(key, entry)
    assert cache.state(key) != "fresh"


def test_stale_pages_are_served_while_one_request_renders_but_removals_never(site, client, pages):
    cache = get_cache()
    publish(site.related, title="Navy escorts the fourth convoy")
    first = cache.lookup(HOST + pages["defense"])
    second = cache.lookup(HOST + pages["defense"])
    assert first is None  # this request renders it
    assert second is not None and second.stale  # the others keep the copy meanwhile
    site.related.specific.unpublish()
    assert cache.lookup(HOST + pages["defense"]) is None
    assert cache.lookup(HOST + pages["editor"]) is None


def test_scheduled_go_live_refreshes_listings(site, pages, client):
    from dateline.newsroom.scheduler import run_due

    article = ArticlePageFactory(
        parent=site.politics,
        title="Embargoed harbour report",
        live=False,
        first_published_at=None,
        last_published_at=None,
        lead_photo=site.lead_photo,
    )
    warm(client, pages)
    article.go_live_at = timezone.now() + timedelta(minutes=5)
    article.save_revision().publish()  # scheduled: not live yet
    assert not article.live
    assert refreshed(pages) == set()
    later = timezone.now() + timedelta(minutes=6)
    with mock.patch("django.utils.timezone.now", return_value=later):
        run_due(now=later)
    assert "politics" in refreshed(pages) and "home" in refreshed(pages)


def test_sitemaps_and_robots_are_stored_and_a_new_article_refreshes_the_sitemaps(site, client):
    index = client.get("/sitemap.xml")
    assert index.status_code == 200
    assert client.get("/sitemap.xml")["X-Page-Cache"] == "hit"
    assert client.get("/robots.txt")["X-Page-Cache"] in ("miss", "hit")
    assert client.get("/robots.txt")["X-Page-Cache"] == "hit"
    ArticlePageFactory(
        parent=site.defense,
        title="Harbour pilots end their strike",
        first_published_at=timezone.now(),
    ).save_revision().publish()
    assert get_cache().state(HOST + "/sitemap.xml") != "fresh"
    assert get_cache().state(HOST + "/robots.txt") == "fresh"


def test_an_html_page_that_varies_by_language_is_not_stored(site, client):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="ru")
    assert response.status_code == 302
    assert get_cache().state(HOST + "/") == "absent"


def test_a_first_translation_reaches_the_edition_switcher_of_the_original(site, client):
    from wagtail.models import Locale

    from dateline.conftest import publish_translation

    ru = Locale.objects.get(language_code="ru")
    publish_translation(site.defense, ru, title="Оборона")
    urls = public_urls(site)
    warm(client, urls)
    assert 'rel="alternate" hreflang="ru"' not in client.get(urls["related"]).content.decode()
    translated = publish_translation(site.related, ru, title="Флот сопровождает конвой")
    assert "related" in refreshed(urls)
    assert "article" not in refreshed(urls)  # its related card shows the English story
    page = client.get(urls["related"]).content.decode()
    assert 'rel="alternate" hreflang="ru"' in page  # the head's link to the translation
    assert f'<a href="{translated.url}" lang="ru"' in page  # and the edition switcher


def test_restricting_an_article_takes_it_and_its_cards_out_of_every_stored_page(site, pages):
    from wagtail.models import PageViewRestriction

    restriction = PageViewRestriction.objects.create(
        page=site.related, restriction_type=PageViewRestriction.LOGIN
    )
    refreshed_pages = refreshed(pages)
    assert {"related", "article", "home", "defense"} <= refreshed_pages
    restriction.delete()
    assert {"related", "article", "home", "defense"} <= refreshed(pages)
