import pytest
from allauth.account.models import EmailAddress

# Rate-limit counters live in the cache; the root conftest empties this run's cache keys
# before every test (cache.clear() would flush a Redis database shared with other runs).
PASSWORD = "a long harbour passphrase"  # noqa: S105 - test readers' password


@pytest.fixture
def reader(db, django_user_model):
    user = django_user_model.objects.create_user(
        username="gull", email="gull@example.org", password=PASSWORD, display_name="Grey Gull"
    )
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    return user
