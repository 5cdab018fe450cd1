"""What rendering an article costs, and that the cheaper paths show what readers saw before.

Once its parts are kept (docs/caching.md), an article reads three fragments (the head with
the masthead, the body, the discussion with the footer) and one cache entry for its banner;
nothing it only shows inside them is read again. Rendered cold, it reads no page it was
routed through or shows as chosen, and no photo apart from its renditions.
"""

import uuid

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale, Site

from dateline.conftest import cold_queries, get_soup, hrefs, soup, url_in
from dateline.live import alerts
from dateline.live.alerts import raise_alert
from dateline.live.backends import build_broker, set_broker
from dateline.news import blocks
from dateline.newsroom.models import NewsroomSettings

pytestmark = pytest.mark.django_db


@pytest.fixture
def broker():
    """A broker of the test's own: its banner state is kept apart from other tests'."""
    fresh = build_broker(
        BACKEND="dateline.live.backends.memory.MemoryBroker",
        KEY_PREFIX=f"test-render-{uuid.uuid4().hex[:12]}",
    )
    previous = set_broker(fresh)
    yield fresh
    set_broker(previous)


def render(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return response, [query["sql"] for query in queries.captured_queries]


def reading(sqls, table):
    return [sql for sql in sqls if f'FROM "{table}"' in sql]


def banner(response):
    return soup(response).find(id="live-banner")


def history_url(article):
    return url_in("en", "newsroom:article_history", pk=article.pk)


class TestKeptArticle:
    def test_reads_three_fragments(self, site, client, broker, monkeypatch):
        client.get(site.article.url)  # renders and keeps
        kept = caches["fragments"]
        reads = []
        get_many = kept.get_many
        monkeypatch.setattr(
            kept, "get_many", lambda keys, *args, **kw: reads.append(keys) or get_many(keys)
        )
        first = client.get(site.article.url)
        assert len(reads) == 3
        assert [key.split(":")[1] for [key] in reads] == ["top", "article-body", "article-end"]
        monkeypatch.undo()
        assert first.content == client.get(site.article.url).content

    def test_reads_neither_the_newsroom_settings_nor_the_banner_twice(
        self, site, client, broker, monkeypatch
    ):
        client.get(site.article.url)
        asked = []
        monkeypatch.setattr(broker, "last_id", lambda channel: asked.append(channel) or "0-0")
        _, sqls = render(client, site.article.url)
        assert reading(sqls, "newsroom_newsroomsettings") == []
        assert reading(sqls, "live_alert") == []
        assert asked == []  # the id was kept with the alert

    def test_the_history_link_follows_the_setting(self, site, client):
        assert history_url(site.article) in hrefs(get_soup(client, site.article.url))
        assert history_url(site.article) in hrefs(get_soup(client, site.article.url))  # kept
        setting = NewsroomSettings.for_site(Site.objects.get(is_default_site=True))
        setting.public_history = False
        setting.save()
        assert history_url(site.article) not in hrefs(get_soup(client, site.article.url))


class TestBanner:
    def test_on_a_miss_the_id_is_read_before_the_alert(self, site, client, broker, monkeypatch):
        order = []
        last_id, newest = broker.last_id, alerts._newest
        monkeypatch.setattr(broker, "last_id", lambda ch: order.append("id") or last_id(ch))
        monkeypatch.setattr(alerts, "_newest", lambda lang: order.append("alert") or newest(lang))
        client.get(site.article.url)
        client.get(site.related.url)
        assert order == ["id", "alert"]  # then both kept together

    def test_a_raised_alert_reaches_the_next_render_with_its_event_id(
        self, site, client, broker, django_capture_on_commit_callbacks
    ):
        assert banner(client.get(site.article.url))["data-last-event-id"] == "0-0"
        with django_capture_on_commit_callbacks(execute=True):
            raise_alert(
                headline="Ferry aground off Lunsk", locale=Locale.objects.get(language_code="en")
            )
        region = banner(client.get(site.article.url))
        assert "Ferry aground off Lunsk" in region.get_text()
        assert region["data-last-event-id"] == broker.last_id("edition-en") != "0-0"

    def test_an_id_the_broker_could_not_tell_is_not_kept(self, site, client, broker, monkeypatch):
        monkeypatch.setattr(broker, "_last_id", lambda channel: 1 / 0)
        assert banner(client.get(site.article.url))["data-last-event-id"] == ""
        monkeypatch.setattr(broker, "_last_id", lambda channel: "1700000000000-0")
        assert banner(client.get(site.article.url))["data-last-event-id"] == "1700000000000-0"


class TestColdArticle:
    def test_the_masthead_shows_the_home_routing_came_through(self, site, client):
        queries = cold_queries(client, site.article.url)
        homes = reading([q["sql"] for q in queries.captured_queries], "news_homepage")
        assert len(homes) == 1  # routing's own
        page = get_soup(client, site.article.url)
        assert page.select_one(".masthead__name")["href"] == "/en/"

    def test_a_preview_of_the_home_keeps_the_live_home_in_its_masthead(self, site, admin_client):
        live_tagline = site.home.tagline
        site.home.tagline = "A tagline only the newsroom sees"
        site.home.save_revision()
        preview = admin_client.get(f"/admin/pages/{site.home.pk}/view_draft/")
        assert preview.status_code == 200
        tagline = soup(preview).select_one(".masthead__tagline")
        assert (tagline.get_text() if tagline else "") == live_tagline

    def test_pages_shown_as_chosen_are_not_looked_up_again(self, site, client, monkeypatch):
        looked_up = []
        original = blocks.readable_translations
        monkeypatch.setattr(
            blocks,
            "readable_translations",
            lambda queryset, pages: looked_up.append(pages) or original(queryset, pages),
        )
        get_soup(client, site.article.url)
        assert looked_up == []  # the speaker and the related story, live and public
        # Read in the other edition, they are looked up for their translations.
        get_soup(client, site.article_ru.url)
        assert looked_up

    def test_photos_come_with_their_renditions(self, site, client):
        queries = cold_queries(client, site.article.url)
        sqls = [q["sql"] for q in queries.captured_queries]
        # The body's photo blocks are read by their chooser; the lead photo and the related
        # story's photo come joined to their renditions.
        assert len(reading(sqls, "mediabank_photo")) == 1
