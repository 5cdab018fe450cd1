"""The review workflow and the public history page in Chromium."""

from types import SimpleNamespace

import pytest
from playwright.sync_api import expect, sync_playwright

from dateline.conftest import build_world, restore_wagtail_roots, url_in
from dateline.news.tests.test_browser import CHROMIUM, CHROMIUM_ARGS
from dateline.newsroom.roles import REPORTERS, section_editors_name, setup_roles

from .newsroom_world import draft_article, make_user

pytestmark = pytest.mark.browser
PASSWORD = "s3cret-pass-word"


@pytest.fixture
def story(transactional_db, live_server):
    """Committed data for the live server, read before Playwright's event loop starts."""
    restore_wagtail_roots()
    world = build_world()
    setup_roles()
    reporter = make_user("reporter", REPORTERS)
    editor = make_user("politics-editor", section_editors_name(world.politics))
    draft = draft_article(world, world.politics, reporter, "Ferry tolls cut", "ferry-tolls-cut")
    # Two published versions of the live article, for the history page.
    world.article.save_revision().publish()
    world.article.refresh_from_db()
    world.article.standfirst = "Port Halvern's council voted on Wednesday to keep the route open."
    world.article.save_revision().publish()
    return SimpleNamespace(
        base=live_server.url,
        reporter=reporter.username,
        editor=editor.username,
        draft_pk=draft.pk,
        draft_title=draft.title,
        draft_url=live_server.url + "/en/politics/ferry-tolls-cut/",
        history_url=live_server.url + url_in("en", "newsroom:article_history", pk=world.article.pk),
    )


@pytest.fixture
def browser():
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def log_in(browser, story, username):
    context = browser.new_context()
    page = context.new_page()
    page.goto(story.base + "/admin/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(story.base + "/admin/")
    return page


def footer_action(page, selector):
    """Click a publishing action of the editor's footer, opening its menu when needed."""
    button = page.locator(f"footer {selector}").first
    if not button.is_visible():
        page.locator("footer [data-w-dropdown-target='toggle']").first.click()
    button.click()


def test_submit_send_back_approve_and_publish(story, browser):
    edit_url = f"{story.base}/admin/pages/{story.draft_pk}/edit/"
    reporter = log_in(browser, story, story.reporter)
    reporter.goto(edit_url)
    footer_action(reporter, 'button[name="action-submit"]')
    expect(reporter.locator(".messages")).to_contain_text(story.draft_title)

    editor = log_in(browser, story, story.editor)
    editor.goto(edit_url)
    footer_action(editor, 'button[data-workflow-action-name="reject"]')
    editor.locator(".modal textarea[name=comment]").fill("Name your second source.")
    editor.locator(".modal button[type=submit]").click()
    expect(editor.locator(".messages")).to_contain_text(story.draft_title)

    # Sent back: not public; the reporter sees the comment, revises and resubmits.
    anonymous = browser.new_page()
    assert anonymous.goto(story.draft_url).status == 404
    reporter.goto(edit_url)
    expect(reporter.get_by_text("Name your second source.").first).to_be_attached()
    footer_action(reporter, 'button[name="action-submit"]')
    expect(reporter.locator(".messages")).to_contain_text(story.draft_title)

    editor.goto(edit_url)
    footer_action(
        editor, 'button[data-workflow-action-name="approve"]:not([data-workflow-action-modal-url])'
    )
    expect(editor.locator(".messages")).to_contain_text(story.draft_title)

    response = anonymous.goto(story.draft_url)
    assert response.status == 200
    expect(anonymous.locator("h1")).to_contain_text(story.draft_title)


def test_the_public_history_page(story, browser):
    page = browser.new_page()
    response = page.goto(story.history_url)
    assert response.status == 200
    expect(page.locator(".history__version")).to_have_count(2)
    expect(page.locator(".history__diff del").first).to_have_text("Tuesday")
    expect(page.locator(".history__diff ins").first).to_contain_text("Wednesday")
    page.fill("input[name=from]", "2")
    page.fill("input[name=to]", "1")
    page.get_by_role("button", name="Compare").click()
    expect(page.locator(".history__diff ins").first).to_contain_text("Tuesday")
