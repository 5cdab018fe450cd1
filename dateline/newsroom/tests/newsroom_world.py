"""The newsroom's people on top of the shared test world: one account per role."""

from types import SimpleNamespace

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from dateline.news.factories import ArticlePageFactory
from dateline.newsroom.roles import (
    ADMINISTRATORS,
    MODERATORS,
    PHOTO_EDITORS,
    REPORTERS,
    section_editors_name,
    setup_roles,
)

ROLES = (
    "reporter",
    "politics_editor",
    "defense_editor",
    "photo_editor",
    "moderator",
    "administrator",
)


def make_user(username, *group_names):
    user = get_user_model().objects.create_user(
        username=username, email=f"{username}@newsroom.example", password="s3cret-pass-word"
    )
    user.groups.set(Group.objects.filter(name__in=group_names))
    return user


def draft_article(site, parent, owner, title, slug):
    article = ArticlePageFactory(
        parent=parent,
        title=title,
        slug=slug,
        owner=owner,
        live=False,
        first_published_at=None,
        last_published_at=None,
        authors=[site.reporter],
    )
    article.save_revision(user=owner)
    article.title = f"{title} (second draft)"
    article.save_revision(user=owner)
    return article


@pytest.fixture
def newsroom(site):
    """Users for every role, and drafts owned by two reporters in two sections."""
    setup_roles()
    users = SimpleNamespace(
        reporter=make_user("reporter", REPORTERS),
        other_reporter=make_user("other-reporter", REPORTERS),
        politics_editor=make_user("politics-editor", section_editors_name(site.politics)),
        defense_editor=make_user("defense-editor", section_editors_name(site.defense)),
        photo_editor=make_user("photo-editor", PHOTO_EDITORS),
        moderator=make_user("moderator", MODERATORS),
        administrator=make_user("administrator", ADMINISTRATORS),
    )
    own = draft_article(site, site.politics, users.reporter, "Own draft", "own-draft")
    other = draft_article(
        site, site.politics, users.other_reporter, "Someone else's draft", "other-draft"
    )
    defense = draft_article(
        site, site.defense, users.other_reporter, "Defense desk draft", "defense-draft"
    )
    return SimpleNamespace(users=users, own=own, other=other, defense=defense, site=site)
