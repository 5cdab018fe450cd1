"""Breaking-news alerts: the newsroom raises and retires them; pages and streams follow."""

import json

import pytest
from django.core.cache import cache
from django.urls import reverse
from wagtail.models import Locale

from dateline.accounts.models import User
from dateline.conftest import get_soup
from dateline.live.alerts import cache_key, raise_alert, retire_alert
from dateline.live.models import Alert


@pytest.fixture(autouse=True)
def _fresh_alert_cache():
    for language in ("en", "ru"):
        cache.delete(cache_key(language))
    yield
    for language in ("en", "ru"):
        cache.delete(cache_key(language))


def banner(page):
    node = page.find(id="live-banner")
    assert node is not None, "every reader page has the banner region"
    return node


def published(broker, channel):
    """What was published on a channel, read back from the replay log."""
    import asyncio

    async def read():
        subscription = await broker.subscribe(channel, last_id="0-0")
        events = list(subscription.pending)
        broker.unsubscribe(subscription)
        await broker.aclose()
        return events

    return asyncio.run(read())


def test_every_page_of_the_edition_renders_the_active_alert_and_other_editions_do_not(
    site, client, broker, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        raise_alert(
            headline="Explosion reported at the north pier",
            link="/en/politics/",
            locale=Locale.objects.get(language_code="en"),
        )
    for url in ("/en/", site.article.url, site.politics.url):
        region = banner(get_soup(client, url))
        assert region["role"] == "status" and region["aria-live"] == "polite"
        link = region.find("a", string="Explosion reported at the north pier")
        assert link is not None and link["href"] == "/en/politics/"
        assert "Breaking news" in region.get_text()
        assert region["data-live-stream"] == "/live/stream/edition-en/"
    ru = banner(get_soup(client, site.article_ru.url))
    assert ru.get_text(strip=True) == ""
    assert ru["data-live-stream"] == "/live/stream/edition-ru/"


def test_raising_and_retiring_publish_the_banner_to_the_edition_stream(
    site, client, broker, django_capture_on_commit_callbacks
):
    ru = Locale.objects.get(language_code="ru")
    with django_capture_on_commit_callbacks(execute=True):
        alert = raise_alert(headline="Шторм закрыл порт", locale=ru, level="urgent")
    assert "Шторм закрыл порт" in banner(get_soup(client, site.article_ru.url)).get_text()
    with django_capture_on_commit_callbacks(execute=True):
        retire_alert(alert)
    assert banner(get_soup(client, site.article_ru.url)).get_text(strip=True) == ""
    events = published(broker, "edition-ru")
    assert [e.event for e in events] == ["alert", "alert"]
    raised, retired = (json.loads(e.data)["html"] for e in events)
    assert "Шторм закрыл порт" in raised and "Срочно" in raised  # the level, in Russian
    assert retired == ""
    assert published(broker, "edition-en") == []


def test_an_alert_is_not_announced_before_its_transaction_commits(site, broker):
    raise_alert(headline="Rolled back", locale=Locale.objects.get(language_code="en"))
    assert published(broker, "edition-en") == []


@pytest.fixture
def editor_client(client, db):
    user = User.objects.create_superuser("chief", "chief@example.org", "pw-chief-123")
    client.force_login(user)
    return client


def test_the_newsroom_raises_and_retires_alerts_from_the_admin(
    site, editor_client, broker, django_capture_on_commit_callbacks
):
    en = Locale.objects.get(language_code="en")
    add_url = reverse("wagtailsnippets_live_alert:add")
    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(
            add_url,
            {
                "headline": "Parliament dissolved",
                "link": "https://example.org/story",
                "level": "breaking",
                "locale": en.pk,
                "active": "on",
            },
        )
    assert response.status_code == 302, response.content[:2000]
    alert = Alert.objects.get()
    assert alert.active and alert.retired_at is None
    edit_url = reverse("wagtailsnippets_live_alert:edit", args=[alert.pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(
            edit_url,
            {"headline": alert.headline, "link": alert.link, "level": "breaking", "locale": en.pk},
        )
    assert response.status_code == 302
    alert.refresh_from_db()
    assert not alert.active and alert.retired_at is not None
    events = published(broker, "edition-en")
    assert len(events) == 2
    assert "Parliament dissolved" in json.loads(events[0].data)["html"]
    assert json.loads(events[1].data)["html"] == ""


def test_a_link_must_be_a_site_path_or_a_web_url(site, editor_client):
    response = editor_client.post(
        reverse("wagtailsnippets_live_alert:add"),
        {
            "headline": "Bad link",
            "link": "javascript:alert(1)",
            "level": "breaking",
            "locale": Locale.objects.get(language_code="en").pk,
            "active": "on",
        },
    )
    assert response.status_code == 200
    assert not Alert.objects.exists()


def test_the_banner_costs_no_query_once_cached(site, client, settings, django_assert_num_queries):
    # A cache of this test's own: other apps' tests clear the shared Redis meanwhile.
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "l"}
    }
    client.get("/en/")  # fills the cache
    from dateline.live.context_processors import LiveContext

    with django_assert_num_queries(0):
        assert LiveContext().alert is None
