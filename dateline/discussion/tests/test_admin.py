"""Moderation in the newsroom: the queue, bulk actions, bans, notes, the log, the role."""

import re

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from dateline.conftest import get_soup
from dateline.discussion import posting
from dateline.discussion.models import Comment, ModerationAction, ModeratorNote, Report, Sanction

from .conftest import approved, make_reader

QUEUE = "discussion_admin:queue"


@pytest.fixture
def moderator(db, django_user_model):
    user = make_reader(django_user_model, "keeper", "Harbour Keeper")
    user.groups.add(Group.objects.get(name="Moderators"))
    return user


@pytest.fixture
def pending(site, reader, other_reader):
    return [
        Comment.objects.create(
            article=site.article, author=reader, body="Held one", status="pending"
        ),
        Comment.objects.create(
            article=site.article, author=other_reader, body="Held two", status="pending"
        ),
        Comment.objects.create(
            article=site.related, author=reader, body="Held three", status="pending"
        ),
    ]


def rows(page):
    return [int(tr["data-comment"]) for tr in page.select("tr[data-comment]")]


class TestRole:
    def test_readers_never_reach_the_newsroom(self, site, client, reader):
        client.force_login(reader)
        response = client.get("/admin/")
        assert response.status_code == 302
        assert client.get(reverse(QUEUE)).status_code == 302

    def test_moderators_see_the_queue_and_nothing_else(self, site, client, moderator):
        client.force_login(moderator)
        menu = set(re.findall(r'"url": "(/admin/[^"]*)"', client.get("/admin/").content.decode()))
        assert reverse(QUEUE) in menu
        assert not menu & {"/admin/pages/", "/admin/images/", "/admin/documents/", "/admin/users/"}
        assert client.get(reverse(QUEUE)).status_code == 200
        for url in ("/admin/pages/", "/admin/images/", "/admin/users/", "/admin/snippets/"):
            assert client.get(url).status_code in (302, 403), url


class TestQueue:
    def test_pending_filter_by_article_and_reader(self, site, client, moderator, pending, reader):
        client.force_login(moderator)
        assert sorted(rows(get_soup(client, reverse(QUEUE)))) == sorted(c.pk for c in pending)
        by_article = get_soup(client, reverse(QUEUE) + f"?article={site.article.pk}")
        assert sorted(rows(by_article)) == [pending[0].pk, pending[1].pk]
        by_reader = get_soup(client, reverse(QUEUE) + f"?reader={reader.pk}")
        assert sorted(rows(by_reader)) == [pending[0].pk, pending[2].pk]

    def test_reported_filter(self, site, client, moderator, reader, other_reader):
        comment = approved(site, reader, "Reported remark.")
        approved(site, reader, "Unreported remark.")
        posting.report(other_reader, comment, "abuse")
        client.force_login(moderator)
        assert rows(get_soup(client, reverse(QUEUE) + "?show=reported")) == [comment.pk]

    def test_bulk_approve_and_one_spam(self, site, client, moderator, pending):
        client.force_login(moderator)
        response = client.post(
            reverse(QUEUE), {"action": "approve", "ids": [pending[0].pk, pending[1].pk]}
        )
        assert response.status_code == 302
        client.post(reverse(QUEUE), {"one": f"spam:{pending[2].pk}"})
        statuses = [Comment.objects.get(pk=c.pk).status for c in pending]
        assert statuses == ["approved", "approved", "spam"]
        logged = ModerationAction.objects.filter(moderator=moderator)
        assert logged.filter(action="approve").count() == 2
        assert logged.filter(action="spam", comment=pending[2]).exists()

    def test_approving_resolves_reports_and_reject_hides(
        self, site, client, moderator, reader, other_reader
    ):
        comment = approved(site, reader, "Borderline remark.")
        posting.report(other_reader, comment, "off_topic")
        client.force_login(moderator)
        client.post(reverse(QUEUE), {"one": f"reject:{comment.pk}"})
        assert Report.objects.get().resolved
        assert "Borderline remark." not in client.get(site.article.url).content.decode()

    def test_queue_stays_fast_during_a_flood(
        self, site, client, moderator, reader, django_assert_max_num_queries
    ):
        Comment.objects.bulk_create(
            Comment(article=site.article, author=reader, body=f"Flood {n}", status="pending")
            for n in range(300)
        )
        client.force_login(moderator)
        with django_assert_max_num_queries(30):
            page = get_soup(client, reverse(QUEUE))
        assert len(rows(page)) == 50


class TestReaders:
    def test_ban_then_the_reader_cannot_post(self, site, client, moderator, trusted):
        client.force_login(moderator)
        url = reverse("discussion_admin:reader", kwargs={"user_id": trusted.pk})
        assert "Grey Gull of Halvern" in get_soup(client, url).get_text()
        client.post(url, {"sanction-reason": "Repeated insults"})
        sanction = Sanction.objects.get(reader=trusted)
        assert sanction.kind == "ban" and sanction.ends_at is None
        with pytest.raises(posting.PostingError, match="Repeated insults"):
            posting.post_comment(trusted, site.article, "Let me back in.")
        client.post(url, {"lift": sanction.pk})
        assert posting.post_comment(trusted, site.article, "Thank you.").pk

    def test_suspension_with_an_end_and_a_note(self, site, client, moderator, reader):
        client.force_login(moderator)
        url = reverse("discussion_admin:reader", kwargs={"user_id": reader.pk})
        client.post(url, {"sanction-reason": "Cool off", "sanction-ends_at": "2099-01-01T10:00"})
        assert Sanction.objects.get(reader=reader).kind == "suspension"
        client.post(url, {"note-text": "Warned twice about insults."})
        assert ModeratorNote.objects.get(reader=reader).author == moderator
        assert "Warned twice" in get_soup(client, url).get_text()
        log = get_soup(client, reverse("discussion_admin:log")).get_text()
        assert "Suspended" in log and "Wrote a note" in log
