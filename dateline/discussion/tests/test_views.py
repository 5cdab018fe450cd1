"""The reader's side over HTTP: the shared page, the personal endpoint and the forms."""

from urllib.parse import urlsplit

import pytest
from django.test import Client, override_settings
from django.urls import reverse

from dateline.conftest import get_soup, soup, url_in
from dateline.discussion.models import Comment, DiscussionSettings, Reaction, Report

from .conftest import approved

BODY = "Will the evening boat also run during the storm season?"


def write_url(article, **query):
    url = reverse("discussion:write", kwargs={"article_id": article.pk})
    return url + (f"?parent={query['parent']}" if query else "")


def textarea(page):
    return page.find("textarea", attrs={"name": "body"})


class TestSharedArticlePage:
    def test_approved_comments_and_replies_are_in_the_page(
        self, site, client, reader, other_reader
    ):
        top = approved(site, reader, "First approved remark about the ferry.")
        approved(site, other_reader, "A reply about the ferry.", parent=top)
        Comment.objects.create(
            article=site.article, author=reader, body="Held back", status="pending"
        )
        page = get_soup(client, site.article.url)
        section = page.find(id="discussion")
        comment = section.find(id=f"comment-{top.pk}")
        assert "First approved remark about the ferry." in comment.get_text()
        assert "Grey Gull of Halvern" in comment.get_text()
        assert "A reply about the ferry." in comment.find("ol").get_text()
        assert "Held back" not in section.get_text()
        assert "(2)" in section.find("h2").get_text()

    def test_page_is_the_same_for_everybody_and_carries_no_token(self, site, reader):
        approved(site, reader, "A public remark.")
        anonymous = Client().get(site.article.url)
        member = Client()
        member.force_login(reader)
        personal = member.get(site.article.url)
        assert anonymous.content == personal.content
        html = personal.content.decode()
        assert "csrfmiddlewaretoken" not in html
        assert reader.email not in html
        assert "Set-Cookie" not in str(anonymous.headers) or "csrftoken" not in anonymous.cookies

    def test_without_javascript_the_prompt_and_write_link_remain(self, site, client):
        section = get_soup(client, site.article.url).find(id="discussion")
        paths = [urlsplit(a["href"]).path for a in section.find_all("a")]
        assert reverse("account_login") in paths
        assert write_url(site.article) in paths

    def test_sorting_by_reactions_and_pagination(self, site, client, reader):
        quiet = approved(site, reader, "Quiet remark.")
        loved = approved(site, reader, "Loved remark.", reaction_count=5)
        page = get_soup(client, site.article.url + "?sort=reactions")
        ids = [li["id"] for li in page.select("ol.comments > li")]
        assert ids == [loved.anchor, quiet.anchor]
        with override_settings(DATELINE_DISCUSSION={"PER_PAGE": 1}):
            page = get_soup(client, site.article.url + "?sort=oldest&comments=2")
            assert [li["id"] for li in page.select("ol.comments > li")] == [loved.anchor]

    def test_discussion_off_hides_the_section(self, site, client):
        DiscussionSettings.objects.create(page=site.article, state="off")
        assert get_soup(client, site.article.url).find(id="discussion") is None

    def test_closed_discussion_says_so(self, site, client):
        DiscussionSettings.objects.create(page=site.article, state="closed")
        section = get_soup(client, site.article.url).find(id="discussion")
        assert "closed" in section.get_text()


class TestPersonalEndpoint:
    def url(self, article):
        return reverse("discussion:personal", kwargs={"article_id": article.pk})

    def test_anonymous_gets_the_prompt(self, site, client):
        response = client.get(self.url(site.article))
        assert response.status_code == 200
        assert "csrfmiddlewaretoken" not in response.content.decode()
        assert "no-store" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]

    def test_reader_gets_name_form_token_and_reactions(self, site, client, reader, other_reader):
        comment = approved(site, other_reader, "Something to like.")
        Reaction.objects.create(comment=comment, user=reader, kind="like")
        client.force_login(reader)
        response = client.get(self.url(site.article))
        page = soup(response)
        assert "Grey Gull of Halvern" in page.get_text()
        assert page.find("input", attrs={"name": "csrfmiddlewaretoken"})
        assert textarea(page) is not None
        assert f'"{comment.pk}": ["like"]' in page.find(id="discussion-reactions").string
        assert "private" in response["Cache-Control"] or "no-store" in response["Cache-Control"]

    def test_unknown_article_is_404(self, db, client):
        assert (
            client.get(reverse("discussion:personal", kwargs={"article_id": 999999})).status_code
            == 404
        )


class TestWriting:
    def test_anonymous_is_sent_to_log_in(self, site, client):
        response = client.post(write_url(site.article), {"body": BODY})
        assert response.status_code == 302
        assert urlsplit(response["Location"]).path == reverse("account_login")
        assert not Comment.objects.filter(article=site.article).exists()

    def test_trusted_reader_lands_on_their_comment(self, site, client, trusted):
        client.force_login(trusted)
        response = client.post(write_url(site.article), {"body": BODY})
        comment = Comment.objects.get(article=site.article)
        assert response.status_code == 302
        assert response["Location"] == f"{site.article.url}#comment-{comment.pk}"
        assert comment.status == Comment.Status.APPROVED

    def test_held_comment_is_acknowledged(self, site, client, reader):
        client.force_login(reader)
        response = client.post(write_url(site.article), {"body": BODY})
        assert response.status_code == 200
        assert "moderator" in soup(response).find("main").get_text()

    @override_settings(DATELINE_DISCUSSION={"MAX_LENGTH": 100})
    def test_too_long_is_refused_and_the_text_kept(self, site, client, trusted):
        client.force_login(trusted)
        text = "Long harbour story. " * 10
        response = client.post(write_url(site.article), {"body": text})
        assert response.status_code == 400
        page = soup(response)
        assert textarea(page).string.strip() == text.strip()
        assert "100" in page.find(class_="errorlist").get_text()
        assert not Comment.objects.filter(article=site.article).exists()

    def test_empty_is_refused_with_a_message(self, site, client, trusted):
        client.force_login(trusted)
        response = client.post(write_url(site.article), {"body": "   "})
        assert response.status_code == 400
        assert soup(response).find(class_="errorlist")

    def test_xss_is_kept_as_text_in_the_form_and_the_page(self, site, client, trusted):
        client.force_login(trusted)
        payload = '<script>alert("x")</script><img src=x onerror=alert(1)>'
        client.post(write_url(site.article), {"body": payload})
        html = client.get(site.article.url).content.decode()
        assert "<script>alert" not in html and "<img src=x" not in html
        assert "&lt;script&gt;alert" in html

    def test_closed_discussion_is_refused_clearly(self, site, client, trusted):
        DiscussionSettings.objects.create(page=site.article, state="closed")
        client.force_login(trusted)
        response = client.post(write_url(site.article), {"body": BODY})
        assert response.status_code == 400
        assert "closed" in soup(response).find("main").get_text()
        assert textarea(soup(response)).string.strip() == BODY
        assert "closed" in get_soup(client, write_url(site.article)).find("main").get_text()

    def test_nonexistent_and_unpublished_articles_are_404(self, site, client, trusted):
        client.force_login(trusted)
        for pk in (999999, site.draft.pk, site.private.pk):
            url = reverse("discussion:write", kwargs={"article_id": pk})
            assert client.post(url, {"body": BODY}).status_code == 404

    def test_post_without_csrf_token_is_403(self, site, trusted):
        client = Client(enforce_csrf_checks=True)
        client.force_login(trusted)
        response = client.post(write_url(site.article), {"body": BODY})
        assert response.status_code == 403
        assert not Comment.objects.filter(article=site.article).exists()

    def test_reply_page_shows_the_parent(self, site, client, trusted, other_reader):
        top = approved(site, other_reader, "Which pier, north or south?")
        client.force_login(trusted)
        page = get_soup(client, write_url(site.article, parent=top.pk))
        assert "Which pier, north or south?" in page.find("main").get_text()
        response = client.post(
            write_url(site.article, parent=top.pk), {"body": "North.", "parent": top.pk}
        )
        assert response.status_code == 302
        assert Comment.objects.get(body="North.").parent == top

    @override_settings(DATELINE_DISCUSSION={"RATES": {"post_user": (3, 60)}})
    def test_a_flood_is_throttled(self, site, client, trusted):
        client.force_login(trusted)
        statuses = [
            client.post(write_url(site.article), {"body": f"Remark number {n}."}).status_code
            for n in range(6)
        ]
        assert statuses[:3] == [302, 302, 302]
        assert set(statuses[3:]) == {429}
        assert Comment.objects.filter(article=site.article).count() == 3


class TestReactReport:
    def test_react_with_json_and_without(self, site, client, trusted, other_reader):
        comment = approved(site, other_reader, "Good point about the fares.")
        client.force_login(trusted)
        url = reverse("discussion:react", kwargs={"comment_id": comment.pk})
        response = client.post(url, {"kind": "like"}, headers={"Accept": "application/json"})
        assert response.json() == {"on": True, "count": 1}
        response = client.post(url, {"kind": "insightful"})
        assert response.status_code == 302
        assert Reaction.objects.filter(comment=comment).count() == 2

    def test_report_form(self, site, client, trusted, other_reader):
        comment = approved(site, other_reader, "A remark to report.")
        client.force_login(trusted)
        url = reverse("discussion:report", kwargs={"comment_id": comment.pk})
        assert get_soup(client, url).find("input", attrs={"name": "reason"})
        response = client.post(url, {"reason": "spam", "note": "Advertises a casino."})
        assert response.status_code == 200
        assert Report.objects.get().reason == "spam"

    def test_pending_comments_cannot_be_reported_or_reacted_to(
        self, site, client, trusted, other_reader
    ):
        comment = Comment.objects.create(article=site.article, author=other_reader, body="Held")
        client.force_login(trusted)
        for name in ("discussion:report", "discussion:react"):
            url = reverse(name, kwargs={"comment_id": comment.pk})
            assert client.get(url).status_code == 404


@pytest.mark.parametrize("language", ["en", "ru"])
def test_russian_and_english_article_pages_render_the_discussion(site, client, language, reader):
    article = site.article if language == "en" else site.article_ru
    approved(site, reader, "Shared remark.") if language == "en" else None
    page = get_soup(client, article.url)
    assert page.find(id="discussion") is not None


def test_public_comments_endpoint_is_fresh_shared_and_impersonal(site, client, reader):
    url = url_in("en", "discussion:comments", article_id=site.article.pk)
    client.force_login(reader)
    assert "No comments yet." in client.get(url).content.decode()
    approved(site, reader, "Just approved, visible at once.")
    response = client.get(url + "?sort=oldest")
    html = response.content.decode()
    assert "Just approved, visible at once." in html
    assert "csrfmiddlewaretoken" not in html
    assert "public" in response["Cache-Control"] and "s-maxage=5" in response["Cache-Control"]
    assert "Cookie" not in response.get("Vary", "")
