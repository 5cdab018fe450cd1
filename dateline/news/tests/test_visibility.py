"""Anonymous readers see only what is published and public, through every channel."""

from datetime import timedelta

import pytest
from django.utils import timezone
from wagtail.models import Locale

from dateline.conftest import get_soup, hrefs, main_links, soup, url_in
from dateline.mediabank.factories import PhotoFactory
from dateline.news.factories import ArticlePageFactory


def listing_urls(site):
    """Every reader listing an article of the world could appear in."""
    return [
        "/en/",
        site.politics.url,
        site.person.url,
        site.reporter.url,
    ]


def photo_page_links(client, photo):
    return main_links(get_soup(client, url_in("en", "mediabank:photo", pk=photo.pk)))


class TestDrafts:
    def test_a_draft_article_answers_404(self, site, client):
        assert not site.draft.live
        assert client.get(site.draft.url).status_code == 404

    def test_a_draft_article_is_in_no_listing(self, site, client):
        for url in listing_urls(site):
            page = get_soup(client, url)
            assert site.draft.url not in hrefs(page), url
            assert site.draft.title not in page.get_text(" "), url

    def test_a_draft_is_not_listed_where_its_photo_is_used(self, site, client):
        links = photo_page_links(client, site.lead_photo)
        assert site.article.url in links
        assert site.draft.url not in links

    def test_an_unpublished_article_disappears(self, site, client):
        site.article.unpublish()
        assert client.get(site.article.url).status_code == 404
        for url in listing_urls(site):
            assert site.article.url not in hrefs(get_soup(client, url)), url
        assert site.article.url not in photo_page_links(client, site.lead_photo)

    def test_a_scheduled_article_stays_hidden_until_its_time(self, site, client):
        site.draft.go_live_at = timezone.now() + timedelta(days=1)
        site.draft.save_revision().publish()
        site.draft.refresh_from_db()
        assert not site.draft.live
        assert client.get(site.draft.url).status_code == 404
        for url in listing_urls(site):
            assert site.draft.url not in hrefs(get_soup(client, url)), url


class TestUnpublishedChanges:
    @pytest.fixture
    def revised(self, site):
        """The live article with a newer draft revision that nobody has published."""
        site.article.title = "Council secretly plans to close the northern route"
        site.article.standfirst = "An unpublished standfirst that readers must not see."
        site.article.save_revision()
        site.article.refresh_from_db()
        assert site.article.has_unpublished_changes
        return site

    def test_the_article_shows_the_published_text(self, revised, client):
        page = get_soup(client, revised.article.url)
        assert page.find("h1").get_text(strip=True) == (
            "Council keeps the northern ferry route open all winter"
        )
        text = page.get_text(" ")
        assert "secretly" not in text
        assert "unpublished standfirst" not in text
        for meta in page.find_all("meta", content=True):
            assert "secretly" not in meta["content"]

    def test_listings_show_the_published_headline(self, revised, client):
        for url in listing_urls(revised):
            page = get_soup(client, url)
            link = page.find("main").find("a", href=revised.article.url)
            assert link is not None, url
            assert "secretly" not in page.get_text(" "), url

    def test_a_photo_only_in_a_draft_revision_is_not_used_yet(self, site, client):
        new_photo = PhotoFactory(title="Not yet published photo")
        site.article.lead_photo = new_photo
        site.article.save_revision()
        assert site.article.url not in photo_page_links(client, new_photo)
        page = get_soup(client, site.article.url)
        new_bank_url = url_in("en", "mediabank:photo", pk=new_photo.pk)
        assert new_bank_url not in hrefs(page)

    def test_an_unpublished_translation_gets_no_hreflang(self, site, client):
        draft_translation = site.related.get_parent().copy_for_translation(
            Locale.objects.get(language_code="ru")
        )
        draft_translation.save_revision()
        page = get_soup(client, site.defense.url)
        alternates = {link["hreflang"] for link in page.find_all("link", hreflang=True)}
        assert "ru" not in alternates


class TestPrivatePages:
    """A page behind a Wagtail view restriction is not a public page."""

    def test_the_page_itself_asks_for_the_password(self, site, client):
        response = client.get(site.private.url)
        assert response.status_code == 200
        page = soup(response)
        assert page.find("input", attrs={"type": "password"}) is not None
        assert site.private.title not in [h.get_text(strip=True) for h in page.find_all("h1")]
        assert "The vote ended a debate" not in page.get_text(" ")
        assert not page.find_all("script", type="application/ld+json")

    def test_the_page_is_in_no_listing(self, site, client):
        for url in listing_urls(site):
            page = get_soup(client, url)
            assert site.private.url not in hrefs(page), url
            assert site.private.title not in page.get_text(" "), url

    def test_its_photo_does_not_list_it(self, site, client):
        assert site.private.url not in photo_page_links(client, site.private.lead_photo)

    def test_a_private_top_story_is_not_shown_on_the_home_page(self, site, client):
        site.home.top_story = site.private
        site.home.save()
        page = get_soup(client, "/en/")
        assert site.private.url not in hrefs(page)
        assert site.private.title not in page.get_text(" ")

    def test_a_related_card_to_a_private_article_is_not_shown(self, site, client):
        site.article.body = [
            ("paragraph", "<p>The vote ended a debate that had lasted two winters.</p>"),
            ("related", {"article": site.private}),
        ]
        site.article.save_revision().publish()
        page = get_soup(client, site.article.url)
        assert site.private.url not in hrefs(page)
        assert site.private.title not in page.get_text(" ")

    def test_a_section_behind_a_restriction_hides_its_articles(self, site, client):
        from wagtail.models import PageViewRestriction

        PageViewRestriction.objects.create(
            page=site.defense,
            restriction_type=PageViewRestriction.PASSWORD,
            password="navy",  # noqa: S106
        )
        assert site.related.url not in hrefs(get_soup(client, "/en/"))
        assert site.related.url not in main_links(get_soup(client, site.editor.url))


class TestTopicAndAuthorVisibility:
    def test_an_article_by_an_unpublished_author_keeps_its_other_byline(self, site, client):
        site.reporter.unpublish()
        page = get_soup(client, site.article.url)
        assert [a["href"] for a in page.select("main a[rel~=author]")] == [site.editor.url]
        assert client.get(site.reporter.url).status_code == 404

    def test_new_article_appears_everywhere_once_published(self, site, client):
        article = ArticlePageFactory(
            parent=site.politics,
            title="Bridge repairs start on Monday",
            topics=[site.person],
            authors=[site.reporter],
            live=False,
            first_published_at=None,
            last_published_at=None,
        )
        for url in listing_urls(site):
            assert article.url not in hrefs(get_soup(client, url)), url
        article.save_revision().publish()
        for url in listing_urls(site):
            assert article.url in hrefs(get_soup(client, url)), url
