"""Fragments are kept between renders and never used once what they show has changed,
whatever the cache holding them remembers, forgets or replays."""

import time

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from dateline.caching import changes
from dateline.conftest import get_soup, publish, soup
from dateline.news.models import ArticlePage

pytestmark = pytest.mark.django_db


def render(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return response, len(queries)


def article_text(client, site):
    return get_soup(client, site.article.url).find("article").get_text(" ", strip=True)


def test_a_second_render_uses_the_kept_fragments(site, client):
    first, cold = render(client, site.article.url)
    second, warm = render(client, site.article.url)
    assert warm < cold
    assert soup(first).find("main") == soup(second).find("main")


@pytest.mark.parametrize(
    "change, shown",
    [
        (lambda s: publish(s.article, title="Council keeps the route open"), "keeps the route"),
        (lambda s: publish(s.related, title="Navy escorts a second convoy"), "a second convoy"),
        (lambda s: publish(s.person, title="Marta Kovač"), "Marta Kovač"),
        (lambda s: publish(s.reporter, title="Ana Reyes-Molina"), "Ana Reyes-Molina"),
        (lambda s: _photographer(s.body_photo, "Vera Holm"), "Vera Holm"),
        (lambda s: _credit(s.lead_photo, "Harbour Light Agency"), "Harbour Light Agency"),
    ],
    ids=["headline", "related card", "quote speaker", "byline", "body photo", "lead photo"],
)
def test_a_change_to_anything_the_article_shows_reaches_it(site, client, change, shown):
    assert shown not in article_text(client, site)
    assert shown not in article_text(client, site)  # now from kept fragments
    change(site)
    assert shown in article_text(client, site)


def _photographer(photo, name):
    photo.photographer = name
    photo.save()


def _credit(photo, agency):
    photo.agency = agency
    photo.save()


def test_a_card_is_rendered_once_for_every_listing(site, client, monkeypatch):
    from django.template.base import Template

    rendered = []
    original = Template.render

    def counting(template, context):
        rendered.append(template.origin.template_name)
        return original(template, context)

    monkeypatch.setattr(Template, "render", counting)
    client.get(site.person.url)
    cards = rendered.count("news/includes/card.html")
    rendered.clear()
    client.get(site.reporter.url)  # the same articles' cards, on another listing
    assert cards > 0 and rendered.count("news/includes/card.html") == 0


def test_a_fragment_rendered_while_a_change_committed_is_not_kept(site, client, monkeypatch):
    """Read before the change, kept after it: it would show the old data as new."""
    original = ArticlePage.get_context

    def get_context_then_change(page, request, *args, **kwargs):
        context = original(page, request, *args, **kwargs)
        changes.invalidate([f"page-{page.pk}"])  # committed while the page renders
        return context

    monkeypatch.setattr(ArticlePage, "get_context", get_context_then_change)
    response, _ = render(client, site.article.url)
    assert response["X-Accel-Expires"] == "0"
    assert "no-cache" in response["Cache-Control"]
    monkeypatch.setattr(ArticlePage, "get_context", original)
    _, queries = render(client, site.article.url)
    _, warm = render(client, site.article.url)
    assert warm < queries  # nothing had been kept by the raced render


def test_previews_never_use_kept_fragments(site, client, admin_client):
    client.get(site.article.url)
    client.get(site.article.url)  # the live article's fragments are kept
    article = ArticlePage.objects.get(pk=site.article.pk)
    article.title = "A draft headline only the newsroom sees"
    article.save_revision()
    preview = admin_client.get(f"/admin/pages/{article.pk}/view_draft/")
    assert "A draft headline only the newsroom sees" in preview.content.decode()
    assert "A draft headline" not in client.get(site.article.url).content.decode()


class TestFragmentsInRedis:
    """The production arrangement: fragments in Redis, stamps in the database."""

    def warm(self, client, site):
        assert site.related.url in client.get(site.article.url).content.decode()
        _, cold = render(client, site.article.url)
        return cold

    def test_they_are_kept_in_redis(self, site, client, fragments_in_redis):
        self.warm(client, site)
        assert int(fragments_in_redis.command("DBSIZE")) > 0

    def test_a_retraction_made_while_redis_hangs_is_never_forgotten(
        self, site, client, fragments_in_redis
    ):
        self.warm(client, site)
        fragments_in_redis.freeze()
        try:
            unpublish(site.related)  # Redis hears nothing of it
            # Meanwhile pages render without kept fragments, and without the card.
            assert site.related.url not in client.get(site.article.url).content.decode()
        finally:
            fragments_in_redis.thaw()
        # Redis answers again (once its breaker closes) with the fragments it kept before,
        # the card among them: they are not used.
        time.sleep(0.3)
        assert any(b":page:" in key for key in fragments_in_redis.keys())
        assert site.related.url not in client.get(site.article.url).content.decode()
        assert client.get(site.related.url).status_code == 404

    def test_redis_restarted_empty_or_flushed_serves_nothing_retracted(
        self, site, client, fragments_in_redis
    ):
        self.warm(client, site)
        unpublish(site.related)
        fragments_in_redis.restart_empty()
        assert client.get(site.related.url).status_code == 404
        assert site.related.url not in client.get(site.article.url).content.decode()
        publish(site.related)
        self.warm(client, site)
        unpublish(site.related)
        fragments_in_redis.command("FLUSHALL")
        assert site.related.url not in client.get(site.article.url).content.decode()

    def test_fragments_replayed_from_an_old_copy_of_redis_are_not_used(
        self, site, client, fragments_in_redis
    ):
        """Redis comes back with what it held before a change (a replica promoted, a
        snapshot restored): the stamps in the database are newer than those fragments."""
        self.warm(client, site)
        snapshot = {key: fragments_in_redis.raw_dump(key) for key in fragments_in_redis.keys()}
        assert snapshot
        unpublish(site.related)
        client.get(site.article.url)  # fragments without the card are kept now
        fragments_in_redis.command("FLUSHALL")
        for key, value in snapshot.items():
            fragments_in_redis.raw_restore(key, value)
        assert site.related.url not in client.get(site.article.url).content.decode()

    def test_pages_render_while_redis_is_frozen(self, site, client, fragments_in_redis):
        self.warm(client, site)
        fragments_in_redis.freeze()
        try:
            response = client.get(site.article.url)
            assert response.status_code == 200
            assert site.article.title in response.content.decode()
        finally:
            fragments_in_redis.thaw()


def unpublish(page):
    ArticlePage.objects.get(pk=page.pk).unpublish()
