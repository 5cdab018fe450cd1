import pytest
from allauth.account.models import EmailAddress
from django.core.cache import cache

PASSWORD = "a long harbour passphrase"  # noqa: S105 - test readers' password


@pytest.fixture(autouse=True)
def _fresh_cache():
    """allauth's rate-limit counters live in the cache: every test starts with none."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def reader(db, django_user_model):
    user = django_user_model.objects.create_user(
        username="gull", email="gull@example.org", password=PASSWORD, display_name="Grey Gull"
    )
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    return user
