"""The whole discussion in Chromium: a reader registers, verifies, logs in, comments, replies,
reacts and reports; a moderator approves and bans; the banned reader can no longer post."""

import re
from importlib import import_module
from types import SimpleNamespace

import pytest
from django.contrib.auth.models import Group, Permission
from django.core import mail
from playwright.sync_api import expect, sync_playwright

from dateline.conftest import build_world, restore_wagtail_roots, url_in
from dateline.discussion.models import Comment
from dateline.news.tests.test_browser import CHROMIUM, CHROMIUM_ARGS

from .conftest import PASSWORD, make_reader

pytestmark = pytest.mark.browser

NEIGHBOUR = "The north pier needs a shelter before the first storms."
FIRST = "Glad the route stays open: my daughter takes it to school."
REPLY = "A shelter was promised last year as well."


def moderators_group():
    """The group of migration 0002, whose rows an earlier transactional test may have
    flushed (the permissions themselves come back after every flush)."""
    migration = import_module("dateline.discussion.migrations.0002_moderators_group")
    group, created = Group.objects.get_or_create(name=migration.GROUP)
    if created:
        for app_label, model, codename in migration.PERMISSIONS:
            group.permissions.add(
                *Permission.objects.filter(
                    content_type__app_label=app_label,
                    content_type__model=model,
                    codename=codename,
                )
            )
    return group


@pytest.fixture
def world(transactional_db, live_server, django_user_model):
    """Committed data, read before the browser starts (no database access after that)."""
    restore_wagtail_roots()
    built = build_world()
    neighbour = make_reader(django_user_model, "tern", "Arctic Tern")
    Comment.objects.create(
        article=built.article,
        author=neighbour,
        body=NEIGHBOUR,
        body_hash="neighbour",
        status=Comment.Status.APPROVED,
    )
    moderator = make_reader(django_user_model, "keeper", "Harbour Keeper")
    moderator.groups.add(moderators_group())
    return SimpleNamespace(
        base=live_server.url,
        article_id=built.article.pk,
        section=live_server.url + built.politics.url,
        article=live_server.url + built.article.url,
        signup=live_server.url + url_in("en", "account_signup"),
        login=live_server.url + url_in("en", "account_login"),
        queue=live_server.url + "/admin/discussion/",
    )


@pytest.fixture
def browser():
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def comment_item(page, text):
    return page.locator("li.comment", has=page.locator(".comment__body", has_text=text)).first


def test_register_comment_reply_react_report_moderate_ban(world, browser):
    reader = browser.new_context().new_page()
    moderator = browser.new_context().new_page()  # its own cookies

    # Register and receive the verification e-mail.
    reader.goto(world.signup)
    reader.fill("input[name=email]", "new.gull@example.org")
    reader.fill("input[name=password1]", PASSWORD)
    reader.fill("input[name=password2]", PASSWORD)
    reader.locator("main form button[type=submit]").click()
    reader.wait_for_load_state()
    assert len(mail.outbox) == 1
    link = re.search(r"https?://\S+/confirm-email/\S+/", mail.outbox[0].body).group(0)

    # Verify, then log in and come back to the article.
    reader.goto(link)
    reader.locator("main form button[type=submit]").click()
    reader.wait_for_load_state()
    reader.goto(world.login + "?next=" + world.article.removeprefix(world.base))
    reader.fill("input[name=login]", "new.gull@example.org")
    reader.fill("input[name=password]", PASSWORD)
    reader.locator("main form button[type=submit]").click()
    reader.wait_for_url(world.article)

    # The personal part arrives by script: the form, then a first comment, held for review.
    form = reader.locator("#discussion form.comment-form")
    expect(form).to_be_visible()
    form.locator("textarea").fill(FIRST)
    form.locator("button[type=submit]").click()
    expect(reader.locator("main [role=status]")).to_contain_text("moderator")

    # The moderator approves it from the queue.
    moderator.goto(world.base + "/admin/login/")
    moderator.fill("input[name=username]", "keeper")
    moderator.fill("input[name=password]", PASSWORD)
    moderator.locator("form button[type=submit]").first.click()
    moderator.wait_for_load_state()
    moderator.goto(world.queue)
    row = moderator.locator("tr", has_text=FIRST)
    row.get_by_role("button", name="Approve").click()
    moderator.wait_for_load_state()
    expect(moderator.locator("tr", has_text=FIRST)).to_have_count(0)

    # The comment is public; the reader replies to a neighbour.
    reader.goto(world.article)
    expect(comment_item(reader, FIRST)).to_be_visible()
    comment_item(reader, NEIGHBOUR).locator("[data-action=reply]").click()
    reader.locator("main textarea").fill(REPLY)
    reader.locator("main form button[type=submit]").click()
    reader.wait_for_load_state()
    neighbour = comment_item(reader, NEIGHBOUR)
    expect(neighbour.locator(".comment__replies")).to_contain_text(REPLY)

    # React in place (the script posts with the token from the personal part).
    react = neighbour.locator("[data-action=react]").first
    expect(reader.locator("#discussion form.comment-form")).to_be_visible()
    react.click()
    expect(react).to_have_attribute("aria-pressed", "true")

    # Report the neighbour's comment.
    neighbour.locator("[data-action=report]").first.click()
    reader.get_by_label("Spam or advertising").check()
    reader.locator("main form button[type=submit]").click()
    expect(reader.locator("main [role=status]")).to_contain_text("moderator")

    # The moderator sees the report and bans the reader from their page.
    moderator.goto(world.queue + "?show=all")
    moderator.locator("tr", has_text=REPLY).locator("a[href*='/admin/discussion/readers/']").click()
    moderator.fill("input[name=sanction-reason]", "Testing the ban")
    moderator.get_by_role("button", name="Suspend or ban").click()
    moderator.wait_for_load_state()
    expect(moderator.locator("main")).to_contain_text("Testing the ban")

    # The banned reader is told, and cannot post.
    reader.goto(world.article)
    expect(reader.locator("#discussion .discussion__refusal")).to_contain_text("Testing the ban")
    expect(reader.locator("#discussion form.comment-form")).to_have_count(0)


def test_article_cards_show_their_comment_counts(world, browser):
    page = browser.new_context().new_page()
    page.goto(world.section)
    card = page.locator(f"article[data-discussion-article='{world.article_id}']")
    count = card.locator("a.card__comments")
    expect(count).to_contain_text("1 comment")
    assert count.get_attribute("href").endswith("#discussion")
    # The other cards of the section have no comments: nothing is added to them.
    assert page.locator("a.card__comments").count() == 1
