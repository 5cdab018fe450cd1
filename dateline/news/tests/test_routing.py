"""Reader URLs are routed from the edition homes and sections kept in the worker
(news/routing.py, pagecache/kept.py): as few queries as possible, never out of date."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction, Site

from dateline.newsroom.models import NewsroomSettings

pytestmark = pytest.mark.django_db


def publish(page, **changes):
    page = page.specific
    for name, value in changes.items():
        setattr(page, name, value)
    page.save_revision().publish()
    return page


def queries(client, url, settings):
    # Every kept part and object in place: the page cache alone is off.
    settings.DATELINE_PAGE_CACHE = {**settings.DATELINE_PAGE_CACHE, "ENABLED": False}
    for _ in range(2):
        client.get(url)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


def test_an_article_renders_without_a_query_when_it_and_its_parts_are_kept(site, client, settings):
    settings.DATELINE_PAGE_CACHE = getattr(settings, "DATELINE_PAGE_CACHE", {})
    # The world has a restricted article elsewhere: this one is checked without a query.
    assert PageViewRestriction.objects.exists()
    assert queries(client, site.article.url, settings) == 0


def test_an_edited_article_is_read_again(site, client):
    assert "Council keeps" in client.get(site.article.url).content.decode()
    publish(site.article, title="Council closes the northern ferry route")
    html = client.get(site.article.url).content.decode()
    assert "Council closes the northern ferry route" in html
    assert "Council keeps" not in html


def test_a_kept_article_shows_the_new_credit_of_a_photo_in_its_body(site, client):
    """A kept article holds no body: the body part, refreshed when its photo changes, reads
    the photo again."""
    assert "Ines Varga-Holm" not in client.get(site.article.url).content.decode()
    photo = site.body_photo
    photo.photographer = "Ines Varga-Holm"
    photo.save()
    assert "Ines Varga-Holm" in client.get(site.article.url).content.decode()


def test_a_renamed_section_moves_its_articles_at_once(site, client):
    old = site.article.url
    assert client.get(old).status_code == 200
    publish(site.politics, slug="government")
    assert client.get(old).status_code == 404
    assert client.get(old.replace("/politics/", "/government/")).status_code == 200


def test_an_unpublished_section_answers_404_at_once(site, client):
    assert client.get(site.politics.url).status_code == 200
    site.politics.specific.unpublish()
    assert client.get(site.politics.url).status_code == 404


def test_a_restriction_applies_to_the_next_reader(site, client):
    assert client.get(site.politics.url).status_code == 200
    PageViewRestriction.objects.create(
        page=site.politics, restriction_type=PageViewRestriction.LOGIN
    )
    assert client.get(site.article.url).status_code == 302  # to the login form
    assert client.get(site.politics.url).status_code == 302


def test_a_new_site_hostname_is_seen_by_the_next_request(site, client, settings):
    settings.ALLOWED_HOSTS = ["testserver", "newsroom.example"]
    assert client.get(site.article.url).status_code == 200
    default = Site.objects.get(is_default_site=True)
    Site.objects.create(hostname="elsewhere.example", root_page=default.root_page.get_parent())
    default.is_default_site = False
    default.hostname = "newsroom.example"
    default.save()
    # testserver matches no site now: Wagtail finds none, no page is served.
    assert client.get(site.article.url).status_code == 404
    assert client.get(site.article.url, HTTP_HOST="newsroom.example").status_code == 200


def test_the_public_history_setting_shows_on_articles_at_once(site, client):
    history = f"/en/newsroom/history/{site.article.pk}/"
    assert history in client.get(site.article.url).content.decode()
    settings_ = NewsroomSettings.for_site(Site.objects.get(is_default_site=True))
    settings_.public_history = False
    settings_.save()
    assert history not in client.get(site.article.url).content.decode()


def test_an_address_freed_by_a_deleted_draft_serves_the_article_published_there(site, client):
    from dateline.news.factories import ArticlePageFactory

    url = site.draft.url
    assert client.get(url).status_code == 404
    slug = site.draft.slug
    site.draft.delete()
    article = ArticlePageFactory(parent=site.politics, slug=slug, title="Budget cuts announced")
    article.save_revision().publish()
    assert client.get(url).status_code == 200
