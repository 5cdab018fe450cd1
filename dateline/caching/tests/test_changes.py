"""A change reaches exactly the pages that show it: one test per kind of content.

The shared cache is a recorder (dateline.conftest.SharedCache): what the purger tells it,
refreshed or retracted, is compared with every public page of the test world.
"""

from datetime import timedelta
from unittest import mock

import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction

from dateline.conftest import publish, publish_translation, small_photo
from dateline.news.factories import ArticlePageFactory

from .helpers import public_urls, warm

pytestmark = pytest.mark.django_db

EN_PAGES = {
    "home", "politics", "defense", "article", "related", "person", "organisation", "place",
    "reporter", "editor", "topics", "authors", "mediabank", "lead_photo", "body_photo",
    "feed", "sitemaps", "pages_sitemap", "politics_sitemap", "defense_sitemap",
}  # fmt: skip


@pytest.fixture
def pages(site, client, shared_cache):
    urls = public_urls(site)
    warm(client, urls)
    return urls


@pytest.fixture
def told(pages, shared_cache):
    """The names of the pages the shared cache was told about since the last call."""

    def names(retract=None):
        paths = {path for path, retracted in shared_cache.told() if retract in (None, retracted)}
        return {name for name, url in pages.items() if url in paths}

    names()  # what building the world said before the test
    return names


def test_editing_an_article_refreshes_the_pages_that_show_it(site, told):
    publish(site.article, title="Council keeps the ferry route open")
    told()  # a first edit after the cache forgot its listings refreshes them all
    publish(site.article, title="Council keeps the northern ferry route open")
    assert told(retract=False) == {
        "article", "article_ru",  # itself, and its translation (the edition switcher)
        "home", "politics", "feed",  # the listings that show it
        "person", "organisation", "place", "reporter", "editor",  # its topics and authors
        "lead_photo", "body_photo",  # "used in" of its photos
        "politics_sitemap",  # its address and time in its month's sitemap
        "pages_sitemap",  # its section's children (live blogs are listed there)
    }  # fmt: skip


def test_editing_the_related_article_refreshes_the_article_that_shows_its_card(site, told):
    publish(site.related, title="Navy escorts the second convoy")
    told()
    publish(site.related, title="Navy escorts the third convoy")
    assert told() == {
        "related", "article", "article_ru", "home", "defense", "editor", "feed",
        "defense_sitemap", "pages_sitemap",
    }  # fmt: skip


def test_a_first_edit_after_the_cache_forgot_refreshes_every_listing_of_the_article(site, told):
    publish(site.related, title="Navy escorts the second convoy")
    assert "sitemaps" in told()  # the index, listing its section's months


def test_publishing_a_new_article_refreshes_its_listings_only(site, told):
    ArticlePageFactory(
        parent=site.defense,
        title="Coast guard opens a station at Port Halvern",
        topics=[site.place],
        authors=[site.editor],
        lead_photo=site.body_photo,
        first_published_at=timezone.now(),
    ).save_revision().publish()
    assert told() - {"defense_sitemap"} == {
        "home", "defense", "place", "editor", "body_photo", "feed",
        "sitemaps",  # a new month, maybe
        "pages_sitemap",  # a new page below the section (live blogs are listed there)
    }  # fmt: skip


def test_unpublishing_retracts_every_page_that_showed_it(site, told, client):
    site.related.specific.unpublish()
    assert told(retract=True) == {
        "related", "article", "article_ru", "home", "defense", "editor", "feed",
        "sitemaps", "defense_sitemap", "pages_sitemap",
    }  # fmt: skip
    assert client.get(site.related.url).status_code == 404
    assert site.related.url not in client.get(site.article.url).content.decode()


def test_moving_an_article_retracts_it_from_both_sections(site, told):
    site.related.move(site.politics, pos="last-child")
    assert {"politics", "defense", "related", "article"} <= told(retract=True)


def test_a_photo_caption_or_credit_refreshes_the_pages_that_show_the_photo(site, told):
    photo = site.body_photo
    photo.caption = "Crew members load the last cargo of the night."
    photo.save()
    assert told() == {"article", "article_ru", "mediabank", "body_photo"}
    photo = site.lead_photo
    photo.agency = "Harbour Light Agency"
    photo.save()
    changed = told()
    assert changed >= {"home", "politics", "person", "reporter", "lead_photo", "feed"}
    assert "defense" not in changed


def test_renaming_a_person_refreshes_quotes_and_topic_pages(site, told):
    publish(site.person, title="Marta Kovač")
    # The feed names its items' topics; the pages' sitemap has the topic's address.
    assert told() == {"person", "article", "article_ru", "topics", "feed", "pages_sitemap"}


def test_renaming_an_author_refreshes_bylines_and_author_pages(site, told):
    publish(site.reporter, title="Ana Reyes-Molina")
    assert told() == {"reporter", "article", "article_ru", "authors", "feed", "pages_sitemap"}


def test_renaming_a_section_refreshes_its_edition_in_the_background(
    site, told, django_capture_on_commit_callbacks
):
    publish(site.defense, title="Defence")
    # The sitemaps of its months show its address, which stays.
    assert told(retract=False) == EN_PAGES - {"politics_sitemap", "defense_sitemap"}
    with django_capture_on_commit_callbacks(execute=True):  # Wagtail says so after commit
        publish(site.defense, title="Defense", slug="armed-forces")
    changed = told(retract=False)
    assert changed == EN_PAGES - {"politics_sitemap"}
    assert "home_ru" not in changed


def test_changing_a_section_introduction_leaves_the_masthead_alone(site, told):
    publish(site.defense.specific, description="Everything about the armed forces of Marendia.")
    # The section shows on its articles, in the home's rails and the feed's categories; the
    # sitemaps list the home's sections and when each page last changed.
    assert told() == {"defense", "related", "home", "feed", "sitemaps", "pages_sitemap"}


def test_home_page_curation_refreshes_the_home_page_only(site, told):
    publish(site.home)
    told()  # a first change after the cache forgot the masthead refreshes the edition
    publish(site.home, top_story=site.related.specific)
    # The Russian home links to the English one in its edition switcher; the pages'
    # sitemap says when the home last changed.
    assert told() == {"home", "home_ru", "pages_sitemap"}


def test_a_new_photo_refreshes_the_media_bank_listing_only(site, told):
    small_photo("harbour-night", caption="The harbour at night.")
    assert told() == {"mediabank"}


def test_restricting_an_article_retracts_it_and_its_cards_everywhere(site, told):
    restriction = PageViewRestriction.objects.create(
        page=site.related, restriction_type=PageViewRestriction.LOGIN
    )
    assert {"related", "article", "home", "defense", "feed", "sitemaps"} <= told(retract=True)
    restriction.delete()
    assert {"related", "article", "home", "defense"} <= told()


def test_restricting_a_section_retracts_its_articles_wherever_they_are_shown(site, told):
    PageViewRestriction.objects.create(
        page=site.defense, restriction_type=PageViewRestriction.LOGIN
    )
    assert {"defense", "related", "article", "home", "editor"} <= told(retract=True)


def test_scheduled_go_live_refreshes_listings_and_expiry_retracts(site, told, client):
    from dateline.newsroom.scheduler import run_due

    article = ArticlePageFactory(
        parent=site.politics,
        title="Embargoed harbour report",
        live=False,
        first_published_at=None,
        last_published_at=None,
        lead_photo=site.lead_photo,
    )
    article.go_live_at = timezone.now() + timedelta(minutes=5)
    article.save_revision().publish()  # scheduled: not live yet
    assert told() == set()
    later = timezone.now() + timedelta(minutes=6)
    with mock.patch("django.utils.timezone.now", return_value=later):
        run_due(now=later)
    assert {"politics", "home", "feed", "sitemaps"} <= told()
    publish(site.related, expire_at=later + timedelta(minutes=1))
    told()
    even_later = later + timedelta(minutes=2)
    with mock.patch("django.utils.timezone.now", return_value=even_later):
        run_due(now=even_later)
    assert {"related", "article", "defense", "home"} <= told(retract=True)


def test_a_first_translation_reaches_the_edition_switcher_of_the_original(site, told, client):
    from wagtail.models import Locale

    ru = Locale.objects.get(language_code="ru")
    publish_translation(site.defense, ru, title="Оборона")
    told()
    translated = publish_translation(site.related, ru, title="Флот сопровождает конвой")
    changed = told()
    assert "related" in changed
    assert "article" not in changed  # its related card shows the English story
    page = client.get(site.related.url).content.decode()
    assert 'rel="alternate" hreflang="ru"' in page  # the head's link to the translation
    assert f'<a href="{translated.url}" lang="ru"' in page  # and the edition switcher


def test_a_page_published_where_readers_got_not_found_is_told_by_its_own_address(
    site, client, shared_cache
):
    url = site.politics.url + "harbour-pilots-strike/"
    assert client.get(url).status_code == 404
    shared_cache.told()
    ArticlePageFactory(
        parent=site.politics, title="Harbour pilots strike", slug="harbour-pilots-strike"
    ).save_revision().publish()
    assert (url, False) in shared_cache.told()


def test_a_site_settings_change_refreshes_the_pages_that_show_them(site, told):
    from dateline.newsroom.models import NewsroomSettings

    settings = NewsroomSettings.for_site(site.home.get_site())
    settings.public_history = not settings.public_history
    settings.save()
    assert {"article", "related"} <= told()
    assert "home" not in told()


def test_an_embargo_set_on_a_photo_retracts_its_pages_and_files(site, told, client, shared_cache):
    from dateline.mediabank.renditions import LEAD_SPECS

    rendition = site.lead_photo.get_renditions(*LEAD_SPECS)[LEAD_SPECS[0]]
    file_url = rendition.url
    assert client.get(file_url).status_code == 200
    told()
    photo = site.lead_photo
    photo.embargo_until = timezone.now() + timedelta(hours=2)
    photo.save()
    retracted = {path for path, retract in shared_cache.told() if retract}
    assert file_url in retracted
    assert {site.article.url, site.politics.url, "/en/"} <= retracted
    assert client.get(file_url).status_code == 404
