"""The permission matrix for breaking-news alerts: section editors and administrators raise and
retire them; reporters, photo editors and moderators cannot, whatever URL they try."""

import pytest
from django.urls import reverse
from wagtail.models import Locale

from dateline.live.models import Alert

from .newsroom_world import ROLES, newsroom  # noqa: F401  (fixture)

MAY_RAISE = {"politics_editor", "defense_editor", "administrator"}


def alert_data(headline, active=True):
    data = {
        "headline": headline,
        "link": "/en/politics/",
        "level": "breaking",
        "locale": Locale.objects.get(language_code="en").pk,
    }
    if active:
        data["active"] = "on"
    return data


@pytest.mark.parametrize("role", ROLES)
def test_who_raises_and_retires_alerts(newsroom, client, role, broker):  # noqa: F811
    allowed = role in MAY_RAISE
    existing = Alert.objects.create(
        headline="Storm warning for the coast", locale=Locale.objects.get(language_code="en")
    )
    client.force_login(getattr(newsroom.users, role))

    listing = client.get(reverse("wagtailsnippets_live_alert:list"))
    assert listing.status_code == (200 if allowed else 302), role

    raised = client.post(reverse("wagtailsnippets_live_alert:add"), alert_data("Port closed"))
    assert raised.status_code == 302
    assert Alert.objects.filter(headline="Port closed").exists() is allowed, role

    retired = client.post(
        reverse("wagtailsnippets_live_alert:edit", args=[existing.pk]),
        alert_data(existing.headline, active=False),
    )
    assert retired.status_code == 302
    existing.refresh_from_db()
    assert existing.active is not allowed, role
    if not allowed:
        assert retired["Location"] == "/admin/"


@pytest.fixture
def broker():
    from dateline.live.tests.sse import use_broker

    with use_broker(BACKEND="dateline.live.backends.memory.MemoryBroker") as broker:
        yield broker
