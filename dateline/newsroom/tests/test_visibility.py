"""Nobody in the newsroom reads a headline they may not edit before it is published.

Two kinds of unpublished headline: another reporter's draft or scheduled article (not live),
and a live article's next headline, saved as a draft or scheduled by its section's editors.
Each test tries a way the admin used to show one.
"""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone
from wagtail.models import Page, PageLogEntry

from dateline.newsroom.roles import setup_roles

from .newsroom_world import newsroom  # noqa: F401  (fixture)

DRAFT = "Someone else"  # in the other reporter's draft title
NEXT_HEADLINE = "Harbour master resigns"  # a live article's unpublished headline


def text(response):
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return body.decode()


@pytest.fixture
def live_article(newsroom):  # noqa: F811
    """A live Politics article its editor has given a new, unpublished headline."""
    article = (
        newsroom.site.politics.get_children()
        .live()
        .exclude(pk__in=[newsroom.own.pk, newsroom.other.pk])
        .first()
        .specific
    )
    live_title = article.title
    draft = article.get_latest_revision_as_object()
    draft.title = NEXT_HEADLINE
    draft.save_revision(user=newsroom.users.politics_editor, log_action=True)
    article.live_title = live_title
    return article


@pytest.fixture
def scheduled_headline(newsroom):  # noqa: F811
    """A live Defense article whose next headline is scheduled for tomorrow."""
    article = newsroom.site.defense.get_children().live().first().specific
    draft = article.get_latest_revision_as_object()
    draft.title = "Navy yard to close"
    draft.go_live_at = timezone.now() + timedelta(days=1)
    draft.save_revision(user=newsroom.users.defense_editor, log_action=True).publish(
        user=newsroom.users.defense_editor
    )
    return article


class TestAnotherReportersDraft:
    def urls(self, newsroom):  # noqa: F811
        pk = newsroom.other.pk
        return {
            "explorer of the page": f"/admin/pages/{pk}/",
            "page chooser opened on it": f"/admin/choose-page/{pk}/",
            "chooser's chosen answer": f"/admin/choose-page/chosen-multiple/?id={pk}",
            "bulk delete confirmation": f"/admin/bulk/wagtailcore/page/delete/?id={pk}",
            "bulk publish confirmation": f"/admin/bulk/wagtailcore/page/publish/?id={pk}",
            "bulk move confirmation": f"/admin/bulk/wagtailcore/page/move/?id={pk}",
            "edit": f"/admin/pages/{pk}/edit/",
            "history": f"/admin/pages/{pk}/history/",
        }

    @pytest.mark.parametrize("role", ["reporter", "moderator", "photo_editor", "defense_editor"])
    def test_is_named_nowhere_to_those_who_may_not_edit_it(self, newsroom, client, role):  # noqa: F811
        client.force_login(getattr(newsroom.users, role))
        for place, url in self.urls(newsroom).items():
            # Refused as Wagtail refuses (to the dashboard) or not found (Django's locale
            # middleware first redirects an unknown admin path to /en/..., then 404).
            response = client.get(url, follow=True)
            assert response.status_code == 404 or response.redirect_chain == [("/admin/", 302)], (
                place
            )
            assert DRAFT not in text(response), place

    def test_its_editors_still_open_it_everywhere(self, newsroom, client):  # noqa: F811
        client.force_login(newsroom.users.politics_editor)
        for place, url in self.urls(newsroom).items():
            response = client.get(url)
            assert response.status_code == 200, place
            assert DRAFT in text(response), place

    def test_its_owner_still_opens_their_own(self, newsroom, client):  # noqa: F811
        client.force_login(newsroom.users.reporter)
        pk = newsroom.own.pk
        for url in (
            f"/admin/pages/{pk}/",
            f"/admin/choose-page/{pk}/",
            f"/admin/choose-page/chosen-multiple/?id={pk}",
        ):
            assert client.get(url).status_code == 200, url

    def test_a_mix_of_ids_is_refused(self, newsroom, client):  # noqa: F811
        client.force_login(newsroom.users.reporter)
        ids = f"id={newsroom.own.pk}&id={newsroom.other.pk}"
        response = client.get(f"/admin/choose-page/chosen-multiple/?{ids}", follow=True)
        assert response.status_code == 404
        assert DRAFT not in text(response)

    def test_an_id_that_is_not_a_number_is_a_bad_request(self, newsroom, client):  # noqa: F811
        client.force_login(newsroom.users.reporter)
        response = client.get("/admin/choose-page/chosen-multiple/?id=one")
        assert response.status_code == 400


class TestALiveArticlesNextHeadline:
    def urls(self, newsroom, article):  # noqa: F811
        politics = newsroom.site.politics.pk
        return {
            "explorer of the section": f"/admin/pages/{politics}/",
            "explorer of the page": f"/admin/pages/{article.pk}/",
            "articles listing": "/admin/articles/",
            "page chooser": f"/admin/choose-page/{politics}/",
            "page chooser on the page": f"/admin/choose-page/{article.pk}/",
            "chooser search": f"/admin/choose-page/search/?q={article.live_title.split()[0]}",
            "chooser's chosen answer": f"/admin/choose-page/chosen-multiple/?id={article.pk}",
            "admin API list": f"/admin/api/main/pages/?child_of={politics}",
            "admin API detail": f"/admin/api/main/pages/{article.pk}/",
            "bulk unpublish": f"/admin/bulk/wagtailcore/page/unpublish/?id={article.pk}",
            "site history": "/admin/reports/site-history/",
            "page type usage": "/admin/pages/usage/news/articlepage/",
        }

    @pytest.mark.parametrize("role", ["reporter", "moderator", "photo_editor", "defense_editor"])
    def test_only_the_live_headline_is_shown(self, newsroom, client, live_article, role):  # noqa: F811
        client.force_login(getattr(newsroom.users, role))
        shown = 0
        for place, url in self.urls(newsroom, live_article).items():
            response = client.get(url)
            assert response.status_code in (200, 302, 400), place
            page = text(response)
            assert NEXT_HEADLINE not in page, place
            shown += live_article.live_title in page
        if role == "reporter":
            assert shown >= 6  # the places a reporter uses still name the article

    def test_the_chooser_shows_moderators_only_live_titles(self, newsroom, client, live_article):  # noqa: F811
        client.force_login(newsroom.users.moderator)
        page = text(client.get(f"/admin/choose-page/{newsroom.site.politics.pk}/"))
        assert live_article.live_title in page
        assert NEXT_HEADLINE not in page
        assert DRAFT not in page and "Own draft" not in page

    def test_the_editor_reads_it_in_the_editor(self, newsroom, client, live_article):  # noqa: F811
        client.force_login(newsroom.users.politics_editor)
        assert NEXT_HEADLINE in text(client.get(f"/admin/pages/{live_article.pk}/edit/"))

    def test_a_scheduled_headline_is_not_shown(self, newsroom, client, scheduled_headline):  # noqa: F811
        client.force_login(newsroom.users.reporter)
        defense = newsroom.site.defense.pk
        for url in (
            f"/admin/pages/{defense}/",
            f"/admin/choose-page/{defense}/",
            f"/admin/choose-page/chosen-multiple/?id={scheduled_headline.pk}",
            f"/admin/api/main/pages/{scheduled_headline.pk}/",
            "/admin/reports/site-history/",
        ):
            assert "Navy yard" not in text(client.get(url)), url

    def test_the_live_title_is_kept_and_published_titles_move_on(self, newsroom, live_article):  # noqa: F811
        page = Page.objects.get(pk=live_article.pk)
        assert page.draft_title == live_article.live_title
        assert page.get_admin_display_title() == live_article.live_title
        assert page.get_latest_revision().content["title"] == NEXT_HEADLINE
        edit = PageLogEntry.objects.filter(page=page, action="wagtail.edit").latest("pk")
        assert edit.label == live_article.live_title
        page.get_latest_revision().publish(user=newsroom.users.politics_editor)
        page.refresh_from_db()
        assert page.title == page.draft_title == NEXT_HEADLINE


class TestWagtailsDefaultEditorsGroup:
    def test_is_gone_after_migrating(self, db):
        assert not Group.objects.filter(name="Editors").exists()

    def test_setup_roles_removes_it_again(self, site):
        Group.objects.create(name="Editors")
        setup_roles()
        assert not Group.objects.filter(name="Editors").exists()
