from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "dateline.accounts"
    label = "accounts"
    verbose_name = _("Accounts")

    def ready(self):
        from .staff_login import register_signal_handlers

        register_signal_handlers()
