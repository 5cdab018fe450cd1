"""Reader URLs are routed from the edition homes and sections kept in the worker
(news/routing.py, pagecache/kept.py): as few queries as possible, never out of date."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageViewRestriction, Site

from dateline.conftest import publish
from dateline.newsroom.models import NewsroomSettings

pytestmark = pytest.mark.django_db


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


class TestTreeChanges:
    """A move or a reorder renumbers tree paths (the page's, its descendants', the siblings'
    to its right) without naming those pages: what a worker keeps with paths is read again."""

    MEMBERS = "Members-only briefing"

    def test_a_private_article_moved_to_another_section_stays_private(self, site, client):
        private = site.private.specific
        assert self.MEMBERS not in client.get(private.url).content.decode()
        private.move(site.defense, pos="last-child")
        private.refresh_from_db()
        assert "/defense/" in private.url
        assert self.MEMBERS not in client.get(private.url).content.decode()

    def test_a_private_article_moved_is_not_listed_in_its_new_section(self, site, client):
        client.get(site.defense.url)
        site.private.specific.move(site.defense, pos="last-child")
        assert self.MEMBERS not in client.get(site.defense.url).content.decode()

    def test_a_private_section_reordered_stays_private(self, site, client):
        PageViewRestriction.objects.create(
            page=site.politics, restriction_type=PageViewRestriction.LOGIN
        )
        assert client.get(site.article.url).status_code == 302  # to the login form
        assert client.get(site.article.url).status_code == 302  # from what was kept
        old_path = Page.objects.get(pk=site.politics.pk).path
        site.defense.move(site.politics, pos="left")  # Defense before Politics
        assert Page.objects.get(pk=site.politics.pk).path != old_path
        assert client.get(site.article.url).status_code == 302

    def test_articles_of_a_section_renumbered_by_a_reorder_are_still_found(self, site, client):
        assert client.get(site.article.url).status_code == 200
        site.defense.move(site.politics, pos="left")
        assert client.get(site.related.url).status_code == 200
        assert client.get(site.article.url).status_code == 200


class TestAliases:
    TITLE = "Council keeps the northern ferry route"

    def alias_of_the_article(self, site):
        alias = site.article.specific.create_alias(
            parent=site.defense, update_slug="ferry-route-copy"
        )
        return Page.objects.get(pk=alias.pk).specific

    def test_an_alias_is_private_when_its_source_is_made_private(self, site, client):
        alias = self.alias_of_the_article(site)
        assert self.TITLE in client.get(alias.url).content.decode()
        PageViewRestriction.objects.create(
            page=site.article,
            restriction_type=PageViewRestriction.PASSWORD,
            password="harbour",  # noqa: S106 - a test page's view restriction
        )
        assert list(Page.get_view_restrictions(alias))  # Wagtail's own answer
        assert self.TITLE not in client.get(alias.url).content.decode()

    @pytest.mark.parametrize("page_cache", [True, False])
    def test_an_alias_shows_its_source_once_republished(self, site, client, settings, page_cache):
        pagecache = getattr(settings, "DATELINE_PAGE_CACHE", {})
        settings.DATELINE_PAGE_CACHE = {**pagecache, "ENABLED": page_cache}
        alias = self.alias_of_the_article(site)
        assert "Council keeps" in client.get(alias.url).content.decode()
        client.get(alias.url)
        publish(site.article, title="Council closes the northern ferry route")
        assert "Council closes the northern ferry route" in client.get(alias.url).content.decode()
