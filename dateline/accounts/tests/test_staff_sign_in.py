"""Staff sign-in: the admin's login and private pages' passwords throttled (docs/security.md)."""

import threading
import time

from django.db import connection
from django.test import Client
from django.urls import reverse
from wagtail.models import Collection, CollectionViewRestriction

from dateline.accounts.throttles import Attempt, Throttle
from dateline.conftest import url_in

from .conftest import STAFF_PASSWORD

LOGIN = "/admin/login/"
LOCKED = "Too many failed sign-in attempts"
MISMATCH = "didn&#x27;t match"


def sign_in(client, username, password, address="192.0.2.10"):
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address)


def signed_in(client):
    return "_auth_user_id" in client.session


def test_300_wrong_passwords_lock_the_account_and_the_right_one_waits(db, client, reporter):
    pages = [sign_in(client, "tern", f"guess number {n}").content.decode() for n in range(300)]
    # Five passwords were checked and said wrong; every later attempt was refused unchecked.
    assert [MISMATCH in page for page in pages[:5]] == [True] * 5
    assert not any(LOCKED in page for page in pages[:5])
    assert all(LOCKED in page and MISMATCH not in page for page in pages[5:])
    # The right password does not open a locked account, from this address or another.
    for address in ("192.0.2.10", "198.51.100.20"):
        response = sign_in(client, "tern", STAFF_PASSWORD, address)
        assert response.status_code == 200
        assert LOCKED in response.content.decode()
        assert not signed_in(client)


def test_the_account_is_the_same_by_user_name_or_e_mail(db, client, reporter):
    for n in range(3):
        sign_in(client, "tern", f"guess {n}", address=f"192.0.2.{n}")
    for n in range(2):
        sign_in(client, "TERN@example.org", f"guess {n}", address=f"198.51.100.{n}")
    response = sign_in(client, "tern", STAFF_PASSWORD, address="203.0.113.9")
    assert LOCKED in response.content.decode()
    assert not signed_in(client)


def test_one_address_trying_many_accounts_is_locked_out(db, client, reporter):
    for n in range(20):
        page = sign_in(client, f"nobody{n}", "a wrong password").content.decode()
        assert MISMATCH in page, n
    page = sign_in(client, "tern", STAFF_PASSWORD).content.decode()
    assert LOCKED in page
    assert not signed_in(client)
    # Another address is not held back by this one.
    response = sign_in(client, "tern", STAFF_PASSWORD, address="198.51.100.20")
    assert response.status_code == 302
    assert signed_in(client)


def test_a_few_mistakes_then_the_right_password_signs_in(db, client, reporter):
    for n in range(4):
        sign_in(client, "tern", f"guess {n}")
    response = sign_in(client, "tern", STAFF_PASSWORD)
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")
    assert signed_in(client)
    assert client.get("/admin/").status_code == 200


def test_the_lock_ends_with_its_window(db, client, reporter, settings):
    settings.DATELINE_SIGN_IN_THROTTLES = {
        **settings.DATELINE_SIGN_IN_THROTTLES,
        "admin_account": (2, 1),
    }
    for n in range(3):
        sign_in(client, "tern", f"guess {n}")
    assert LOCKED in sign_in(client, "tern", STAFF_PASSWORD).content.decode()
    time.sleep(1.2)
    assert sign_in(client, "tern", STAFF_PASSWORD).status_code == 302


def in_threads(count, target):
    """Run target(n) in `count` threads started together; their results, in any order."""
    start = threading.Barrier(count)
    results = []
    lock = threading.Lock()

    def run(n):
        try:
            start.wait()
            result = target(n)
            with lock:
                results.append(result)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(n,)) for n in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(results) == count
    return results


def test_concurrent_attempts_reserve_no_more_places_than_the_limit(rf):
    """The counters alone (the local cache, or Redis on the PostgreSQL run): 60 attempts at
    once on one account from 60 addresses, five get through."""

    def attempt(n):
        request = rf.post(LOGIN, REMOTE_ADDR=f"203.0.113.{n}")
        return Attempt(
            request, [(Throttle("admin_account"), "user:1"), (Throttle("admin_address"), None)]
        ).begin()

    assert sorted(in_threads(60, attempt)) == [False] * 55 + [True] * 5


# Private pages' passwords (Wagtail's view restrictions).


def password_url(page):
    restriction = page.get_view_restrictions().get()
    return url_in(
        "en", "wagtailcore_authenticate_with_password",
        page_view_restriction_id=restriction.pk, page_id=page.pk,
    )  # fmt: skip


def guess(client, site, password, address="192.0.2.30"):
    return client.post(
        password_url(site.private),
        {"password": password, "return_url": site.private.url},
        REMOTE_ADDR=address,
    )


def test_40_wrong_page_passwords_from_one_address_are_stopped_at_ten(site, client):
    statuses = [guess(client, site, f"guess {n}").status_code for n in range(40)]
    assert statuses == [200] * 10 + [429] * 30
    refused = guess(client, site, "harbour")
    assert refused.status_code == 429
    assert "Too many wrong passwords" in refused.content.decode()
    assert int(refused["Retry-After"]) > 0
    # The page is still behind its password for this reader.
    page = client.get(site.private.url)
    assert page.status_code == 200
    assert 'name="password"' in page.content.decode()
    # Another reader, elsewhere, with the password, gets in.
    other = Client()
    response = guess(other, site, "harbour", address="198.51.100.40")
    assert response.status_code == 302
    assert "Members-only briefing" in other.get(site.private.url).content.decode()


def test_guesses_from_many_addresses_lock_the_page_password(site, client):
    for n in range(30):
        assert guess(client, site, f"guess {n}", address=f"203.0.113.{n}").status_code == 200
    assert guess(Client(), site, "harbour", address="198.51.100.41").status_code == 429


def test_a_right_page_password_is_not_counted(site, client):
    for n in range(5):
        guess(client, site, f"guess {n}")
    for _ in range(10):
        assert guess(Client(), site, "harbour").status_code == 302
    for n in range(5):
        assert guess(client, site, f"guess again {n}").status_code == 200
    assert guess(client, site, "one too many").status_code == 429


def test_behind_a_proxy_each_reader_is_counted_apart(site, client, settings):
    """Behind nginx every request comes from nginx's address: with the proxy counted, the
    address is the one nginx appended to X-Forwarded-For."""
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    for n in range(12):
        response = client.post(
            password_url(site.private),
            {"password": f"guess {n}", "return_url": site.private.url},
            REMOTE_ADDR="127.0.0.1",
            HTTP_X_FORWARDED_FOR=f"10.9.9.9, 203.0.113.{n}",
        )
        assert response.status_code == 200, n
    same_reader = {"REMOTE_ADDR": "127.0.0.1", "HTTP_X_FORWARDED_FOR": "203.0.113.50"}
    statuses = [
        client.post(password_url(site.private), {"password": "x", "return_url": "/"}, **same_reader)
        for _ in range(11)
    ]
    assert [response.status_code for response in statuses] == [200] * 10 + [429]


def test_document_collection_passwords_are_throttled_too(db, client):
    collection = Collection.get_first_root_node().add_child(name="Embargoed papers")
    restriction = CollectionViewRestriction.objects.create(
        collection=collection,
        restriction_type=CollectionViewRestriction.PASSWORD,
        password="lighthouse",
    )
    url = reverse("wagtaildocs_authenticate_with_password", args=[restriction.pk])
    statuses = [
        client.post(url, {"password": f"guess {n}", "return_url": "/"}).status_code
        for n in range(11)
    ]
    assert statuses == [200] * 10 + [429]
    assert client.post(url, {"password": "lighthouse", "return_url": "/"}).status_code == 429
