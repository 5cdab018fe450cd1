"""In Chromium: an editor's alert and a new live-blog entry reach an open page without reload.

Pages come from pytest-django's live server (a WSGI thread reading the committed test
database); streams from uvicorn in another thread of this process (StreamServer), named by
DATELINE_LIVE["STREAM_URL"] as a separate stream host would be in production. Playwright's
sync API runs an event loop in the test's thread, where Django refuses database access, so
the newsroom's actions run in a worker thread.
"""

import threading

import pytest
from django.core.cache import cache
from playwright.sync_api import expect, sync_playwright
from wagtail.models import Locale

from dateline.conftest import restore_wagtail_roots
from dateline.live.alerts import cache_key, raise_alert, retire_alert
from dateline.news.factories import SectionPageFactory
from dateline.news.sitetree import ensure_editions
from dateline.news.tests.test_browser import CHROMIUM, CHROMIUM_ARGS

from .factories import entry, live_blog, republish
from .sse import StreamServer, use_broker

pytestmark = pytest.mark.browser


def in_thread(function, *args, **kwargs):
    """Run newsroom code outside the Playwright thread; return its result."""
    result, failure = {}, {}

    def target():
        try:
            result["value"] = function(*args, **kwargs)
        except BaseException as error:  # re-raised in the test's thread
            failure["error"] = error

    thread = threading.Thread(target=target)
    thread.start()
    thread.join(30)
    if "error" in failure:
        raise failure["error"]
    return result.get("value")


@pytest.fixture
def live_world(transactional_db, live_server, settings):
    restore_wagtail_roots()
    homes = ensure_editions()
    section = SectionPageFactory(parent=homes["en"], title="Politics", slug="politics")
    blog = live_blog(section, entries=[entry("Polls have opened.", minutes_ago=30)])
    cache.delete(cache_key("en"))
    with use_broker(), StreamServer() as streams:
        settings.DATELINE_LIVE = {
            **settings.DATELINE_LIVE,
            "STREAM_URL": f"http://127.0.0.1:{streams.port}",
        }
        yield {"home": live_server.url + "/en/", "blog": live_server.url + blog.url, "pk": blog.pk}
    cache.delete(cache_key("en"))


@pytest.fixture
def browser():
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def wait_connected(page, selector):
    # live.js marks a region once its stream is open (the server has subscribed it by then).
    expect(page.locator(f"{selector}[data-live-state=open]")).to_have_count(1, timeout=5000)


def test_an_editors_alert_reaches_an_open_page_without_reload(live_world, browser):
    page = browser.new_page()
    page.goto(live_world["home"])
    banner = page.locator("#live-banner")
    expect(banner).to_have_attribute("role", "status")
    expect(banner).to_be_empty()
    wait_connected(page, "#live-banner")
    navigations = []
    page.on("framenavigated", lambda frame: navigations.append(frame.url))

    en = in_thread(Locale.objects.get, language_code="en")
    alert = in_thread(
        raise_alert, headline="Polling stations close early", locale=en, link="/en/politics/"
    )
    link = banner.get_by_role("link", name="Polling stations close early")
    expect(link).to_be_visible(timeout=3000)
    assert link.get_attribute("href") == "/en/politics/"

    in_thread(retire_alert, alert)
    expect(banner.locator(".live-alert")).to_have_count(0, timeout=3000)
    assert navigations == []  # no reload happened

    # A page loaded afterwards renders the current state server-side.
    in_thread(raise_alert, headline="Results expected at midnight", locale=en)
    fresh = browser.new_page()
    fresh.goto(live_world["home"])
    expect(fresh.locator("#live-banner")).to_contain_text("Results expected at midnight")


def test_a_new_live_blog_entry_appears_in_an_open_copy_newest_first(live_world, browser):
    from dateline.live.models import LiveBlogPage

    page = browser.new_page()
    page.goto(live_world["blog"])
    entries = page.locator("[data-live-blog] [data-entry-id]")
    expect(entries).to_have_count(1)
    wait_connected(page, "[data-live-blog]")

    blog = in_thread(LiveBlogPage.objects.get, pk=live_world["pk"])
    in_thread(republish, blog, add=[entry("Turnout is already 40 per cent.")])
    expect(entries).to_have_count(2, timeout=3000)
    expect(entries.first).to_contain_text("Turnout is already 40 per cent.")
    expect(page.locator("#live-blog-status")).to_have_text("A new update was posted.")
