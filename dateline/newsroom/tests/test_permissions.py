"""The permission matrix: every role against every newsroom action on an article.

Wagtail answers an action a user may not take by redirecting to the dashboard ("/admin/")
with a message; anonymous users go to the login page.
"""

import pytest
from wagtail.models import Page

from .newsroom_world import ROLES, newsroom  # noqa: F401  (fixture)

ALLOWED, DENIED = "allowed", "denied"

ACTIONS = {
    "add": "/admin/pages/add/news/articlepage/{section}/",
    "edit": "/admin/pages/{pk}/edit/",
    "view_draft": "/admin/pages/{pk}/view_draft/",
    "preview": "/admin/pages/{pk}/edit/preview/",
    "revision": "/admin/pages/{pk}/revisions/{latest}/view/",
    "compare": "/admin/pages/{pk}/revisions/compare/{first}...{latest}/",
    "history": "/admin/pages/{pk}/history/",
    "copy": "/admin/pages/{pk}/copy/",
    "translate": "/admin/translation/submit/page/{pk}/",
}
EVERYTHING = dict.fromkeys(ACTIONS, ALLOWED)
NOTHING = dict.fromkeys(ACTIONS, DENIED)

# role -> target article ("own": the reporter's, "other": another reporter's; both in
# Politics) -> action -> expectation.
MATRIX = {
    "reporter": {
        "own": {**EVERYTHING, "translate": DENIED},
        # Adding is permitted in the section whoever owns the article next door.
        "other": {**NOTHING, "add": ALLOWED},
    },
    "politics_editor": {"own": EVERYTHING, "other": EVERYTHING},
    "defense_editor": {"own": NOTHING, "other": NOTHING},
    "photo_editor": {"own": NOTHING, "other": NOTHING},
    "moderator": {"own": NOTHING, "other": NOTHING},
    "administrator": {"own": EVERYTHING, "other": EVERYTHING},
}

CASES = [
    (role, target, action, MATRIX[role][target][action])
    for role in ROLES
    for target in ("own", "other")
    for action in ACTIONS
]


def action_url(newsroom, target, action):  # noqa: F811
    page = getattr(newsroom, target)
    revisions = list(page.revisions.order_by("pk").values_list("pk", flat=True))
    return ACTIONS[action].format(
        section=newsroom.site.politics.pk, pk=page.pk, first=revisions[0], latest=revisions[-1]
    )


@pytest.mark.parametrize(("role", "target", "action", "expected"), CASES)
def test_matrix(newsroom, client, role, target, action, expected):  # noqa: F811
    client.force_login(getattr(newsroom.users, role))
    response = client.get(action_url(newsroom, target, action))
    if expected == ALLOWED:
        assert response.status_code == 200, response.get("Location")
    else:
        assert response.status_code == 302
        assert response["Location"] == "/admin/"


@pytest.mark.parametrize("action", list(ACTIONS))
def test_anonymous_is_sent_to_the_login(newsroom, client, action):  # noqa: F811
    response = client.get(action_url(newsroom, "own", action))
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def _post_publish(client, page, site):
    from dateline.news.tests.test_newsroom import article_form

    data = article_form(site, title=f"{page.title} final", slug=page.slug)
    return client.post(f"/admin/pages/{page.pk}/edit/", data)


@pytest.mark.parametrize(
    ("role", "target", "published"),
    [
        ("reporter", "own", False),
        ("reporter", "other", False),
        ("politics_editor", "other", True),
        ("politics_editor", "defense", False),
        ("defense_editor", "defense", True),
        ("defense_editor", "other", False),
        ("photo_editor", "own", False),
        ("moderator", "own", False),
        ("administrator", "other", True),
    ],
)
def test_who_may_publish_where(newsroom, client, role, target, published):  # noqa: F811
    page = getattr(newsroom, target)
    client.force_login(getattr(newsroom.users, role))
    response = _post_publish(client, page, newsroom.site)
    assert response.status_code == 302  # back to the editor, published or told why not
    assert Page.objects.get(pk=page.pk).live is published


def test_guessing_ids_of_nothing_gives_404(newsroom, client):  # noqa: F811
    client.force_login(newsroom.users.reporter)
    missing = Page.objects.order_by("-pk").first().pk + 1000
    # (Django's locale middleware first redirects an unknown path to /en/..., which is a 404.)
    assert client.get(f"/admin/pages/{missing}/edit/", follow=True).status_code == 404
    revision = newsroom.other.revisions.order_by("pk").first().pk
    url = f"/admin/pages/{newsroom.own.pk}/revisions/{revision}/view/"
    # Another article's revision through the URL of one's own article.
    assert client.get(url, follow=True).status_code == 404


def test_photo_editor_manages_the_media_bank(newsroom, client):  # noqa: F811
    for role, status in [("photo_editor", 200), ("administrator", 200), ("reporter", 302)]:
        client.force_login(getattr(newsroom.users, role))
        assert client.get("/admin/images/").status_code == status, role
        assert client.get("/admin/images/multiple/add/").status_code == status, role


def test_moderator_enters_the_admin_but_no_page(newsroom, client):  # noqa: F811
    client.force_login(newsroom.users.moderator)
    assert client.get("/admin/").status_code == 200
    assert client.get(f"/admin/pages/{newsroom.site.politics.pk}/").status_code == 302


class TestOtherPeoplesDrafts:
    """Nowhere in the newsroom does a reporter read another reporter's unpublished work."""

    def places(self, newsroom):  # noqa: F811
        politics = newsroom.site.politics.pk
        return {
            "explorer": f"/admin/pages/{politics}/",
            "articles listing": "/admin/articles/",
            "admin search": "/admin/pages/search/?q=draft",
            "page chooser": f"/admin/choose-page/{politics}/",
            "chooser search": "/admin/choose-page/search/?q=draft",
            "admin API list": f"/admin/api/main/pages/?child_of={politics}",
        }

    def test_a_reporter_sees_own_drafts_not_others(self, newsroom, client):  # noqa: F811
        client.force_login(newsroom.users.reporter)
        for place, url in self.places(newsroom).items():
            response = client.get(url)
            assert response.status_code == 200, place
            text = response.content.decode()
            assert "Someone else" not in text, place
            assert "Own draft" in text, place
        detail = f"/admin/api/main/pages/{newsroom.other.pk}/"
        assert client.get(detail, follow=True).status_code == 404

    def test_the_section_editor_sees_every_draft_of_the_section(self, newsroom, client):  # noqa: F811
        client.force_login(newsroom.users.politics_editor)
        for place, url in self.places(newsroom).items():
            text = client.get(url).content.decode()
            assert "Someone else" in text, place
            assert "Own draft" in text, place
