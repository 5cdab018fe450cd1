from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LiveConfig(AppConfig):
    name = "dateline.live"
    label = "live"
    verbose_name = _("Live")

    def ready(self):
        from .signal_handlers import register_signal_handlers

        register_signal_handlers()
