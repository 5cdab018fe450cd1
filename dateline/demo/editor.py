"""The newsroom account the demo prints at the end, so a visitor can open the admin at once."""

import os

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model

USERNAME = "editor"
EMAIL = "editor@dateline.example"
DEFAULT_PASSWORD = "dateline-demo"  # noqa: S105  (a documented demo credential)


def password():
    return os.environ.get("DATELINE_DEMO_PASSWORD") or DEFAULT_PASSWORD


def ensure_editor():
    """Create or refresh the demo editor: a superuser whose password is the one printed.

    Returns (user, created).
    """
    User = get_user_model()
    user, created = User.objects.get_or_create(
        username=USERNAME, defaults={"email": EMAIL, "display_name": "Newsroom editor"}
    )
    user.is_staff = user.is_superuser = user.is_active = True
    user.set_password(password())
    user.save()
    # Readers log in by e-mail with mandatory verification; the editor's address is verified.
    EmailAddress.objects.update_or_create(
        user=user, email=user.email, defaults={"verified": True, "primary": True}
    )
    return user, created


def exists():
    return get_user_model().objects.filter(username=USERNAME).exists()
