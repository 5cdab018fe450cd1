"""The front page with pinned stories, a section and a day of the archive, in a real browser
at a phone's width and a laptop's: nothing crushed, every navigation item in reach."""

from datetime import timedelta
from types import SimpleNamespace

import pytest
from django.test import Client
from django.utils import timezone
from playwright.sync_api import expect

from dateline.conftest import build_world, restore_wagtail_roots
from dateline.news.factories import ArticlePageFactory
from dateline.news.models import HomePinnedStory

from .test_browser import browser  # noqa: F401 - the Chromium fixture

pytestmark = pytest.mark.browser

WIDTHS = {"phone": (390, 844), "laptop": (1366, 900)}


@pytest.fixture
def front(transactional_db, live_server):
    """A front page with five pinned stories, read before the browser starts (see
    test_browser.py: nothing below the browser fixture touches the database)."""
    restore_wagtail_roots()
    world = build_world()
    home = world.article.get_parent().get_parent().specific
    day = timezone.localdate() - timedelta(days=1)
    when = timezone.make_aware(timezone.datetime.combine(day, timezone.datetime.min.time()))
    stories = [
        ArticlePageFactory(
            parent=world.politics,
            title=f"Harbour board report number {n} reaches the council",
            # No photo to make renditions of: the live server would make them after its
            # answers, in its own thread, while the test's database is being emptied.
            lead_photo=None,
            first_published_at=when + timedelta(hours=8, minutes=n),
            last_published_at=when + timedelta(hours=8, minutes=n),
        )
        for n in range(5)
    ]
    for order, story in enumerate(stories):
        HomePinnedStory.objects.create(home=home, article=story, sort_order=order)
    # Each page asked once here first: its photos' renditions are made now, in this thread,
    # not by the live server's after its answers while the database is being emptied.
    reader = Client()
    for path in ("/en/", world.politics.url, f"/en/{day:%Y/%m/%d}/"):
        assert reader.get(path).status_code == 200
    return SimpleNamespace(
        base=live_server.url,
        pinned=[story.title for story in stories],
        day_path=f"/en/{day:%Y/%m/%d}/",
        section_path=world.politics.url,
    )


def box(locator):
    found = locator.bounding_box()
    assert found is not None, "not laid out"
    return found


@pytest.mark.parametrize("width", list(WIDTHS))
def test_pinned_stories_keep_readable_cards_and_the_latest_news_beside(front, browser, width):  # noqa: F811
    page = browser.new_page(viewport=dict(zip(("width", "height"), WIDTHS[width], strict=True)))
    try:
        assert page.goto(front.base + "/en/").status == 200
        cards = page.locator(".front__pinned .card")
        expect(cards).to_have_count(5)
        for n in range(5):
            expect(cards.nth(n)).to_contain_text(front.pinned[n])
            # At 1366 px the column was 80 px wide once, a word per line.
            assert box(cards.nth(n))["width"] >= 160
        top, latest = box(page.locator(".front__top")), box(page.locator(".front__latest"))
        if width == "laptop":
            assert latest["x"] > top["x"] + top["width"]  # beside the top story
            assert abs(latest["y"] - top["y"]) < 5
        else:
            assert latest["y"] > top["y"] + top["height"]  # one column on a phone
        # Every navigation item is on the screen: none hidden past the edge.
        viewport = WIDTHS[width][0]
        links = page.locator("nav.sections a")
        assert links.count() >= 4
        for n in range(links.count()):
            link = box(links.nth(n))
            assert link["x"] >= 0 and link["x"] + link["width"] <= viewport, links.nth(
                n
            ).inner_text()
        expect(page.locator("nav.sections a", has_text="Topics")).to_be_visible()
        expect(page.locator("nav.sections a", has_text="Authors")).to_be_visible()
    finally:
        page.wait_for_load_state("networkidle")  # the cards' comment counts too
        page.close()


@pytest.mark.parametrize("width", list(WIDTHS))
def test_a_day_of_the_archive_and_a_section_use_the_page(front, browser, width):  # noqa: F811
    page = browser.new_page(viewport=dict(zip(("width", "height"), WIDTHS[width], strict=True)))
    try:
        assert page.goto(front.base + front.day_path).status == 200
        expect(page.locator("h1 time")).to_be_visible()
        expect(page.locator(".article-list .card")).to_have_count(5)
        assert box(page.locator(".article-list"))["width"] <= WIDTHS[width][0]

        assert page.goto(front.base + front.section_path).status == 200
        lead_title = page.locator(".section-lead .lead-story__title").inner_text()
        grid = page.locator(".section-grid .card__title")
        assert lead_title not in [grid.nth(n).inner_text() for n in range(grid.count())]
        if width == "laptop":
            # The section's stories use the width of the page, not a third of it.
            assert box(page.locator(".section-grid"))["width"] > 0.7 * 1366 - 200
    finally:
        page.wait_for_load_state("networkidle")  # the cards' comment counts too
        page.close()
