"""The discussion and the caches: what a page shows is tagged, and every change of an
article's visible comments invalidates that tag."""

import pytest
from django.test import Client

from dateline.caching import tags
from dateline.discussion import caching, moderation, personal_data, posting
from dateline.discussion.models import Comment
from dateline.discussion.public import card_counts, thread_for

from .conftest import approved


@pytest.fixture
def collected():
    collector = tags.start(since=0)
    yield collector.tags
    tags.stop()


@pytest.fixture
def invalidated(monkeypatch):
    calls = []
    monkeypatch.setattr(caching, "invalidate", lambda names: calls.append(set(names)))
    return calls


def held(site, author, body):
    return Comment.objects.create(article=site.article, author=author, body=body)


class TestTags:
    def test_the_thread_is_tagged_with_its_article_and_section(self, site, collected):
        thread_for(site.article)
        assert {f"discussion-{site.article.pk}", f"discussion-{site.politics.pk}"} <= collected

    def test_counts_are_tagged_with_every_id_asked_for(self, site, collected):
        card_counts([site.article.pk, site.draft.pk])
        assert {f"discussion-{site.article.pk}", f"discussion-{site.draft.pk}"} <= collected
        assert {f"page-{site.article.pk}", f"page-{site.draft.pk}"} <= collected

    def test_the_comments_endpoint_and_the_article_page_carry_the_tag(
        self, site, client, shared_cache
    ):
        comments = f"/en/discussion/{site.article.pk}/comments/"
        for url in (site.article.url, comments, site.related.url):
            assert client.get(url)["X-Accel-Expires"], url
        caching.discussion_changed(site.article.pk)
        assert shared_cache.told() == {(site.article.url, False), (comments, False)}


class TestInvalidation:
    def expect(self, site):
        return [{f"discussion-{site.article.pk}"}]

    def test_approving_a_held_comment(self, site, reader, other_reader, invalidated):
        comment = held(site, reader, "Held remark.")
        moderation.approve([comment], other_reader)
        assert invalidated == self.expect(site)

    def test_rejecting_a_held_comment_changes_nothing_shown(self, site, reader, invalidated):
        moderation.reject([held(site, reader, "Held remark.")], None)
        moderation.mark_spam([held(site, reader, "Other held remark.")], None)
        assert invalidated == []

    def test_rejecting_an_approved_comment(self, site, reader, invalidated):
        moderation.reject([approved(site, reader, "Shown remark.")], None)
        assert invalidated == self.expect(site)

    def test_one_invalidation_for_a_bulk_action(self, site, reader, invalidated):
        comments = [held(site, reader, f"Held {n}.") for n in range(3)]
        comments.append(Comment.objects.create(article=site.related, author=reader, body="R"))
        moderation.approve(comments, None)
        assert invalidated == [{f"discussion-{site.article.pk}", f"discussion-{site.related.pk}"}]

    def test_a_post_moderated_comment_appears_at_once(self, site, trusted, invalidated):
        comment = posting.post_comment(trusted, site.article, "Straight onto the page.")
        assert comment.status == Comment.Status.APPROVED
        assert invalidated == self.expect(site)

    def test_a_held_comment_changes_nothing_shown(self, site, reader, invalidated):
        comment = posting.post_comment(reader, site.article, "A first comment, held.")
        assert comment.status == Comment.Status.PENDING
        assert invalidated == []

    def test_editing_and_deleting_an_approved_comment(self, site, trusted, invalidated):
        comment = posting.post_comment(trusted, site.article, "Straight onto the page.")
        posting.edit_comment(trusted, comment, "Straight onto the page, edited.")
        posting.delete_own(trusted, comment)
        assert invalidated == self.expect(site) * 3

    def test_reactions_change_the_counts_shown(self, site, reader, other_reader, invalidated):
        posting.react(reader, approved(site, other_reader, "Likeable."), "like")
        assert invalidated == self.expect(site)

    def test_a_deleted_account_renames_its_comments(self, site, reader, invalidated):
        approved(site, reader, "Soon by a former reader.")
        personal_data.erase(reader)
        assert invalidated == self.expect(site)


def test_an_approved_comment_reaches_the_page_though_its_parts_were_kept(
    site, reader, other_reader, django_capture_on_commit_callbacks
):
    anonymous = Client()
    assert anonymous.get(site.article.url).status_code == 200
    comment = held(site, reader, "Approved while the page was cached.")
    with django_capture_on_commit_callbacks(execute=True):
        moderation.approve([comment], other_reader)
    response = anonymous.get(site.article.url)
    assert "Approved while the page was cached." in response.content.decode()
