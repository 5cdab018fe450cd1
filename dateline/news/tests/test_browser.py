"""The article page in a real browser: what a reader sees, photos loaded and all."""

from types import SimpleNamespace
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
def article(transactional_db, live_server):
    """What the reader should see, read from the database before the browser starts.

    The world is committed, so the live server's thread can read it. Playwright's sync API
    runs an event loop in the test's thread, where Django refuses database access: nothing
    below the browser fixture touches the database.
    """
    restore_wagtail_roots()
    world = build_world()
    return SimpleNamespace(
        url=live_server.url + world.article.url,
        headline=world.article.title,
        bank_url=url_in("en", "mediabank:photo", pk=world.lead_photo.pk),
        credit=world.lead_photo.credit_line,
        speaker=world.person.title,
        related_url=world.related.url,
        login_path=url_in("en", "account_login"),
        signup_path=url_in("en", "account_signup"),
    )


@pytest.fixture
def browser():
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


def test_article_shows_photo_credit_quote_related_cards_and_discussion(article, browser):
    for name, (width, height) in VIEWPORTS.items():
        page = browser.new_page(viewport={"width": width, "height": height})
        try:
            check_article(page, article)
        except AssertionError as error:
            raise AssertionError(f"{name} ({width}x{height}): {error}") from error
        finally:
            page.close()


def check_article(page, article):
    response = page.goto(article.url)
    assert response.status == 200

    expect(page.locator("h1")).to_have_text(article.headline)

    lead = page.locator("figure", has=page.locator(f"a[href='{article.bank_url}']")).first
    lead_image = lead.locator("img")
    expect(lead_image).to_be_visible()
    assert loaded(lead_image)
    expect(lead.get_by_text(article.credit)).to_be_visible()
    expect(lead.locator(f"a[href='{article.bank_url}']")).to_be_visible()

    expect(page.locator("blockquote", has_text=QUOTE_TEXT)).to_be_visible()
    expect(page.locator("cite", has_text=article.speaker)).to_be_visible()

    card = page.locator("aside", has=page.locator(f"a[href='{article.related_url}']"))
    expect(card).to_have_count(1)
    expect(card.locator(f"a[href='{article.related_url}']")).to_be_visible()
    assert loaded(card.locator("img"))

    login = page.locator(f"a[href^='{article.login_path}']")
    signup = page.locator(f"a[href^='{article.signup_path}']")
    expect(login).to_be_visible()
    expect(signup).to_be_visible()

    # The discussion prompt's link leads to a working login page.
    login.click()
    page.wait_for_load_state()
    assert urlsplit(page.url).path == article.login_path
    expect(page.locator("form input[type=password]")).to_be_visible()
