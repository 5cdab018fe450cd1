"""Rate limits: fixed windows in the cache, exact under concurrent requests."""

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.test import override_settings
from django.urls import reverse

from dateline.conftest import soup
from dateline.discussion import conf, ratelimit
from dateline.discussion.models import Reaction, Report

from .conftest import approved, make_reader

RATES = {"RATES": {"post_user": (10, 60), "post_ip": (25, 60)}}


@override_settings(DATELINE_DISCUSSION=RATES)
def test_limit_then_refuse_then_a_new_window():
    allowed = [ratelimit.hit("post_user", 7, now=1000.0) for _ in range(12)]
    assert allowed == [True] * 10 + [False] * 2
    assert ratelimit.hit("post_user", 8, now=1000.0)  # another reader
    assert ratelimit.hit("post_user", 7, now=1061.0)  # the next minute


@override_settings(DATELINE_DISCUSSION=RATES)
def test_concurrent_hits_never_exceed_the_limit():
    start = threading.Barrier(16)

    def attempt(_):
        start.wait()
        return [ratelimit.hit("post_ip", "203.0.113.9", now=5000.0) for _ in range(5)]

    with ThreadPoolExecutor(max_workers=16) as pool:
        results = [ok for batch in pool.map(attempt, range(16)) for ok in batch]
    assert len(results) == 80
    assert results.count(True) == 25


def test_a_broken_cache_lets_readers_through(monkeypatch):
    def broken(*args, **kwargs):
        raise ConnectionError("cache down")

    monkeypatch.setattr(ratelimit.cache, "add", broken)
    assert ratelimit.hit("post_user", 1)


@override_settings(DATELINE_DISCUSSION={"RATES": {"react_ip": (7, 60), "report_ip": (4, 600)}})
@pytest.mark.parametrize("name", ["react_ip", "report_ip"])
def test_concurrent_reactions_and_reports_from_one_address_stop_at_the_limit(name):
    limit = conf.get("RATES")[name][0]
    start = threading.Barrier(12)

    def attempt(_):
        start.wait()
        return [ratelimit.hit(name, "198.51.100.23", now=9000.0) for _ in range(3)]

    with ThreadPoolExecutor(max_workers=12) as pool:
        results = [ok for batch in pool.map(attempt, range(12)) for ok in batch]
    assert results.count(True) == limit
    assert ratelimit.hit(name, "198.51.100.24", now=9000.0)  # another address


def readers(django_user_model, count):
    return [make_reader(django_user_model, f"crowd{n}") for n in range(count)]


@override_settings(DATELINE_DISCUSSION={"RATES": {"react_ip": (3, 60)}})
def test_reactions_from_one_address_are_throttled_whoever_sends_them(
    site, client, django_user_model, other_reader
):
    comment = approved(site, other_reader, "A remark many people like.")
    url = reverse("discussion:react", kwargs={"comment_id": comment.pk})
    statuses = []
    for user in readers(django_user_model, 5):
        client.force_login(user)
        response = client.post(
            url, {"kind": "like"}, REMOTE_ADDR="203.0.113.50", HTTP_ACCEPT="application/json"
        )
        statuses.append(response.status_code)
    assert statuses == [200, 200, 200, 429, 429]
    assert "error" in response.json()
    comment.refresh_from_db()
    assert comment.reaction_count == 3 == Reaction.objects.filter(comment=comment).count()
    # Another address is not affected.
    assert client.post(url, {"kind": "like"}, REMOTE_ADDR="203.0.113.51").status_code == 302


@override_settings(DATELINE_DISCUSSION={"RATES": {"report_ip": (2, 600)}})
def test_reports_from_one_address_are_throttled_whoever_sends_them(
    site, client, django_user_model, other_reader
):
    comment = approved(site, other_reader, "A remark many people report.")
    url = reverse("discussion:report", kwargs={"comment_id": comment.pk})
    statuses = []
    for user in readers(django_user_model, 4):
        client.force_login(user)
        response = client.post(url, {"reason": "spam"}, REMOTE_ADDR="203.0.113.60")
        statuses.append(response.status_code)
    assert statuses == [200, 200, 429, 429]
    assert "Wait a while" in soup(response).find(role="alert").get_text()
    assert Report.objects.filter(comment=comment).count() == 2
