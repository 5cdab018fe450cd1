"""The domain rules of posting, reacting and reporting (dateline.discussion.posting)."""

from datetime import timedelta

import pytest
from django.core import mail
from django.test import override_settings
from django.utils import timezone

from dateline.discussion import moderation, posting
from dateline.discussion.models import (
    Comment,
    DiscussionSettings,
    ModerationAction,
    Reaction,
    Report,
    Sanction,
    WordRule,
)
from dateline.discussion.rules import discussion_for

from .conftest import approved

BODY = "The winter timetable should add an evening boat on Fridays."


def post(user, site, body=BODY, **kwargs):
    return posting.post_comment(user, site.article, body, **kwargs)


class TestHolding:
    def test_a_new_readers_first_comment_waits(self, site, reader):
        comment = post(reader, site)
        assert comment.status == Comment.Status.PENDING
        assert "new reader" in comment.held_reason
        assert ModerationAction.objects.filter(
            comment=comment, action=ModerationAction.Action.HOLD
        ).exists()

    def test_a_trusted_readers_comment_appears_at_once(self, site, trusted):
        assert post(trusted, site).status == Comment.Status.APPROVED

    def test_pre_moderation_on_the_section_holds_everything(self, site, trusted):
        DiscussionSettings.objects.create(page=site.politics, mode="pre")
        comment = post(trusted, site)
        assert comment.status == Comment.Status.PENDING
        assert "pre-moderation" in comment.held_reason

    def test_the_article_overrides_its_section(self, site, trusted):
        DiscussionSettings.objects.create(page=site.politics, mode="pre")
        DiscussionSettings.objects.create(page=site.article, mode="post")
        assert post(trusted, site).status == Comment.Status.APPROVED

    def test_suspect_words_hold(self, site, trusted):
        WordRule.objects.create(word="Miracle Cure", kind=WordRule.Kind.SUSPECT)
        comment = post(trusted, site, "Try this miracle cure for seasickness.")
        assert comment.status == Comment.Status.PENDING

    def test_banned_words_refuse(self, site, trusted):
        WordRule.objects.create(word="grotbag", kind=WordRule.Kind.BANNED)
        with pytest.raises(posting.PostingError):
            post(trusted, site, "What a GROTBAG council.")
        assert not Comment.objects.filter(article=site.article).exists()


class TestRefusals:
    def test_empty_and_blank(self, site, trusted):
        for body in ["", "   \n  ", "\u200b\u200b"]:
            with pytest.raises(posting.PostingError) as error:
                post(trusted, site, body)
            assert error.value.field == "body"

    @override_settings(DATELINE_DISCUSSION={"MAX_LENGTH": 50})
    def test_length_is_checked_before_anything_else(self, site, trusted):
        DiscussionSettings.objects.create(page=site.article, state="closed")
        with pytest.raises(posting.PostingError) as error:
            post(trusted, site, "x" * 51)
        assert "50" in error.value.message

    def test_too_many_links(self, site, trusted):
        body = "https://a.example https://b.example https://c.example"
        with pytest.raises(posting.PostingError):
            post(trusted, site, body)

    def test_duplicates(self, site, trusted):
        post(trusted, site)
        with pytest.raises(posting.PostingError):
            post(trusted, site, "  the WINTER timetable should add an evening boat on fridays. ")

    def test_closed_and_off(self, site, trusted):
        settings = DiscussionSettings.objects.create(page=site.article, state="closed")
        with pytest.raises(posting.PostingError, match="closed"):
            post(trusted, site)
        settings.state = "off"
        settings.save()
        with pytest.raises(posting.PostingError):
            post(trusted, site)

    def test_closes_by_itself_after_the_configured_days(self, site, trusted):
        DiscussionSettings.objects.create(page=site.politics, close_after_days=2)
        assert discussion_for(site.article).is_open
        later = site.article.first_published_at + timedelta(days=2, minutes=1)
        assert not discussion_for(site.article, now=later).is_open

    def test_banned_and_suspended_readers(self, site, trusted, other_reader):
        moderation.sanction(trusted, other_reader, "Flooding", timezone.now() + timedelta(days=1))
        with pytest.raises(posting.PostingError, match="Flooding"):
            post(trusted, site)
        Sanction.objects.update(ends_at=timezone.now() - timedelta(seconds=1))
        assert post(trusted, site).pk

    def test_reply_to_another_article_is_refused(self, site, trusted, other_reader):
        elsewhere = Comment.objects.create(
            article=site.related, author=other_reader, body="x", status="approved"
        )
        with pytest.raises(posting.PostingError):
            post(trusted, site, parent=elsewhere)


class TestThreads:
    def test_replies_are_depth_limited(self, site, trusted, other_reader):
        top = approved(site, other_reader, "Top")
        reply = approved(site, other_reader, "Reply", parent=top)
        deep = approved(site, other_reader, "Deeper", parent=reply)
        comment = post(trusted, site, parent=deep)
        assert comment.depth == 2
        assert comment.parent == reply

    def test_reply_notifies_the_parent_author(
        self, site, trusted, other_reader, django_capture_on_commit_callbacks
    ):
        top = approved(site, other_reader, "Will the evening boat stop at the south pier?")
        with django_capture_on_commit_callbacks(execute=True):
            post(trusted, site, "Only on Saturdays, says the timetable.", parent=top)
        assert len(mail.outbox) == 1
        assert mail.outbox[0].to == [other_reader.email]
        assert "Grey Gull of Halvern" in mail.outbox[0].subject
        assert "Only on Saturdays" in mail.outbox[0].body

    def test_no_notification_when_opted_out(
        self, site, trusted, other_reader, django_capture_on_commit_callbacks
    ):
        other_reader.notify_replies = False
        other_reader.save()
        top = approved(site, other_reader, "A question about the pier.")
        with django_capture_on_commit_callbacks(execute=True):
            post(trusted, site, "An answer about the pier.", parent=top)
        assert mail.outbox == []


class TestEditDeleteReactReport:
    def test_edit_within_the_window_only(self, site, trusted):
        comment = post(trusted, site)
        posting.edit_comment(trusted, comment, "Edited: two evening boats.")
        comment.refresh_from_db()
        assert comment.body == "Edited: two evening boats." and comment.edited_at
        Comment.objects.filter(pk=comment.pk).update(created_at=timezone.now() - timedelta(hours=1))
        comment.refresh_from_db()
        with pytest.raises(posting.PostingError):
            posting.edit_comment(trusted, comment, "Too late.")

    def test_others_cannot_edit_or_delete(self, site, trusted, other_reader):
        comment = post(trusted, site)
        with pytest.raises(posting.PostingError):
            posting.edit_comment(other_reader, comment, "Not mine.")
        with pytest.raises(posting.PostingError):
            posting.delete_own(other_reader, comment)
        posting.delete_own(trusted, comment)
        comment.refresh_from_db()
        assert comment.status == Comment.Status.DELETED and comment.body == ""

    def test_reactions_toggle_and_count(self, site, trusted, other_reader):
        comment = approved(site, other_reader, "A fair point.")
        assert posting.react(trusted, comment, "like") is True
        comment.refresh_from_db()
        assert comment.reaction_count == 1
        assert posting.react(trusted, comment, "like") is False
        comment.refresh_from_db()
        assert comment.reaction_count == 0
        assert not Reaction.objects.exists()

    def test_report_once_per_reader(self, site, trusted, other_reader):
        comment = approved(site, other_reader, "A rude remark.")
        posting.report(trusted, comment, "abuse", "Insults the captain.")
        posting.report(trusted, comment, "hate")
        report = Report.objects.get()
        assert report.reason == "hate"
        assert list(Comment.objects.queue()) == [comment]
        with pytest.raises(posting.PostingError):
            posting.report(trusted, comment, "not-a-reason")
