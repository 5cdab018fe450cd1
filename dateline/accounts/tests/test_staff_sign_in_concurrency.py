"""Forty sign-ins at once on the admin's login, each in a thread of its own (docs/security.md).

A module of its own: its test commits (threads have their own database connections), and the
other module's world is kept in a transaction open for the whole module.
"""

import pytest
from django.db import connection
from django.test import Client

from .conftest import STAFF_PASSWORD
from .test_staff_sign_in import LOCKED, MISMATCH, in_threads, sign_in


@pytest.mark.skipif(
    connection.vendor == "sqlite",
    reason="SQLite's shared in-memory test database locks tables against other threads",
)
def test_concurrent_wrong_passwords_are_checked_no_more_than_the_limit(
    transactional_db, django_user_model
):
    """Forty sign-ins at once, each in a thread of its own (its own database connection,
    the same shared cache): only five passwords are checked."""
    django_user_model.objects.create_user(username="skua", password=STAFF_PASSWORD)

    def attempt(n):
        return sign_in(Client(), "skua", f"guess {n}", address=f"203.0.113.{n}").content.decode()

    pages = in_threads(40, attempt)
    assert sum(MISMATCH in page for page in pages) == 5
    assert sum(LOCKED in page for page in pages) == 35
    assert LOCKED in sign_in(Client(), "skua", STAFF_PASSWORD).content.decode()
