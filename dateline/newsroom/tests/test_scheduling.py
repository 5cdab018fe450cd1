"""Scheduling and embargo: refused schedules, nothing early through any channel, once on time."""

import xml.etree.ElementTree as ET
from datetime import timedelta
from unittest import mock
from urllib.parse import urlsplit

import pytest
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Page, PageLogEntry

from dateline.conftest import get_soup, hrefs, small_photo, url_in
from dateline.news.factories import ArticlePageFactory
from dateline.news.models import ArticlePage, HomePinnedStory
from dateline.news.tests.test_newsroom import article_form, form_errors
from dateline.newsroom.scheduler import run_due

TOKEN = "Zqxembargo7731"
SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def admin_time(value):
    return timezone.localtime(value).strftime("%Y-%m-%d %H:%M")


class TestScheduleForm:
    def test_a_go_live_in_the_past_is_refused(self, site, admin_client):
        data = article_form(site, go_live_at=admin_time(timezone.now() - timedelta(hours=2)))
        response = admin_client.post(f"/admin/pages/add/news/articlepage/{site.politics.pk}/", data)
        assert response.status_code == 200
        assert "go_live_at" in form_errors(response)
        assert "in the past" in str(form_errors(response)["go_live_at"])
        assert not ArticlePage.objects.filter(slug="ferry-fares-frozen").exists()

    def test_an_expiry_before_go_live_is_refused(self, site, admin_client):
        go_live = timezone.now() + timedelta(days=2)
        data = article_form(
            site,
            go_live_at=admin_time(go_live),
            expire_at=admin_time(go_live - timedelta(hours=1)),
        )
        response = admin_client.post(f"/admin/pages/add/news/articlepage/{site.politics.pk}/", data)
        assert response.status_code == 200
        assert "expire_at" in form_errors(response)
        assert not ArticlePage.objects.filter(slug="ferry-fares-frozen").exists()

    def test_a_future_schedule_is_accepted_and_not_live(self, site, admin_client):
        go_live = timezone.now() + timedelta(days=1)
        data = article_form(site, go_live_at=admin_time(go_live))
        response = admin_client.post(f"/admin/pages/add/news/articlepage/{site.politics.pk}/", data)
        assert response.status_code == 302, form_errors(response)
        article = ArticlePage.objects.get(slug="ferry-fares-frozen")
        assert not article.live
        assert article.revisions.filter(approved_go_live_at__isnull=False).count() == 1


def schedule(site, go_live_at):
    """A new article with TOKEN everywhere, scheduled for go_live_at, with an embargoed photo."""
    photo = small_photo("embargoed", title=f"{TOKEN} photo", caption=f"{TOKEN} caption")
    photo.embargo_until = go_live_at
    photo.save()
    article = ArticlePageFactory(
        parent=site.politics,
        title=f"{TOKEN} harbour deal signed",
        slug="embargoed-harbour-deal",
        standfirst=f"The {TOKEN} deal was signed.",
        lead_photo=photo,
        live=False,
        first_published_at=None,
        last_published_at=None,
        topics=[site.person],
        authors=[site.reporter],
        body=[
            ("paragraph", f"<p>{TOKEN} details of the deal.</p>"),
            ("photo", {"photo": site.body_photo, "caption": ""}),
        ],
    )
    article.go_live_at = go_live_at
    article.save_revision().publish()
    article.refresh_from_db()
    # Editors already point at it: a related card in a live article and a pinned story.
    site.article.body = [
        ("paragraph", "<p>The vote ended a debate.</p>"),
        ("related", {"article": article}),
    ]
    site.article.save_revision().publish()
    HomePinnedStory.objects.create(home=site.home, article=article)
    return article, photo


def sitemap_locs(client):
    locs = []
    index = ET.fromstring(client.get("/sitemap.xml").content)  # noqa: S314 - our own response
    listed = [urlsplit(loc.text).path for loc in index.iter(f"{{{SITEMAP_NS['s']}}}loc")]
    for path in ("/sitemap.xml", *listed):
        response = client.get(path)
        assert response.status_code == 200
        root = ET.fromstring(response.content)  # noqa: S314 - our own response
        locs += [loc.text for loc in root.iter(f"{{{SITEMAP_NS['s']}}}loc")]
    return locs


def feed_urls(site):
    """Every feed that could list the article: its edition, section, topic and author."""
    urls = {}
    for fmt in ("rss", "atom", "json"):
        urls[f"edition feed {fmt}"] = url_in("en", "edition_feed", feed_format=fmt)
        for scope, page in (("section", site.politics), ("topic", site.person)):
            urls[f"{scope} feed {fmt}"] = url_in(
                "en", f"{scope}_feed", slug=page.slug, feed_format=fmt
            )
        urls[f"author feed {fmt}"] = url_in(
            "en", "author_feed", slug=site.reporter.slug, feed_format=fmt
        )
    return urls


def api_urls(article, photo):
    return {
        "API pages": "/api/v2/pages/?limit=20",
        "API search": f"/api/v2/pages/?search={TOKEN}",
        "API article": f"/api/v2/pages/{article.pk}/",
        "API images": "/api/v2/images/?limit=20",
        "API image search": f"/api/v2/images/?search={TOKEN}",
        "API photo": f"/api/v2/images/{photo.pk}/",
    }


def crawl(client, site, article, photo):
    """The text and links of every public channel, by channel name."""
    pages = {
        "home": "/en/",
        "section": site.politics.url,
        "topic": site.person.url,
        "author": site.reporter.url,
        "related card": site.article.url,
        "media bank": url_in("en", "mediabank:index"),
        "media bank search": url_in("en", "mediabank:index") + f"?q={TOKEN}",
        "used in": url_in("en", "mediabank:photo", pk=site.body_photo.pk),
    }
    seen = {}
    for channel, url in pages.items():
        page = get_soup(client, url)
        seen[channel] = page.get_text(" ") + " ".join(hrefs(page))
    # The search page repeats the query: what matters is what it found.
    results = get_soup(client, pages["media bank search"]).find("main")
    seen["media bank search"] = " ".join(
        hrefs(results) + [img.get("alt", "") for img in results.find_all("img")]
    )
    seen["article URL"] = client.get(article.url).content.decode()
    seen["photo page"] = client.get(url_in("en", "mediabank:photo", pk=photo.pk)).content.decode()
    seen["sitemaps"] = " ".join(sitemap_locs(client))
    for name, url in feed_urls(site).items():
        response = client.get(url)
        assert response.status_code == 200, url
        seen[name] = response.content.decode()
    for name, url in api_urls(article, photo).items():
        seen[name] = client.get(url).content.decode()
    seen["search"] = " ".join(
        p.title for p in Page.objects.live().public().search(TOKEN, operator="or")
    )
    return seen


def test_nothing_is_reachable_before_go_live_and_everything_after(site, client):
    go_live_at = timezone.now() + timedelta(hours=6)
    article, photo = schedule(site, go_live_at)
    assert not article.live

    before = crawl(client, site, article, photo)
    for channel, text in before.items():
        assert TOKEN not in text, f"{channel} leaks the embargoed article"
        assert article.url not in text, f"{channel} links the embargoed article"
    assert client.get(article.url).status_code == 404
    assert client.get(url_in("en", "mediabank:photo", pk=photo.pk)).status_code == 404

    later = go_live_at + timedelta(seconds=30)
    with mock.patch("django.utils.timezone.now", return_value=later):
        assert run_due(now=later)[0] == [article.pk]
        after = crawl(client, site, article, photo)
    for channel in ("home", "section", "topic", "author", "related card", "used in", "sitemaps"):
        assert article.url in after[channel] or article.full_url in after[channel], channel
    for channel in feed_urls(site):
        assert article.full_url in after[channel], channel
    for channel in api_urls(article, photo):
        assert TOKEN in after[channel], channel
    for channel in ("article URL", "photo page", "media bank", "search"):
        assert TOKEN in after[channel], channel
    photo_url = url_in("en", "mediabank:photo", pk=photo.pk)
    assert photo_url in after["media bank search"]
    assert photo_url not in before["media bank search"]


def test_the_scheduler_publishes_what_fell_due_during_downtime_once(site):
    go_live_at = timezone.now() + timedelta(minutes=5)
    article, _photo = schedule(site, go_live_at)
    # The scheduler was down for a day; it comes back and runs twice (two workers).
    back = go_live_at + timedelta(days=1)
    with mock.patch("django.utils.timezone.now", return_value=back):
        first = run_due(now=back)
        second = run_due(now=back)
    assert first[0] == [article.pk]
    assert second == ([], [])
    article.refresh_from_db()
    assert article.live
    assert (
        PageLogEntry.objects.filter(page=article, action="wagtail.publish.scheduled").count() == 1
    )


def test_nothing_is_published_early(site):
    go_live_at = timezone.now() + timedelta(hours=1)
    article, _photo = schedule(site, go_live_at)
    assert run_due() == ([], [])
    article.refresh_from_db()
    assert not article.live


def test_an_expired_article_is_unpublished_once(site):
    site.related.expire_at = timezone.now() + timedelta(minutes=1)
    site.related.save()
    later = timezone.now() + timedelta(minutes=2)
    with mock.patch("django.utils.timezone.now", return_value=later):
        assert run_due(now=later) == ([], [site.related.pk])
        assert run_due(now=later) == ([], [])
    site.related.refresh_from_db()
    assert not site.related.live
    assert site.related.expired


def test_run_scheduler_once(site, capsys):
    call_command("run_scheduler", "--once")
    assert "Published 0, unpublished 0." in capsys.readouterr().out


@pytest.mark.parametrize("enabled", ["0", "1"])
def test_the_embedded_scheduler_follows_its_switch(monkeypatch, enabled):
    from dateline.newsroom import scheduler

    monkeypatch.setenv("DATELINE_EMBEDDED_SCHEDULER", enabled)
    assert scheduler.embedded_enabled() is (enabled == "1")
