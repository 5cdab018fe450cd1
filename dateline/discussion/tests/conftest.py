"""Readers and helpers for the discussion's tests (the news world comes from `site`)."""

import pytest
from allauth.account.models import EmailAddress

from dateline.discussion.models import Comment

# Rate-limit counters live in the cache; the root conftest empties this run's cache keys
# before every test (cache.clear() would flush a Redis database shared with other runs).
PASSWORD = "a long harbour passphrase"  # noqa: S105 - test readers' password


def make_reader(django_user_model, name, display_name=""):
    user = django_user_model.objects.create_user(
        username=name,
        email=f"{name}@example.org",
        password=PASSWORD,
        display_name=display_name,
    )
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    return user


@pytest.fixture
def reader(db, django_user_model):
    return make_reader(django_user_model, "gull", "Grey Gull of Halvern")


@pytest.fixture
def other_reader(db, django_user_model):
    return make_reader(django_user_model, "tern", "Arctic Tern")


@pytest.fixture
def trusted(reader, site):
    """A reader whose earlier comment was approved: new comments appear at once."""
    Comment.objects.create(
        article=site.related,
        author=reader,
        body="An earlier approved remark about the convoy.",
        body_hash="earlier",
        status=Comment.Status.APPROVED,
    )
    return reader


def approved(site, author, body, parent=None, **fields):
    return Comment.objects.create(
        article=site.article,
        author=author,
        parent=parent,
        depth=parent.depth + 1 if parent else 0,
        body=body,
        body_hash=body,
        status=Comment.Status.APPROVED,
        **fields,
    )
