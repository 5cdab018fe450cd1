"""Who may set a discussion's moderation mode, close it or turn it off: section editors for
their sections' pages, administrators everywhere, moderators and reporters nowhere."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse

from dateline.conftest import get_soup
from dateline.discussion import admin_views
from dateline.discussion.models import DiscussionSettings
from dateline.discussion.rules import discussion_for
from dateline.newsroom.roles import (
    ADMINISTRATORS,
    MODERATORS,
    REPORTERS,
    section_editors_name,
    setup_roles,
)

INDEX = "discussionsettings:index"
ADD = "discussionsettings:add"


def make_user(username, group_name):
    user = get_user_model().objects.create_user(username=username, password="s3cret-pass-word")
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def roles(site):
    setup_roles()


@pytest.fixture
def politics_editor(roles, site):
    return make_user("politics-editor", section_editors_name(site.politics))


def fields(page, state="closed", mode=""):
    return {"page": page.pk, "mode": mode, "state": state, "close_after_days": ""}


def edit_url(settings):
    return reverse("discussionsettings:edit", args=[settings.pk])


def listed_text(client):
    return get_soup(client, reverse(INDEX)).find("main").get_text()


class TestSectionEditors:
    def test_they_set_their_sections_articles_and_the_section(
        self, site, client, politics_editor, monkeypatch
    ):
        changed = []
        monkeypatch.setattr(admin_views, "discussion_changed", lambda *ids: changed.append(ids))
        client.force_login(politics_editor)
        assert client.post(reverse(ADD), fields(site.article, "closed")).status_code == 302
        assert discussion_for(site.article).state == "closed"
        response = client.post(reverse(ADD), fields(site.politics, "open", mode="pre"))
        assert response.status_code == 302
        assert discussion_for(site.article).premoderated
        assert changed == [(site.article.pk,), (site.politics.pk,)]

    def test_they_change_and_delete_only_their_own(self, site, client, politics_editor):
        ours = DiscussionSettings.objects.create(page=site.article, state="closed")
        theirs = DiscussionSettings.objects.create(page=site.related, state="closed")
        client.force_login(politics_editor)
        listed = listed_text(client)
        assert site.article.title in listed and site.related.title not in listed
        response = client.post(edit_url(ours), fields(site.article, "off"))
        assert response.status_code == 302
        assert client.get(edit_url(theirs)).status_code in (302, 403)
        client.post(edit_url(theirs), fields(site.related, "off"))
        delete = reverse("discussionsettings:delete", args=[theirs.pk])
        client.post(delete)
        theirs.refresh_from_db()
        assert theirs.state == "closed"
        assert DiscussionSettings.objects.get(pk=ours.pk).state == "off"

    def test_other_sections_and_other_pages_are_refused(self, site, client, politics_editor):
        client.force_login(politics_editor)
        for page in (site.related, site.defense, site.home):
            response = client.post(reverse(ADD), fields(page))
            assert response.status_code == 200, page
            assert get_soup(client, reverse(ADD)).find("form") is not None
        assert not DiscussionSettings.objects.exists()
        # Nor can they move their own settings to another section's article.
        ours = DiscussionSettings.objects.create(page=site.article, state="closed")
        assert client.post(edit_url(ours), fields(site.related)).status_code == 200
        assert DiscussionSettings.objects.get(pk=ours.pk).page_id == site.article.pk


def test_administrators_set_every_section(site, client, roles):
    client.force_login(make_user("chief", ADMINISTRATORS))
    assert client.post(reverse(ADD), fields(site.related, "off")).status_code == 302
    assert discussion_for(site.related).is_off


@pytest.mark.parametrize("group_name", [MODERATORS, REPORTERS])
def test_moderators_and_reporters_cannot_touch_the_settings(site, client, roles, group_name):
    settings = DiscussionSettings.objects.create(page=site.article, state="closed")
    client.force_login(make_user("someone", group_name))
    menu = set(re.findall(r'"url": "(/admin/[^"]*)"', client.get("/admin/").content.decode()))
    assert reverse(INDEX) not in menu
    for url in (reverse(INDEX), reverse(ADD), edit_url(settings)):
        assert client.get(url).status_code in (302, 403), url
    client.post(reverse(ADD), fields(site.related, "off"))
    assert not DiscussionSettings.objects.filter(page=site.related).exists()


def test_moderators_still_moderate(site, client, roles):
    client.force_login(make_user("keeper", MODERATORS))
    menu = set(re.findall(r'"url": "(/admin/[^"]*)"', client.get("/admin/").content.decode()))
    assert reverse("discussion_admin:queue") in menu
    assert client.get(reverse("discussion_admin:queue")).status_code == 200
