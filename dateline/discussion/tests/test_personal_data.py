"""A reader's discussion data: in their export, and anonymised when they leave."""

import json

from django.urls import reverse

from dateline.discussion import posting
from dateline.discussion.models import Comment, Reaction, Report

from .conftest import PASSWORD, approved


def test_export_contains_my_comments_reactions_and_reports(site, client, reader, other_reader):
    mine = approved(site, reader, "My remark about the ferry.")
    theirs = approved(site, other_reader, "Their remark.")
    posting.react(reader, theirs, "like")
    posting.report(reader, theirs, "off_topic")
    client.force_login(reader)
    data = json.loads(client.get(reverse("accounts:export")).content)
    assert [c["body"] for c in data["discussion"]["comments"]] == [mine.body]
    assert data["discussion"]["reactions"][0]["comment_id"] == theirs.pk
    assert data["discussion"]["reports"][0]["reason"] == "off_topic"


def test_deleting_the_account_anonymises_comments(site, client, reader, other_reader):
    mine = approved(site, reader, "A remark that outlives its author.", ip_address="203.0.113.5")
    theirs = approved(site, other_reader, "Liked remark.")
    posting.react(reader, theirs, "like")
    posting.report(reader, theirs, "spam", "Looks like an advert.")
    client.force_login(reader)
    client.post(reverse("accounts:delete"), {"password": PASSWORD})
    mine.refresh_from_db()
    theirs.refresh_from_db()
    assert mine.author is None and mine.ip_address is None
    assert theirs.reaction_count == 0
    assert not Reaction.objects.exists()
    report = Report.objects.get()
    assert report.reporter is None and report.note == ""
    html = client.get(site.article.url).content.decode()
    assert "A remark that outlives its author." in html
    assert "Grey Gull of Halvern" not in html
    assert "Former reader" in html
    assert Comment.objects.filter(author__isnull=True).count() == 1
