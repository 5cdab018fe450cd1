"""The article page in a real browser: what a reader sees, photos loaded and all."""

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect, sync_playwright

from dateline.conftest import QUOTE_TEXT, build_world, restore_wagtail_roots, url_in

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

# Django's live server serves MEDIA_ROOT itself (_MediaFilesHandler), so the photos load.
# The live server reads committed data: this is a transactional test, which pytest-django
# runs after all the others and which leaves an emptied database behind.
pytestmark = pytest.mark.browser

VIEWPORTS = {"phone": (390, 844), "desktop": (1280, 900)}


@pytest.fixture
def site(transactional_db):
    """The shared world, committed for the live server's thread to read."""
    restore_wagtail_roots()
    return build_world()


@pytest.fixture
def browser(monkeypatch):
    # Playwright's sync API runs an event loop in this thread; the test still reads the
    # database synchronously, which Django would otherwise refuse.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def loaded(image):
    """Whether an <img> has been fetched and decoded (scrolling lazy ones into view first)."""
    image.scroll_into_view_if_needed()
    image.page.wait_for_function(
        "img => img.complete && img.naturalWidth > 0", arg=image.element_handle(), timeout=10_000
    )
    return image.evaluate("img => img.naturalWidth") > 0


def test_article_shows_photo_credit_quote_related_cards_and_discussion(site, live_server, browser):
    for name, (width, height) in VIEWPORTS.items():
        page = browser.new_page(viewport={"width": width, "height": height})
        try:
            check_article(page, live_server.url, site)
        except AssertionError as error:
            raise AssertionError(f"{name} ({width}x{height}): {error}") from error
        finally:
            page.close()


def check_article(page, base_url, site):
    response = page.goto(base_url + site.article.url)
    assert response.status == 200

    expect(page.locator("h1")).to_have_text(site.article.title)

    bank_url = url_in("en", "mediabank:photo", pk=site.lead_photo.pk)
    lead = page.locator("figure", has=page.locator(f"a[href='{bank_url}']")).first
    lead_image = lead.locator("img")
    expect(lead_image).to_be_visible()
    assert loaded(lead_image)
    expect(lead.get_by_text("© Nordic Wire / Ines Varga")).to_be_visible()
    expect(lead.locator(f"a[href='{bank_url}']")).to_be_visible()

    quote = page.locator("blockquote", has_text=QUOTE_TEXT)
    expect(quote).to_be_visible()
    expect(page.locator("cite", has_text="Marta Kovac")).to_be_visible()

    card = page.locator("aside", has=page.locator(f"a[href='{site.related.url}']"))
    expect(card).to_have_count(1)
    expect(card.locator(f"a[href='{site.related.url}']")).to_be_visible()
    assert loaded(card.locator("img"))

    login_path = url_in("en", "account_login")
    signup_path = url_in("en", "account_signup")
    login = page.locator(f"a[href^='{login_path}']")
    signup = page.locator(f"a[href^='{signup_path}']")
    expect(login).to_be_visible()
    expect(signup).to_be_visible()

    # The discussion prompt's link leads to a working login page.
    login.click()
    page.wait_for_load_state()
    assert urlsplit(page.url).path == login_path
    expect(page.locator("form input[type=password]")).to_be_visible()
