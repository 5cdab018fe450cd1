import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group

from dateline.newsroom.roles import REPORTERS, setup_roles

# Rate-limit counters live in the cache; the root conftest empties this run's cache keys
# before every test (cache.clear() would flush a Redis database shared with other runs).
PASSWORD = "a long harbour passphrase"  # noqa: S105 - test readers' password
STAFF_PASSWORD = "a long newsroom passphrase"  # noqa: S105 - test staff's password


@pytest.fixture
def reader(db, django_user_model):
    user = django_user_model.objects.create_user(
        username="gull", email="gull@example.org", password=PASSWORD, display_name="Grey Gull"
    )
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    return user


@pytest.fixture
def reporter(db, django_user_model):
    """A member of the newsroom (the Reporters role: the admin opens for them)."""
    setup_roles()
    user = django_user_model.objects.create_user(
        username="tern", email="tern@example.org", password=STAFF_PASSWORD
    )
    user.groups.add(Group.objects.get(name=REPORTERS))
    return user
