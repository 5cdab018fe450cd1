"""No account enumeration, login throttling, safe redirects, and no newsroom for readers."""

import re

import pytest
from django.contrib.auth.hashers import MD5PasswordHasher
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext

from dateline.conftest import url_in

from .conftest import PASSWORD

TOKEN = re.compile(rb'name="csrfmiddlewaretoken" value="[^"]+"')


def body(response, typed):
    """The page without the CSRF token (new on every request) and the address typed."""
    return TOKEN.sub(b"", response.content).replace(typed.encode(), b"ADDRESS")


def test_login_failure_looks_the_same_for_known_and_unknown_addresses(site, client, reader):
    known = client.post(
        url_in("en", "account_login"), {"login": reader.email, "password": "wrong one"}
    )
    unknown = client.post(
        url_in("en", "account_login"), {"login": "nobody@example.org", "password": "wrong one"}
    )
    assert known.status_code == unknown.status_code == 200
    assert body(known, reader.email) == body(unknown, "nobody@example.org")


def test_password_reset_looks_the_same_for_known_and_unknown_addresses(site, client, reader):
    url = url_in("en", "account_reset_password")
    known = client.post(url, {"email": reader.email}, follow=True)
    unknown = client.post(url, {"email": "nobody@example.org"}, follow=True)
    assert known.status_code == unknown.status_code == 200
    assert known.redirect_chain == unknown.redirect_chain
    assert body(known, reader.email) == body(unknown, "nobody@example.org")


def test_signup_looks_the_same_for_known_and_unknown_addresses(site, client, reader):
    url = url_in("en", "account_signup")
    fields = {"password1": "another long passphrase", "password2": "another long passphrase"}
    known = client.post(url, {"email": reader.email, **fields}, follow=True)
    client.logout()
    unknown = client.post(url, {"email": "new.gull@example.org", **fields}, follow=True)
    assert known.status_code == unknown.status_code == 200
    assert [path for path, _status in known.redirect_chain] == [
        path for path, _status in unknown.redirect_chain
    ]
    assert body(known, reader.email) == body(unknown, "new.gull@example.org")
    # Both addresses get an e-mail: one to verify, one to say an account exists already.
    assert sorted(m.to[0] for m in mail.outbox) == ["gull@example.org", "new.gull@example.org"]


def test_failed_logins_are_throttled(site, client, reader):
    url = url_in("en", "account_login")
    pages = [
        client.post(url, {"login": reader.email, "password": f"wrong {n}"}).content.decode()
        for n in range(6)
    ]
    assert not any("Too many failed login attempts" in page for page in pages[:5])
    assert "Too many failed login attempts" in pages[5]
    # Even the right password waits until the window has passed.
    client.post(url, {"login": reader.email, "password": PASSWORD})
    assert "_auth_user_id" not in client.session


@pytest.mark.parametrize(
    "target", ["https://evil.example/", "//evil.example/", "http:/\\evil.example"]
)
def test_next_off_site_goes_home(site, client, reader, target):
    response = client.post(
        url_in("en", "account_login"),
        {"login": reader.email, "password": PASSWORD, "next": target},
    )
    assert response.status_code == 302
    assert response["Location"] == "/"


def test_readers_never_reach_the_newsroom(site, client, reader):
    client.force_login(reader)
    for url in ("/admin/", "/admin/pages/", "/admin/users/"):
        response = client.get(url)
        assert response.status_code == 302, url
        assert "/admin/login/" in response["Location"]


def test_signups_from_one_address_are_throttled(site, client):
    url = url_in("en", "account_signup")
    statuses = []
    for n in range(12):
        client.logout()
        password = f"harbour passphrase number {n}"
        statuses.append(
            client.post(
                url,
                {"email": f"gull{n}@example.org", "password1": password, "password2": password},
                REMOTE_ADDR="198.51.100.7",
            ).status_code
        )
    assert statuses[:10] == [302] * 10
    assert statuses[10:] == [429, 429]


class HashCounter:
    """Counts password hashes (the slow part of logging in and signing up)."""

    def __init__(self, monkeypatch):
        self.calls = 0
        original = MD5PasswordHasher.encode

        def encode(hasher, *args, **kwargs):
            self.calls += 1
            return original(hasher, *args, **kwargs)

        monkeypatch.setattr(MD5PasswordHasher, "encode", encode)

    def cost(self, client, url, data):
        """(password hashes, queries, e-mails sent) of one POST."""
        before, sent = self.calls, len(mail.outbox)
        with CaptureQueriesContext(connection) as queries:
            client.post(url, data)
        client.logout()
        return self.calls - before, len(queries), len(mail.outbox) - sent


def test_hashers_are_the_ones_counted(settings):
    assert settings.PASSWORD_HASHERS == ["django.contrib.auth.hashers.MD5PasswordHasher"]


def test_login_costs_the_same_for_known_and_unknown_addresses(site, client, reader, monkeypatch):
    counter = HashCounter(monkeypatch)
    url = url_in("en", "account_login")
    counter.cost(client, url, {"login": "warm.up@example.org", "password": "wrong one"})
    known = counter.cost(client, url, {"login": reader.email, "password": "wrong one"})
    unknown = counter.cost(client, url, {"login": "nobody@example.org", "password": "wrong one"})
    # One hash each: the password checked, or a dummy one (allauth), which is what takes
    # time. An unknown address costs one more indexed look-up (accounts without an
    # EmailAddress row), a fraction of a millisecond against a hash of a few hundred.
    assert known[0] == unknown[0] == 1
    assert known[2] == unknown[2] == 0
    assert 0 <= unknown[1] - known[1] <= 1


def test_signup_costs_the_same_hashing_for_known_and_unknown_addresses(
    site, client, reader, monkeypatch
):
    counter = HashCounter(monkeypatch)
    url = url_in("en", "account_signup")
    fields = {"password1": "another long passphrase", "password2": "another long passphrase"}
    known = counter.cost(client, url, {"email": reader.email, **fields})
    unknown = counter.cost(client, url, {"email": "new.gull@example.org", **fields})
    # One hash and one e-mail each; only the new account's own rows are extra queries.
    assert (known[0], known[2]) == (unknown[0], unknown[2]) == (1, 1)


def test_reset_costs_the_same_for_known_and_unknown_addresses(site, client, reader, monkeypatch):
    counter = HashCounter(monkeypatch)
    url = url_in("en", "account_reset_password")
    known = counter.cost(client, url, {"email": reader.email})
    unknown = counter.cost(client, url, {"email": "nobody@example.org"})
    # No hash, one e-mail each (a reset link, or "no account with this address").
    assert (known[0], known[2]) == (unknown[0], unknown[2]) == (0, 1)
    assert abs(known[1] - unknown[1]) <= 1  # the known address's e-mail rows are read
