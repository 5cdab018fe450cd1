from django.contrib.auth.models import AbstractUser
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _


class User(AbstractUser):
    """One user model for readers and newsroom staff; groups tell them apart."""

    display_name = models.CharField(
        _("display name"),
        max_length=80,
        blank=True,
        help_text=_("Shown with your comments. Leave blank to use your user name."),
    )
    notify_replies = models.BooleanField(
        _("e-mail me when someone replies to my comments"), default=True
    )

    class Meta(AbstractUser.Meta):
        swappable = "AUTH_USER_MODEL"
        constraints = [
            models.UniqueConstraint(
                Lower("email"),
                condition=~models.Q(email=""),
                name="accounts_user_email_ci_unique",
            )
        ]

    @property
    def public_name(self):
        return self.display_name or self.get_full_name() or self.username
